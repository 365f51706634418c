using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// What sentences with no violent event of their own add to the events before them (follow-ups), and how a fatal word settles a vague injury.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// The events with what later sentences add about their victims: a sentence with no violent event of
    /// its own ("He died at the hospital.", "The victim was taken to a hospital in critical condition.")
    /// adds to the last ASSAULT event before it (or the first after it when none is before). A victim
    /// said to have died moves from injured to killed; one said to be in hospital counts as injured
    /// unless the event already has dead.
    /// </summary>
    public ImmutableArray<EventMention> WithFollowUps(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        ArgumentNullException.ThrowIfNull(text);
        events = WithoutOutcomeFollowUps(text, events);
        var assaults = new List<int>();
        for (var e = 0; e < events.Length; e++)
        {
            if (events[e].Type == PloverType.Assault) assaults.Add(e);
        }
        if (assaults.Count == 0) return events;
        var withEvent = new HashSet<int>();
        foreach (var e in assaults) withEvent.Add(text.SentenceIndexOf(events[e].Trigger.StartToken));

        var result = events.ToBuilder();
        // Whether an event's injured are only victims who may be the dead ones: "he was shot", "the victim was taken to a hospital".
        // A victim named among the dead ("Carlos Ibanez ... died"; "Ibanez was taken to a hospital") is one of them too.
        var deadNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sentenceStatements = new List<Statement>?[text.Sentences.Length];
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            var sentence = text.Sentences[s];
            if (sentence.Length == 0 || text.SegmentKindAt(sentence.Start) is Documents.SegmentKind.Comment or Documents.SegmentKind.Boilerplate) continue;
            sentenceStatements[s] = Statements(text, sentence);
            foreach (var st in sentenceStatements[s]!)
            {
                if (st.Kind != Outcome.Killed || st.Min == 0) continue;
                for (var t = st.VictimStart; t < st.VictimEnd; t++)
                {
                    if (NameToken(text, t)) deadNames.Add(text.WordOf(t));
                }
            }
        }
        // "Nine people have died … . 19 people sustained injuries": a counted group with a wound, in the sentence right after
        // one that counts dead, is told apart from them as in one sentence ("nine died and 19 sustained injuries").
        for (var s = 1; s < text.Sentences.Length; s++)
        {
            if (sentenceStatements[s] is not { } here || sentenceStatements[s - 1] is not { } prior || !prior.Exists(o => o.Kind == Outcome.Killed && o.Min > 0)) continue;
            for (var i = 0; i < here.Count; i++)
            {
                if (here[i] is { Kind: Outcome.Injured, Weak: true } st && CountedWound(text, st)) here[i] = st with { Weak = false };
            }
        }
        bool IsVague(Statement st) => st.Kind != Outcome.Injured || !st.Additional && (st.Weak || NamesTheDead(text, st, deadNames));
        var vague = new Dictionary<int, bool>();
        // The wounded whom a follow-up already moved to the dead ("Two men were shot. One of them later died."), per event.
        var moved = new Dictionary<int, decimal>();
        foreach (var e in assaults)
        {
            if (result[e].Injured is not { Min: > 0 }) continue;
            vague[e] = (sentenceStatements[text.SentenceIndexOf(result[e].Trigger.StartToken)] ?? []).TrueForAll(IsVague);
        }
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            if (withEvent.Contains(s)) continue;
            var sentence = text.Sentences[s];
            if (sentence.Length == 0) continue;
            var segment = text.SegmentKindAt(sentence.Start);
            if (segment is Documents.SegmentKind.Comment or Documents.SegmentKind.Boilerplate) continue;
            var statements = sentenceStatements[s] ?? [];
            if (statements.Count == 0 || NamesNaturalCause(text, sentence)) continue;
            var target = Target(result, assaults, sentence.StartToken);
            // "At least 21 people died in the siege. On Tuesday, an airstrike near Jilib killed 8 militants": with no event
            // before it, a sentence's dead or hurt reach forward only to an event that counts none of that kind itself.
            if (result[target].Trigger.StartToken > sentence.StartToken
                && statements.Any(st => (st.Kind == Outcome.Killed ? result[target].Fatalities : result[target].Injured) is not null)) continue;
            // "… killing 27 soldiers. More than 60 militants were killed when troops fought back": the attackers the defenders
            // killed are the dead of the defenders' action, never the attack's.
            var attackDead = result[target].Fatalities?.Span;
            statements = statements.FindAll(st => st.Kind != Outcome.Killed || !SidesMerger.RepelledAttackers(text, attackDead, st.VictimStart, st.VictimEnd, sentence.StartToken, sentence.EndToken));
            // "… in Kosti, killing six. Three more people died in Rabak": victims "more" than those told before, at a named place
            // other than the event's, are another attack's, not more of this one.
            if (NamesOtherPlace(text, sentence, result[target])) statements = statements.FindAll(st => !st.Additional);
            if (statements.Count == 0) continue;
            var before = result[target].Injured;
            var own = sentenceStatements[text.SentenceIndexOf(result[target].Trigger.StartToken)] ?? [];
            result[target] = AddFollowUp(text, result[target], statements, own, out var movedNow);
            if (movedNow > 0) moved[target] = moved.GetValueOrDefault(target) + movedNow;
            if (result[target].Injured is { Min: > 0 } after && !ReferenceEquals(before, after))
                vague[target] = (before is null || vague.GetValueOrDefault(target)) && statements.TrueForAll(IsVague);
        }
        AddDoerDeaths(text, result, assaults, sentenceStatements, withEvent);
        // "Two more bodies were pulled from the rubble. That takes the death toll to 14.": a tally that names no
        // scope, in a sentence with no violent event of its own, is the latest count of the event it follows; "A man who
        // survived the strike on Monday has died, raising the death toll from the attack to four": a tally of one event,
        // in its own sentence or a later one, is the latest count of the single attack told last before it. A count only
        // rises, so never below the event's own; the tally stays a toll too. A tally after a plural or unasserted event
        // ("the strikes") or a front's fighting ("the fighting", "the war") updates none. A tally of the hurt ("the number of
        // injured later rose to 15") updates the event's injured the same way.
        for (var s = 0; s < text.Sentences.Length; s++)
        {
            var sentence = text.Sentences[s];
            if (sentence.Length == 0 || text.SegmentKindAt(sentence.Start) is Documents.SegmentKind.Comment or Documents.SegmentKind.Boilerplate) continue;
            var tallies = Tolls.Tallies(text, sentence);
            foreach (var t in tallies)
            {
                if (t.Measure is not (TollMeasure.Killed or TollMeasure.Injured)) continue;
                var injured = t.Measure == TollMeasure.Injured;
                int target;
                // "The toll later rose to 14 after six of the wounded died in hospital": a sentence whose only violent words
                // are an outcome tells no attack of its own, so its tally is as bare as in one with none.
                var bare = (!withEvent.Contains(s) || OnlyOutcomeEvents(result, assaults, text, s)) && Tolls.IsBare(text, sentence, t, tallies);
                if (bare)
                {
                    if (NamesNaturalCause(text, sentence)) continue;
                    target = Target(result, assaults, sentence.StartToken);
                    if (result[target].Trigger.StartToken > sentence.StartToken) continue;
                }
                else if (withEvent.Contains(s) && Tolls.IsBare(text, sentence, t, tallies) && GerundClauseAfterComma(text, sentence, t.Start) && OnlyUncountedAttackBefore(result, assaults, text, s, t.Number.Span.StartToken, injured) is { } only)
                {
                    // "… a block that was hit by a missile on Wednesday, putting the final death toll at 31": a tally that names
                    // no scope, in a participle clause after the one attack of its sentence, which counts none of its own, is
                    // that attack's count ("fought on for a third straight day while the toll climbed to 32" is the fighting's toll).
                    target = only;
                }
                else if (!withEvent.Contains(s) && Tolls.PlaceOfTally(text, sentence, t, tallies) is { } place)
                {
                    // "The death toll in Dnipro has risen to nine": the last attack told before it at that place.
                    var name = text.EntityAt(place.StartToken)?.Known?.Key;
                    target = assaults.FindLastIndex(e => result[e].Trigger.StartToken < sentence.StartToken && result[e].Location?.Known?.Key is { } key && key == name) is var k and >= 0 ? assaults[k] : -1;
                    if (target < 0) continue;
                }
                else if (Tolls.OneEventAfter(text, sentence, t) is { } eventWord
                    && assaults.FindIndex(e => result[e].Trigger.StartToken <= eventWord && eventWord < result[e].Trigger.EndToken) is var after and >= 0)
                {
                    // "The toll stands at 12 dead after Tuesday's strike": the one event named after the counts.
                    target = assaults[after];
                }
                else if (Tolls.IsOfOneEvent(text, sentence, t))
                {
                    // The tally's own event word may be the attack's ("from the attack": grouped with "strike").
                    target = assaults.FindLastIndex(e => result[e].Trigger.StartToken < t.Number.Span.StartToken) is var k and >= 0 ? assaults[k] : -1;
                    if (target < 0) continue;
                }
                else continue;
                if (result[target].Modality != Modality.Asserted || IsPlural(result[target]) || Tolls.IsCampaignNoun(text, result[target].Trigger.EndToken - 1)) continue;
                var tally = new CountRange(t.Number.Min, t.Number.Max, text.Span(t.Start, t.End));
                if ((injured ? result[target].Injured : result[target].Fatalities) is { } own
                    && ((own.Max ?? own.Min) > (tally.Max ?? tally.Min) || !bare && (own.Max ?? own.Min) == (tally.Max ?? tally.Min))) continue;
                // "By midday the number of injured rose to 93": the hurt of that event, likewise.
                result[target] = injured ? result[target] with { Injured = tally } : result[target] with { Fatalities = tally };
            }
        }
        // "A man was shot and killed ... Police said the suspect shot him", "reports of a person shot ... he died":
        // a shooting said without its outcome, or a victim named again, is the death the article reports elsewhere.
        var articleKilled = 0m;
        foreach (var e in assaults)
        {
            if (result[e].Fatalities is { } k) articleKilled = Math.Max(articleKilled, k.Min);
        }
        if (articleKilled > 0)
        {
            foreach (var e in assaults)
            {
                if (result[e].Injured is not { Min: > 0 } injured || !vague.GetValueOrDefault(e)) continue;
                // Those a follow-up already moved to the dead are not taken away twice.
                var dead = Math.Max(0, articleKilled - moved.GetValueOrDefault(e));
                if (dead == 0) continue;
                var left = injured.Min - dead;
                result[e] = result[e] with { Injured = left > 0 ? new CountRange(left, injured.Max is { } max ? max - dead : null, injured.Span) : null };
            }
        }
        else if (FatalWord(text) is { } fatal)
        {
            // "charged in the shooting death of ... shot Long once in the head": an article that calls the shooting
            // fatal, with no death counted, means the one shot died.
            foreach (var e in assaults)
            {
                if (result[e].Injured is not { Min: 1, Max: 1 } injured || !vague.GetValueOrDefault(e)) continue;
                result[e] = result[e] with { Injured = null, Fatalities = new CountRange(1, 1, fatal) };
            }
        }
        return result.MoveToImmutable();
    }

    /// <summary>Whether every assault of sentence <paramref name="s"/> is told by an outcome word alone ("died", "were killed").</summary>
    private static bool OnlyOutcomeEvents(ImmutableArray<EventMention>.Builder result, List<int> assaults, AnnotatedText text, int s) =>
        assaults.Where(e => text.SentenceIndexOf(result[e].Trigger.StartToken) == s).All(e => IsOutcomeWord(result[e].Trigger.Text));

    /// <summary>"…, putting the final death toll at 31": a participle right after a comma opens the tally (before its determiner and describing words).</summary>
    private static bool GerundClauseAfterComma(AnnotatedText text, TokenSpan sentence, int tally)
    {
        var k = tally - 1;
        while (k > sentence.StartToken && tally - k <= 4 && text.PosOf(k) is "DT" or "JJ" or "NN") k--;
        return k > sentence.StartToken && text.PosOf(k) == "VBG" && text.WordOf(k - 1) == ",";
    }

    /// <summary>
    /// The one assault of sentence <paramref name="s"/> when it is told before <paramref name="before"/> and states no count
    /// of the measure (dead, or hurt); null when the sentence tells another or it counts its own.
    /// </summary>
    private static int? OnlyUncountedAttackBefore(ImmutableArray<EventMention>.Builder result, List<int> assaults, AnnotatedText text, int s, int before, bool injured)
    {
        var inSentence = assaults.Where(e => text.SentenceIndexOf(result[e].Trigger.StartToken) == s).ToList();
        if (inSentence.Count != 1 || result[inSentence[0]].Trigger.StartToken >= before) return null;
        return (injured ? result[inSentence[0]].Injured : result[inSentence[0]].Fatalities) is null ? inSentence[0] : null;
    }

    /// <summary>The last asserted ASSAULT event before the token, else the last ASSAULT event before it, else the first after it.</summary>
    private static int Target(ImmutableArray<EventMention>.Builder events, List<int> assaults, int token)
    {
        int? before = null, assertedBefore = null, singleBefore = null;
        foreach (var e in assaults)
        {
            if (events[e].Trigger.StartToken >= token) break;
            before = e;
            if (events[e].Modality != Modality.Asserted) continue;
            assertedBefore = e;
            // A follow-up tells of one event's victims: "one of the attacks" or "the strikes" is no such event.
            if (!IsPlural(events[e])) singleBefore = e;
        }
        return singleBefore ?? assertedBefore ?? before ?? assaults[0];
    }

    private static bool IsPlural(EventMention e) =>
        e.Trigger.Owner.PosOf(e.Trigger.EndToken - 1) is "NNS" or "NNPS";

    /// <summary>
    /// "… a strike on a vessel on Thursday. Trump said two other crew members were killed.": an event named only by its
    /// outcome ("were killed"), with no place of its own, whose victims are all said to be more ("two other", "a second")
    /// continues the violent event before it; it is left out here so that its sentence adds to that event as a follow-up.
    /// </summary>
    private ImmutableArray<EventMention> WithoutOutcomeFollowUps(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        var drop = new HashSet<int>();
        var earlierAssault = false;
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            if (e.Type != PloverType.Assault) continue;
            if (earlierAssault && e.Location is null && IsOutcomeWord(e.Trigger.Text))
            {
                var statements = WithHurtWhoDied(text, Statements(text, text.SentenceOf(e.Trigger.StartToken)));
                if (statements.Count > 0 && statements.TrueForAll(st => st.Additional || OfTheHurt(text, st)))
                {
                    drop.Add(i);
                    continue;
                }
            }
            earlierAssault = true;
        }
        return drop.Count == 0 ? events : [.. events.Where((_, i) => !drop.Contains(i))];
    }

    /// <summary>
    /// "Two of the wounded died later in hospital", "one of the injured", "both of the injured", "two of the nine wounded": a
    /// count of the dead taken from the hurt told
    /// before ("of the" and a noun of the hurt, right after the number) is news of those victims, no event of its own.
    /// </summary>
    private static bool OfTheHurt(AnnotatedText text, Statement st)
    {
        if (st.Kind != Outcome.Killed || st.VictimEnd <= st.VictimStart) return false;
        if (TheCountedHurt(text, st)) return true;
        // ("one" is no number mention of its own.)
        // ("Both of the injured later died": "both" counts two, as in "both were hurt".)
        var at = text.WordOf(st.VictimStart).ToLowerInvariant() is "one" or "both" ? st.VictimStart + 1
            : NumberAt(text, st.VictimStart, st.VictimEnd) is { } n && n.Span.StartToken == st.VictimStart ? n.Span.EndToken : -1;
        if (at < 0 || at + 2 >= text.Count || !text.WordOf(at).Equals("of", StringComparison.OrdinalIgnoreCase)
            || !text.WordOf(at + 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return false;
        // ("two of the nine wounded": the hurt named again with their count.)
        var noun = at + 2 + 1 < text.Count && text.PosOf(at + 2) == "CD" ? at + 3 : at + 2;
        return InjuredNouns.Contains(text.WordOf(noun)) || text.WordOf(noun).Equals("hurt", StringComparison.OrdinalIgnoreCase);
    }
}
