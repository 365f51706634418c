using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Reads how many were killed and injured from the words around an event: "64 people have been killed",
/// "killing at least 6 civilians", "three people were taken out", "no casualties", "a man was shot dead",
/// "two men were wounded", "one person was hospitalized", "killing two and wounding five".
/// <para>
/// Each outcome word ("killed", "died", "dead", "wounded", "shot", "taken to a hospital", "in critical
/// condition") is read with its victims: the subject before a passive or intransitive verb ("two men were
/// wounded", "he died"), the object after an active one ("killing two", "shot his wife"), or the phrase
/// after "left" ("left two people dead"). Victims who are shot and also killed count as killed only.
/// Sentences with no violent event of their own ("He died at the hospital.") are follow-ups, which
/// <see cref="WithFollowUps"/> adds to the event before them.
/// </para>
/// </summary>
public sealed class CasualtyFinder
{
    public static readonly CasualtyFinder Default = new();

    /// <summary>The words that make a count a running toll, which no event gets.</summary>
    public TollCues Tolls { get; init; } = TollCues.Default;

    /// <summary>Whether a statement counts the dead or the injured.</summary>
    internal enum Outcome
    {
        Killed,
        Injured,
    }

    /// <summary>
    /// One outcome with its victims: "two men were wounded" is Injured [2, 2]. <see cref="Anaphoric"/> victims
    /// were named before ("he", "the victim", a name) and are not added to other counts of the same kind;
    /// <see cref="Additional"/> ones say they are more ("two others", "a second man").
    /// </summary>
    internal readonly record struct Statement(Outcome Kind, decimal Min, decimal? Max, int Start, int End, int VictimStart, int VictimEnd,
        bool Anaphoric, bool Additional)
    {
        /// <summary>Said only with "shot" or "stabbed", which does not tell whether the victim lived; a death said elsewhere wins.</summary>
        public bool Weak { get; init; }
    }

    // The word lists live in data/events/casualty-words.txt (read by CasualtyWords), one section each.
    private static readonly FrozenSet<string> KilledParticiples = CasualtyWords.Set("killed-participles");
    private static readonly FrozenDictionary<string, int> MultipleVictims = CasualtyWords.Counts("multiple-victims");
    private static readonly FrozenSet<string> KilledActive = CasualtyWords.Set("killed-active");
    private static readonly FrozenSet<string> InjuredParticiples = CasualtyWords.Set("injured-participles");
    private static readonly FrozenSet<string> InjuredActive = CasualtyWords.Set("injured-active");
    private static readonly FrozenSet<string> WeakWords = CasualtyWords.Set("weak");
    private static readonly FrozenSet<string> Died = CasualtyWords.Set("died");
    private static readonly FrozenSet<string> ToDeath = CasualtyWords.Set("to-death");
    private static readonly FrozenSet<string> Carried = CasualtyWords.Set("carried");
    private static readonly FrozenSet<string> Conditions = CasualtyWords.Set("conditions");
    private static readonly FrozenSet<string> KilledNouns = CasualtyWords.Set("killed-nouns");
    private static readonly FrozenSet<string> InjuredNouns = CasualtyWords.Set("injured-nouns");

    /// <summary>Words between a victim and a passive outcome: auxiliaries, adverbs, "listed", "found", "pronounced".</summary>
    private static readonly FrozenSet<string> PassiveBridge = CasualtyWords.Set("passive-bridge");
    private static readonly FrozenSet<string> BeForms = CasualtyWords.Set("be-forms");
    private static readonly FrozenSet<string> Negations = CasualtyWords.Set("negations");
    private static readonly FrozenSet<string> NoOne = CasualtyWords.Set("no-one");
    private static readonly FrozenSet<string> Pronouns = CasualtyWords.Set("pronouns");
    private static readonly FrozenSet<string> PluralPronouns = CasualtyWords.Set("plural-pronouns");
    private static readonly FrozenSet<string> Leaving = CasualtyWords.Set("leaving");
    private static readonly FrozenSet<string> Additions = CasualtyWords.Set("additions");

    /// <summary>Nouns that name people, for telling victims from other things that get "shot" or "hit" (cars, windows, houses).</summary>
    private static readonly FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");

    /// <summary>Whether a word only tells how violence ended ("killing", "wounded", "died"), not what the violence was.</summary>
    public static bool IsOutcomeWord(string word) => KilledActive.Contains(word) || KilledParticiples.Contains(word)
        || InjuredActive.Contains(word) || InjuredParticiples.Contains(word) || Died.Contains(word);

    /// <summary>Fatalities and injured stated in <paramref name="sentence"/> for the event at <paramref name="trigger"/>; null for each the sentence does not state.</summary>
    public (CountRange? Killed, CountRange? Injured) Find(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger) => Find(text, sentence, trigger, null);

    /// <summary>As <see cref="Find(AnnotatedText, TokenSpan, TriggerMatch)"/>, counting only the statements (token range) <paramref name="keep"/> accepts.</summary>
    public (CountRange? Killed, CountRange? Injured) Find(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger, Func<int, int, bool>? keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Entry.Type != PloverType.Assault) return (null, null);
        var statements = Statements(text, sentence);
        if (keep is not null) statements.RemoveAll(s => !keep(s.Start, s.End));
        return (Total(text, statements, Outcome.Killed), Total(text, statements, Outcome.Injured));
    }

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
        bool IsVague(Statement st) => st.Kind != Outcome.Injured || !st.Additional && (st.Weak || NamesTheDead(text, st, deadNames));
        var vague = new Dictionary<int, bool>();
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
            if (statements.Count == 0) continue;
            var target = Target(result, assaults, sentence.StartToken);
            var before = result[target].Injured;
            result[target] = AddFollowUp(text, result[target], statements);
            if (result[target].Injured is { Min: > 0 } after && !ReferenceEquals(before, after))
                vague[target] = (before is null || vague.GetValueOrDefault(target)) && statements.TrueForAll(IsVague);
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
                var left = injured.Min - articleKilled;
                result[e] = result[e] with { Injured = left > 0 ? new CountRange(left, injured.Max is { } max ? max - articleKilled : null, injured.Span) : null };
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

    /// <summary>"deadly shooting", "fatal Christmas Day shooting": an event noun within three words after the adjective.</summary>
    private static bool FatalNounAfter(AnnotatedText text, int adjective)
    {
        for (var j = adjective + 1; j < Math.Min(text.Count, adjective + 4); j++)
        {
            if (text.WordOf(j) is "shooting" or "shootings" or "stabbing" or "attack" or "incident" or "shootout" or "gunfire" or "encounter" or "confrontation") return true;
            if (text.PosOf(j) is not ("NNP" or "NN" or "JJ")) return false;
        }
        return false;
    }

    /// <summary>A word that says the article's violence killed someone: "murder" (not "attempted"), "homicide", "fatal", "deadly", "shooting death", "murder-suicide".</summary>
    private static TokenSpan? FatalWord(AnnotatedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var w = text.WordOf(i);
            var fatal = w.Equals("homicide", StringComparison.OrdinalIgnoreCase) || w.Equals("murder-suicide", StringComparison.OrdinalIgnoreCase)
                || w.Equals("murder", StringComparison.OrdinalIgnoreCase)
                // "a deadly shooting", not "a deadly weapon" or "deadly force"
                || (w.Equals("fatal", StringComparison.OrdinalIgnoreCase) || w.Equals("deadly", StringComparison.OrdinalIgnoreCase))
                    && FatalNounAfter(text, i)
                || (w.Equals("death", StringComparison.OrdinalIgnoreCase) && i > 0 && text.WordOf(i - 1).Equals("shooting", StringComparison.OrdinalIgnoreCase));
            if (!fatal) continue;
            var previous = i > 0 ? text.WordOf(i - 1).Replace("\u00AD", "", StringComparison.Ordinal) : "";
            if (previous.Equals("attempted", StringComparison.OrdinalIgnoreCase) || previous.Equals("non", StringComparison.OrdinalIgnoreCase) || previous.Equals("not", StringComparison.OrdinalIgnoreCase)) continue;
            var segment = text.SegmentKindAt(text.Span(i, i + 1).Start);
            if (segment is Documents.SegmentKind.Comment or Documents.SegmentKind.Boilerplate) continue;
            return text.Span(i, i + 1);
        }
        return null;
    }

    /// <summary>A proper noun that no entity of another type than a person covers.</summary>
    private static bool NameToken(AnnotatedText text, int token)
    {
        if (text.PosOf(token) is not ("NNP" or "NNPS") || text.WordOf(token).Length < 2) return false;
        foreach (var m in text.Entities)
        {
            if (m.Span.Contains(token)) return m.Type == EntityType.Person;
        }
        return true;
    }

    /// <summary>Whether every victim the statement names is a single person named among the dead.</summary>
    private static bool NamesTheDead(AnnotatedText text, Statement s, HashSet<string> deadNames)
    {
        if (deadNames.Count == 0 || s.Max != 1) return false;
        var named = false;
        for (var t = s.VictimStart; t < s.VictimEnd; t++)
        {
            if (!NameToken(text, t)) continue;
            if (!deadNames.Contains(text.WordOf(t))) return false;
            named = true;
        }
        return named;
    }

    /// <summary>The last asserted ASSAULT event before the token, else the last ASSAULT event before it, else the first after it.</summary>
    private static int Target(ImmutableArray<EventMention>.Builder events, List<int> assaults, int token)
    {
        int? before = null, assertedBefore = null;
        foreach (var e in assaults)
        {
            if (events[e].Trigger.StartToken >= token) break;
            before = e;
            if (events[e].Modality == Modality.Asserted) assertedBefore = e;
        }
        return assertedBefore ?? before ?? assaults[0];
    }

    private static EventMention AddFollowUp(AnnotatedText text, EventMention target, List<Statement> statements)
    {
        var killed = target.Fatalities;
        var injured = target.Injured;
        foreach (var s in statements)
        {
            if (s.Kind != Outcome.Killed) continue;
            var range = new CountRange(s.Min, s.Max, text.Span(s.Start, s.End));
            killed = s.Additional && killed is not null ? Add(text, killed, range) : Larger(killed, range);
            // The wounded victim died: move them from injured to killed.
            // "The second victim was pronounced dead" is not the wounded one.
            if (s.Anaphoric && injured is { Min: > 0 } && s.Min > 0 && !NamesAnother(text, s))
            {
                var min = Math.Max(0, injured.Min - s.Min);
                injured = min == 0 ? null : new CountRange(min, injured.Max is { } max ? Math.Max(min, max - s.Min) : null, injured.Span);
            }
        }
        foreach (var s in statements)
        {
            if (s.Kind != Outcome.Injured) continue;
            if (s.Anaphoric && killed is { Min: > 0 } && (injured is null || injured.Min == 0)) continue;
            if (statements.Exists(k => k.Kind == Outcome.Killed && k.Anaphoric && k.Min > 0) && s.Anaphoric) continue;
            var range = new CountRange(s.Min, s.Max, text.Span(s.Start, s.End));
            injured = s.Additional && injured is not null ? Add(text, injured, range) : Larger(injured, range);
        }
        return target with { Fatalities = killed, Injured = injured };
    }

    /// <summary>"the second victim", "the other man": a victim other than the one named before.</summary>
    private static bool NamesAnother(AnnotatedText text, Statement s)
    {
        for (var i = s.VictimStart; i < s.VictimEnd; i++)
        {
            if (Additions.Contains(text.WordOf(i))) return true;
        }
        return false;
    }

    private static CountRange Larger(CountRange? a, CountRange b) =>
        a is null ? b : (b.Max ?? b.Min) > (a.Max ?? a.Min) || (b.Max is null && a.Max is not null && b.Min >= a.Min) ? b : a;

    private static CountRange Add(AnnotatedText text, CountRange a, CountRange b) =>
        new(a.Min + b.Min, a.Max is { } x && b.Max is { } y ? x + y : null,
            text.Span(Math.Min(a.Span.StartToken, b.Span.StartToken), Math.Max(a.Span.EndToken, b.Span.EndToken)));

    /// <summary>
    /// The count of one kind in a sentence: victims named for the first time add up ("a man was killed and
    /// a woman was killed"), victims named before count once; a victim who was shot and killed is killed only.
    /// </summary>
    private static CountRange? Total(AnnotatedText text, List<Statement> statements, Outcome kind)
    {
        decimal newMin = 0, anaphoricMin = 0;
        decimal? newMax = 0, anaphoricMax = 0;
        int start = int.MaxValue, end = -1;
        var any = false;
        var anaphoricKilled = 0m;
        if (kind == Outcome.Injured)
        {
            foreach (var s in statements)
            {
                if (s.Kind == Outcome.Killed && s.Anaphoric) anaphoricKilled += s.Min;
            }
        }
        for (var k = 0; k < statements.Count; k++)
        {
            var s = statements[k];
            if (s.Kind != kind) continue;
            any = true;
            start = Math.Min(start, s.Start);
            end = Math.Max(end, s.End);
            if (s.Anaphoric)
            {
                var min = kind == Outcome.Injured ? Math.Max(0, s.Min - anaphoricKilled) : s.Min;
                var max = s.Max is { } m ? (kind == Outcome.Injured ? Math.Max(min, m - anaphoricKilled) : m) : (decimal?)null;
                anaphoricMin = Math.Max(anaphoricMin, min);
                anaphoricMax = anaphoricMax is null || max is null ? null : Math.Max(anaphoricMax.Value, max.Value);
            }
            // "Two people are dead and three others wounded": "others" beside another kind of outcome are more victims, not more of this kind.
            else if (s.Additional && k > 0 && statements[k - 1].Kind == kind)
            {
                newMin += s.Min;
                newMax = newMax is null || s.Max is null ? null : newMax + s.Max;
            }
            else if (newMin > 0 && s.VictimStart > 0 && text.WordOf(s.VictimStart - 1).Equals("and", StringComparison.OrdinalIgnoreCase)
                && k > 0 && statements[k - 1].Kind == kind && statements[k - 1].End <= s.VictimStart)
            {
                // "One man was shot in the back and a 29-year-old man was shot multiple times": a second clause names more victims.
                newMin += s.Min;
                newMax = newMax is null || s.Max is null ? null : newMax + s.Max;
            }
            else
            {
                // The same count said twice (a headline run into its first sentence) is one count.
                newMin = Math.Max(newMin, s.Min);
                newMax = newMax is null || s.Max is null ? null : Math.Max(newMax.Value, s.Max.Value);
            }
        }
        if (!any) return null;
        var useNew = newMin > anaphoricMin || (newMin == anaphoricMin && newMax is null);
        return new CountRange(useNew ? newMin : anaphoricMin, useNew ? newMax : anaphoricMax, text.Span(start, end));
    }

    /// <summary>
    /// The outcome statements of one sentence that count an event's victims: those that are running tolls
    /// ("raising the death toll to 83", "64 people have been killed since September") are left out, as
    /// <see cref="TollFinder"/> reads them.
    /// </summary>
    internal List<Statement> Statements(AnnotatedText text, TokenSpan sentence)
    {
        var found = AllStatements(text, sentence);
        if (found.Count == 0) return found;
        var tallies = Tolls.Tallies(text, sentence);
        found.RemoveAll(s => tallies.Exists(t => t.Start < s.End && s.Start < t.End) || Tolls.CueNear(text, sentence, s.Start, s.End, tallies) is not null);
        return found;
    }

    /// <summary>The outcome statements of one sentence, tolls included, a victim who is both shot and killed counted as killed only.</summary>
    internal List<Statement> AllStatements(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<Statement>();
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            // "no casualties": none killed and none hurt.
            if (i > sentence.StartToken && text.WordOf(i).Equals("casualties", StringComparison.OrdinalIgnoreCase) && text.WordOf(i - 1).Equals("no", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(Zero(Outcome.Killed, i - 1, i + 1));
                found.Add(Zero(Outcome.Injured, i - 1, i + 1));
                continue;
            }
            if (Read(text, sentence, i) is { } s) found.Add(s);
        }
        if (found.Count < 2) return found;
        // One victim phrase, several outcomes: "was shot and killed", "shot in the leg and taken to hospital".
        var kept = new List<Statement>(found.Count);
        var killed = 0m;
        foreach (var s in found)
        {
            if (s.Kind == Outcome.Killed) killed = Math.Max(killed, s.Min);
        }
        for (var a = 0; a < found.Count; a++)
        {
            var s = found[a];
            var duplicate = false;
            for (var b = 0; b < found.Count; b++)
            {
                var o = found[b];
                if (a == b || o.VictimStart != s.VictimStart || o.VictimEnd != s.VictimEnd) continue;
                if (s.Kind == Outcome.Injured && o.Kind == Outcome.Killed && o.Min > 0) duplicate = true;
                else if (s.Kind == o.Kind && b < a) duplicate = true;
            }
            // "A man was shot ... and died": a shooting that the sentence also counts as deaths.
            if (s.Kind == Outcome.Injured && s.Weak && killed > 0 && s.Min <= killed) duplicate = true;
            if (!duplicate) kept.Add(s);
        }
        return kept;
    }

    /// <summary>The statement whose outcome word is at <paramref name="i"/>, if any.</summary>
    private static Statement? Read(AnnotatedText text, TokenSpan sentence, int i)
    {
        var w = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        var next = i + 1 < sentence.EndToken ? text.WordOf(i + 1) : "";

        // "no injuries", "no deaths were reported", "no casualties"
        if (i > sentence.StartToken && text.WordOf(i - 1).Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            if (KilledNouns.Contains(w)) return Zero(Outcome.Killed, i - 1, i + 1);
            if (InjuredNouns.Contains(w) && pos.StartsWith("NN", StringComparison.Ordinal)) return Zero(Outcome.Injured, i - 1, i + 1);
        }

        // "a double shooting", "a triple stabbing": the adjective counts the victims (wounded unless a death is said).
        if (MultipleVictims.TryGetValue(w, out var many) && i + 1 < sentence.EndToken)
        {
            if (next is "shooting" or "shootings" or "stabbing" or "stabbings")
                return new Statement(Outcome.Injured, many, many, i, i + 2, i, i + 1, false, false) { Weak = true };
            if (next is "homicide" or "homicides" or "murder" or "murders" or "killing" or "killings")
                return new Statement(Outcome.Killed, many, many, i, i + 2, i, i + 1, false, false);
        }

        // "has claimed at least 14 lives", "cost 12 civilian lives"
        if (w.Equals("lives", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken
            && (NumberEndingAt(text, i) ?? (text.PosOf(i - 1) is "JJ" or "NN" ? NumberEndingAt(text, i - 1) : null)) is { Min: > 0 } lives
            && lives.Span.StartToken > sentence.StartToken && text.WordOf(lives.Span.StartToken - 1).ToLowerInvariant() is "claimed" or "claim" or "claims" or "claiming" or "cost" or "costs" or "costing" or "taken" or "took")
            return new Statement(Outcome.Killed, lives.Min, lives.Max, lives.Span.StartToken, i + 1, lives.Span.StartToken, i + 1, false, false);

        // "caused the deaths of four people", "the death of a soldier"
        if (w is "deaths" or "death" && next == "of" && i + 2 < sentence.EndToken && Victims(text, sentence, i + 2, forward: true) is { Max: not null } dead
            && (NumberAt(text, dead.Start, dead.End) is not null || w == "death"))
            return new Statement(Outcome.Killed, dead.Min, dead.Max, i, dead.End, dead.Start, dead.End, dead.Anaphoric, false);

        // "two deaths", "3 fatalities"
        if (KilledNouns.Contains(w) && NumberEndingAt(text, i) is { } n && n.Min > 0) return new Statement(Outcome.Killed, n.Min, n.Max, n.Span.StartToken, i + 1, n.Span.StartToken, i + 1, false, false);

        // "fatally shot", "shot dead", "shot to death", "lost his life"
        if (w.Equals("fatally", StringComparison.OrdinalIgnoreCase) || w.Equals("mortally", StringComparison.OrdinalIgnoreCase))
        {
            if (InjuredActive.Contains(next) || next.Equals("struck", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);
            return null;
        }
        if (ToDeath.Contains(w))
        {
            if (next.Equals("dead", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);
            if (next.Equals("to", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && text.WordOf(i + 2).Equals("death", StringComparison.OrdinalIgnoreCase))
                return Verb(text, sentence, i, i + 3, Outcome.Killed);
        }
        if (i > sentence.StartToken && (text.WordOf(i - 1).Equals("fatally", StringComparison.OrdinalIgnoreCase) || text.WordOf(i - 1).Equals("mortally", StringComparison.OrdinalIgnoreCase))) return null;
        if (i > sentence.StartToken && ToDeath.Contains(text.WordOf(i - 1)) && w.Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
        if (w.Equals("lost", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && text.WordOf(i + 1) is "his" or "her" or "their"
            && text.WordOf(i + 2) is "life" or "lives")
            return Intransitive(text, sentence, i, i + 3, Outcome.Killed);

        if (Died.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal)) return Intransitive(text, sentence, i, i + 1, Outcome.Killed);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase) || w.Equals("deceased", StringComparison.OrdinalIgnoreCase) && pos.StartsWith("JJ", StringComparison.Ordinal) || w.Equals("deceased", StringComparison.OrdinalIgnoreCase) && pos.StartsWith("VB", StringComparison.Ordinal))
            return Intransitive(text, sentence, i, i + 1, Outcome.Killed);
        // "Caskey's body was taken", "the body of a man was found", "the bodies of two men"
        if (w.Equals("body", StringComparison.OrdinalIgnoreCase) && pos is "NN" && next is "was" or "is" or "had" or "has" or "of" or "were" or "lay" or "found")
        {
            if (next == "of" && Victims(text, sentence, i + 2, forward: true) is { } of) return new Statement(Outcome.Killed, 1, 1, i, of.End, of.Start, of.End, of.Anaphoric, false);
            var owner = i - 1 >= sentence.StartToken && text.WordOf(i - 1) is "'s" or "’s" or "his" or "her" or "His" or "Her" ? Victims(text, sentence, i - 1, forward: false) : null;
            var victimStart = owner?.Start ?? i;
            return new Statement(Outcome.Killed, 1, 1, victimStart, i + 1, victimStart, i + 1, true, false);
        }
        if (w.Equals("bodies", StringComparison.OrdinalIgnoreCase) && next == "of" && Victims(text, sentence, i + 2, forward: true) is { } bodies)
            return new Statement(Outcome.Killed, bodies.Min, bodies.Max, i, bodies.End, bodies.Start, bodies.End, bodies.Anaphoric, false);

        // "three people were taken out", "took out two fighters"
        if (w is "taken" or "took" or "take" or "takes" or "taking" && next.Equals("out", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);

        // "taken to a local hospital", "rushed to Kings County Hospital"
        if (Carried.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal) && !w.Equals("hospitalized", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 7); j++)
            {
                var wj = text.WordOf(j);
                if (wj.StartsWith("hospital", StringComparison.OrdinalIgnoreCase) || wj.Equals("trauma", StringComparison.OrdinalIgnoreCase)
                    || (wj.Equals("medical", StringComparison.OrdinalIgnoreCase) && j + 1 < sentence.EndToken && text.WordOf(j + 1).Equals("center", StringComparison.OrdinalIgnoreCase)))
                    return Passive(text, sentence, i, j + 1, Outcome.Injured, requireBe: true);
                if (wj is "," or "." or ";" or "and" or "where") break;
            }
            return null;
        }
        // "a 15-year-old with a gunshot wound to his leg", "one man was taken to the hospital with life-threatening injuries"
        if (w.Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 6); j++)
            {
                var wj = text.WordOf(j);
                if (wj is "wound" or "wounds" or "injuries" or "injury" && text.PosOf(j) is "NN" or "NNS")
                {
                    var k = i - 1;
                    // "One man was taken to the hospital with ...": the victim is the subject of the carrying verb.
                    for (var c = i - 1; c > sentence.StartToken && i - c <= 8; c--)
                    {
                        if (text.WordOf(c) is "," or ";" or "and") break;
                        if (Carried.Contains(text.WordOf(c)) && text.PosOf(c) is "VBN" && Passive(text, sentence, c, j + 1, Outcome.Injured, requireBe: true) is { } carried) return carried;
                    }
                    // "found dead with a gunshot wound" says how, not who else.
                    if (k < sentence.StartToken || text.WordOf(k).Equals("dead", StringComparison.OrdinalIgnoreCase) || KilledParticiples.Contains(text.WordOf(k))) return null;
                    if (Victims(text, sentence, k + 1, forward: false) is not { } with || with.Max is null) return null;
                    // A wound does not say whether the victim lived: a death said elsewhere wins.
                    return new Statement(Outcome.Injured, with.Min, with.Max, with.Start, j + 1, with.Start, with.End, with.Anaphoric, with.Additional) { Weak = true };
                }
                if (wj is "," or "." or ";" or "and" or "gun" or "gunfire" or "shots" or "rifle" or "handgun" or "knife") break;
            }
            return null;
        }
        // "is recovering from a gunshot wound", "is recovering after being shot"
        if (w.Equals("recovering", StringComparison.OrdinalIgnoreCase) && next is "from" or "after" or "at" or "in" or "," or ".")
            return Passive(text, sentence, i, i + 1, Outcome.Injured, requireBe: true);
        // Headlines: "Man critical after Kensington shooting"
        if (w.Equals("critical", StringComparison.OrdinalIgnoreCase) && next is "after" or "following" or "in" or "," && i > sentence.StartToken
            && PersonNouns.Contains(text.WordOf(i - 1)) && text.PosOf(i - 1) is "NN" or "NNS" or "NNP")
            return Victims(text, sentence, i, forward: false) is { } critical
                ? new Statement(Outcome.Injured, critical.Min, critical.Max, critical.Start, i + 1, critical.Start, critical.End, critical.Anaphoric, critical.Additional) : null;
        // "in critical condition", "in serious but stable condition"
        if (w.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            var j = i + 1;
            var sawCondition = false;
            while (j < Math.Min(sentence.EndToken, i + 6) && (Conditions.Contains(text.WordOf(j)) || text.WordOf(j) is "but" or "and" or "," or "extremely" or "very" or "non-life-threatening"))
            {
                if (Conditions.Contains(text.WordOf(j))) sawCondition = true;
                j++;
            }
            if (sawCondition && j < sentence.EndToken && text.WordOf(j).Equals("condition", StringComparison.OrdinalIgnoreCase))
                return Passive(text, sentence, i, j + 1, Outcome.Injured, requireBe: true);
            return null;
        }

        var killedWord = KilledActive.Contains(w) || KilledParticiples.Contains(w);
        var injuredWord = InjuredActive.Contains(w) || InjuredParticiples.Contains(w);
        if (!killedWord && !injuredWord) return null;
        // Nouns are events, not outcomes ("the shooting", "the killing"), except the headline's "2 injured".
        if (pos.StartsWith("NN", StringComparison.Ordinal) && !(w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.Equals("shot", StringComparison.OrdinalIgnoreCase) || w.Equals("hurt", StringComparison.OrdinalIgnoreCase))) return null;
        var outcome = killedWord ? Outcome.Killed : Outcome.Injured;
        return Verb(text, sentence, i, i + 1, outcome) is { } statement ? statement with { Weak = outcome == Outcome.Injured && WeakWords.Contains(w) } : null;
    }

    private static Statement Zero(Outcome kind, int start, int end) => new(kind, 0, 0, start, end, start, end, false, false);

    /// <summary>A transitive outcome verb: its object after it when it is active, else its subject before it.</summary>
    private static Statement? Verb(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind)
    {
        var w = text.WordOf(end - 1);
        var gerund = w.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
        var passiveOnly = InjuredParticiples.Contains(w) && !InjuredActive.Contains(w) || KilledParticiples.Contains(w) && !KilledActive.Contains(w)
            || w.Equals("death", StringComparison.OrdinalIgnoreCase) || w.Equals("dead", StringComparison.OrdinalIgnoreCase);
        if (!passiveOnly && !PrecededByBe(text, sentence, start))
        {
            // Active: "killing two", "shot and killed his wife", "wounding five".
            var j = end;
            while (j + 1 < sentence.EndToken && text.WordOf(j) is "and" or "," && (KilledActive.Contains(text.WordOf(j + 1)) || InjuredActive.Contains(text.WordOf(j + 1)))) j += 2;
            if (j < sentence.EndToken && text.WordOf(j).Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
            // "killed another man" names a victim other than the killer, not one more victim; "killing people" and
            // "take out cartel leaders and members" count none.
            // "shot himself", "injuring himself": a self-inflicted wound is no victim of an assault (a shooter who
            // "killed himself" after the attack is still counted among the dead, as casualty counts do).
            if (kind != Outcome.Killed && j < sentence.EndToken && text.WordOf(j).ToLowerInvariant() is "himself" or "herself" or "themselves" or "itself" or "myself") return null;
            if (Victims(text, sentence, j, forward: true) is { } obj)
                return obj.Max is null && NumberAt(text, obj.Start, obj.End) is null ? null
                    : new Statement(kind, obj.Min, obj.Max, Math.Min(start, obj.Start), obj.End, obj.Start, obj.End, obj.Anaphoric, false);
            if (gerund || j < sentence.EndToken && text.WordOf(j) is "at" or "into" or "up" or "through" or "toward" or "towards" or "back" or "out" or "from") return null;
            if (text.PosOf(start) is "VB" or "VBZ" or "VBP") return null;
        }
        if (gerund) return null;
        return Passive(text, sentence, start, end, kind, requireBe: false);
    }

    private static bool PrecededByBe(AnnotatedText text, TokenSpan sentence, int start)
    {
        for (var i = start - 1; i >= sentence.StartToken && start - i <= 4; i--)
        {
            var w = text.WordOf(i);
            if (BeForms.Contains(w)) return true;
            if (!PassiveBridge.Contains(w) && !(text.PosOf(i) is "RB") && !KilledActive.Contains(w) && !InjuredActive.Contains(w) && w != ",") return false;
        }
        return false;
    }

    /// <summary>"he died", "two people died", "was pronounced dead", "left two people dead", "1 dead".</summary>
    private static Statement? Intransitive(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind) =>
        Passive(text, sentence, start, end, kind, requireBe: false);

    /// <summary>The victims before the outcome words, across auxiliaries and adverbs: "two men were (critically) wounded".</summary>
    private static Statement? Passive(AnnotatedText text, TokenSpan sentence, int start, int end, Outcome kind, bool requireBe)
    {
        var i = start - 1;
        var sawBe = false;
        var negated = false;
        while (i >= sentence.StartToken && start - i <= 8)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w)) { negated = true; i--; continue; }
            if (BeForms.Contains(w)) { sawBe = true; i--; continue; }
            if (Leaving.Contains(w)) return null;
            if (PassiveBridge.Contains(w) || text.PosOf(i) is "RB" || text.PosOf(i) is "MD") { i--; continue; }
            // "shot and killed", "shot, wounded"
            if ((KilledParticiples.Contains(w) || InjuredParticiples.Contains(w) || KilledActive.Contains(w)) && i + 1 < start && text.WordOf(i + 1) is "and" or "," or "or") { i--; continue; }
            if (w is "," or "and" or "or" && i + 1 < sentence.EndToken && (KilledParticiples.Contains(text.WordOf(i + 1)) || InjuredParticiples.Contains(text.WordOf(i + 1))) && i + 1 <= start
                && i - 1 >= sentence.StartToken && (KilledParticiples.Contains(text.WordOf(i - 1)) || InjuredParticiples.Contains(text.WordOf(i - 1)))) { i--; continue; }
            break;
        }
        if (negated) return null;
        if (i < sentence.StartToken) return null;
        if (requireBe && !sawBe)
        {
            // "a shooting that left a man in critical condition"
            if (Victims(text, sentence, i + 1, forward: false) is not { } left || left.Start - 1 < sentence.StartToken || !Leaving.Contains(text.WordOf(left.Start - 1))) return null;
            return new Statement(kind, left.Min, left.Max, left.Start, end, left.Start, left.End, left.Anaphoric, left.Additional);
        }
        if (text.WordOf(i) is "who" or "that" && i > sentence.StartToken)
        {
            // "the officers who fatally shot him" name the shooters.
            if (!sawBe && !Died.Contains(text.WordOf(end - 1)) && !text.WordOf(end - 1).Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
            // "a man who was shot": the victim is the noun phrase before the relative pronoun.
            i--;
            if (text.WordOf(i) == ",") i--;
        }
        var victims = Victims(text, sentence, i + 1, forward: false);
        if (victims is null && kind == Outcome.Killed && Died.Contains(text.WordOf(start)))
        {
            // "Girl shot at party dies", "Teen found shot on bike path dies": the one shot is the one who died.
            for (var k = i; k > sentence.StartToken && i - k <= 12; k--)
            {
                var wk = text.WordOf(k);
                if (wk is "," or ";" or ":" || BeForms.Contains(wk) && !wk.Equals("found", StringComparison.OrdinalIgnoreCase)) break;
                if (wk.Equals("with", StringComparison.OrdinalIgnoreCase) && k - 1 > sentence.StartToken)
                {
                    // "Man with gunshot wound dies"
                    victims = Victims(text, sentence, k, forward: false);
                    break;
                }
                if (!InjuredParticiples.Contains(wk) && !KilledParticiples.Contains(wk)) continue;
                var j = k - 1;
                while (j >= sentence.StartToken && (text.PosOf(j) is "RB" || BeForms.Contains(text.WordOf(j)))) j--;
                // "An Everett teen who was found shot along a bike path ... has died"
                if (j > sentence.StartToken && text.WordOf(j) is "who" or "that") j--;
                victims = Victims(text, sentence, j + 1, forward: false);
                break;
            }
        }
        if (victims is null) return null;
        // A bare pronoun or name with no "was" before a past-tense verb is the doer: "he shot", "Smith killed".
        if (!sawBe && end - start == 1 && kind == Outcome.Injured && victims.Value.Pronoun) return null;
        if (!sawBe && end - start == 1 && KilledActive.Contains(text.WordOf(start)) && victims.Value.Pronoun) return null;
        // "Juan Almaraz shot ...": with no "was", a named person before a verb that can be active is the shooter.
        if (!sawBe && (InjuredActive.Contains(text.WordOf(start)) || KilledActive.Contains(text.WordOf(start))) && PersonNameAt(text, victims.Value.End - 1)) return null;
        // "Deputies shot ...", "bakery employees and was shot": a plural with no count and no "was" of its own is the doer or another clause's object.
        if (victims.Value.Max is null && NumberAt(text, victims.Value.Start, victims.Value.End) is null
            && (!sawBe && (InjuredActive.Contains(text.WordOf(start)) || KilledActive.Contains(text.WordOf(start))) && end < sentence.EndToken && text.PosOf(end) is "DT" or "PRP" or "PRP$" or "NNP" or "CD"
                || text.WordOf(victims.Value.End).Equals("and", StringComparison.OrdinalIgnoreCase))) return null;
        var min = victims.Value.Min;
        var max = victims.Value.Max;
        // "was killed along with Heriberto Corpus, 20"
        if (end + 2 < sentence.EndToken && text.WordOf(end).Equals("along", StringComparison.OrdinalIgnoreCase) && text.WordOf(end + 1).Equals("with", StringComparison.OrdinalIgnoreCase)
            && Victims(text, sentence, end + 2, forward: true) is { } with)
        {
            min += with.Min;
            max = max is null || with.Max is null ? null : max + with.Max;
            end = with.End;
        }
        return new Statement(kind, min, max, victims.Value.Start, end, victims.Value.Start, victims.Value.End, victims.Value.Anaphoric, victims.Value.Additional);
    }

    private readonly record struct VictimPhrase(decimal Min, decimal? Max, int Start, int End, bool Anaphoric, bool Additional, bool Pronoun);

    /// <summary>
    /// The victims named by the noun phrase that starts (forward) or ends (backward) at <paramref name="at"/>,
    /// with their count: a number, "a"/"one"/a singular noun/a name/"he" for one, "both" for two, "no one" for none.
    /// Null when the phrase names no people or no count.
    /// </summary>
    private static VictimPhrase? Victims(AnnotatedText text, TokenSpan sentence, int at, bool forward)
    {
        int start, end;
        if (forward)
        {
            start = at;
            end = at;
            // "killing at least 6 civilians"
            foreach (var n in text.Numbers)
            {
                if (n.Span.StartToken == at && n.Span.EndToken <= sentence.EndToken) { end = n.Span.EndToken; break; }
            }
            while (end < sentence.EndToken && end - start < 10 && InPhrase(text, end, end == start)) end++;
            // "his wife and daughter", "a man and a woman"
            while (end + 1 < sentence.EndToken && text.WordOf(end) == "and" && InPhrase(text, end + 1, true) && !IsVerbLike(text, end + 1))
            {
                end++;
                while (end < sentence.EndToken && end - start < 16 && InPhrase(text, end, false)) end++;
            }
            // Trailing possessive or apposition is left out: "his wife, 36," stays "his wife".
        }
        else
        {
            end = at;
            // "Jane Doe, 23, of Chicago, was": the victim is the phrase before the first comma of the apposition.
            if (end - 1 >= sentence.StartToken && text.WordOf(end - 1) == ",")
            {
                var firstComma = -1;
                for (var j = end - 2; j >= sentence.StartToken && end - j <= 14; j--)
                {
                    var wj = text.WordOf(j);
                    if (wj == "," && j - 1 >= sentence.StartToken && text.PosOf(j - 1) is "NNP" or "NN" or "NNS" or "NNPS") firstComma = j;
                    if (text.PosOf(j) is { } pj && pj.StartsWith("VB", StringComparison.Ordinal) && !wj.Contains('-', StringComparison.Ordinal) && !InRelativeClause(text, sentence, j)) break;
                    if (wj is ";" or ":" or "(" or ")") break;
                }
                if (firstComma < 0) return null;
                end = firstComma;
            }
            start = end;
            // A pronoun is a whole phrase: "told investigators he was shot" names one victim, "he".
            while (start - 1 >= sentence.StartToken && end - start < 10 && !(start < end && IsPronoun(text.WordOf(start)))
                && InPhrase(text, start - 1, start - 1 == end - 1)) start--;
            // "a man and a woman were shot"
            // "shot in the thigh and forearm and a 23-year-old man", "three people dead and nine others": the part before "and" must name people.
            while (start - 2 >= sentence.StartToken && text.WordOf(start - 1) == "and" && InPhrase(text, start - 2, true) && end - start < 16
                && NamesPerson(text, start - 2))
            {
                start--;
                while (start - 1 >= sentence.StartToken && end - start < 16 && InPhrase(text, start - 1, false)) start--;
            }
            // "at least 64 people": the number's words belong to the phrase.
            foreach (var n in text.Numbers)
            {
                if (n.Span.StartToken < start && start < n.Span.EndToken && n.Span.StartToken >= sentence.StartToken) { start = n.Span.StartToken; break; }
            }
            // "a young mother of three", "the father of two": the victim is the noun before "of".
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase)
                && text.PosOf(start - 2) is "NN" or "NNP" && !text.WordOf(start - 2).Equals("one", StringComparison.OrdinalIgnoreCase))
                return Victims(text, sentence, start - 1, forward: false);
            // "one of the victims", "two of them"
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && NumberEndingAt(text, start - 1) is { } partitive)
                return new VictimPhrase(partitive.Min, partitive.Max, partitive.Span.StartToken, end, true, false, false);
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && text.WordOf(start - 2) is "one" or "One")
                return new VictimPhrase(1, 1, start - 2, end, true, false, false);
        }
        if (end <= start) return null;
        return Count(text, start, end);
    }

    /// <summary>"The victim, whose name has not been released, was shot": a verb after "who", "whose" or "which" within a few words.</summary>
    private static bool InRelativeClause(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var k = verb - 1; k >= sentence.StartToken && verb - k <= 6; k--)
        {
            if (text.WordOf(k) is "who" or "whose" or "which" or "whom") return k - 1 >= sentence.StartToken && text.WordOf(k - 1) == ",";
            if (text.WordOf(k) == ",") return false;
        }
        return false;
    }

    private static bool IsVerbLike(AnnotatedText text, int i) => text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && !KilledActive.Contains(text.WordOf(i));

    private static bool IsPronoun(string word) => Pronouns.Contains(word) || PluralPronouns.Contains(word);

    /// <summary>Whether token <paramref name="i"/> can be part of a victim noun phrase; a pronoun only as the whole phrase.</summary>
    private static bool InPhrase(AnnotatedText text, int i, bool first)
    {
        var w = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        if (pos == "PRP$") return true;
        if (Pronouns.Contains(w) || PluralPronouns.Contains(w)) return first && pos is "PRP" or "";
        if (w.Equals("no", StringComparison.OrdinalIgnoreCase) || w.Equals("nobody", StringComparison.OrdinalIgnoreCase) || w.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        if (pos is "DT" or "CD" or "JJ" or "JJR" or "JJS" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "PRP$" or "VBN" or "HYPH") return true;
        return w is "'s" or "’s" || w.Equals("both", StringComparison.OrdinalIgnoreCase) || w.Equals("all", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How many people the phrase [start, end) names.</summary>
    private static VictimPhrase? Count(AnnotatedText text, int start, int end)
    {
        var first = text.WordOf(start);
        var last = text.WordOf(end - 1);
        var additional = false;
        for (var i = start; i < end; i++)
        {
            if (Additions.Contains(text.WordOf(i))) { additional = true; break; }
        }
        // "the other victim", "his second wife" were named before.
        if (first is "the" or "The" or "his" or "her" or "their" or "His" or "Her" or "Their") additional = false;
        if (NoOne.Contains(first)) return new VictimPhrase(0, 0, start, end, false, false, false);
        if (end - start == 1 && Pronouns.Contains(first)) return new VictimPhrase(1, 1, start, end, true, false, true);
        if (end - start == 1 && PluralPronouns.Contains(first)) return null;
        if (end - start == 1 && first.Equals("both", StringComparison.OrdinalIgnoreCase)) return new VictimPhrase(2, 2, start, end, true, false, false);
        if (!NamesPeople(text, start, end)) return null;

        // Coordinated phrases add up: "a man and a woman", "his wife and two children".
        decimal min = 0;
        decimal? max = 0;
        var partStart = start;
        var parts = 0;
        var anaphoric = true;
        for (var i = start; i <= end; i++)
        {
            if (i < end && !(text.WordOf(i) == "and" && i > partStart)) continue;
            var part = CountPart(text, partStart, i);
            if (part is null) return null;
            min += part.Value.Min;
            max = max is null || part.Value.Max is null ? null : max + part.Value.Max;
            anaphoric &= part.Value.Anaphoric;
            parts++;
            partStart = i + 1;
        }
        if (first.Equals("both", StringComparison.OrdinalIgnoreCase)) return new VictimPhrase(2, 2, start, end, true, false, false);
        return new VictimPhrase(min, max, start, end, anaphoric && parts == 1 && !additional, additional, false);
    }

    private static (decimal Min, decimal? Max, bool Anaphoric)? CountPart(AnnotatedText text, int start, int end)
    {
        if (end <= start) return null;
        foreach (var n in text.Numbers)
        {
            if (n.Span.StartToken < start || n.Span.EndToken > end) continue;
            if (IsAge(text, n)) continue;
            if (n.Unit is { } unit && !PersonNouns.Contains(unit) && !PersonNouns.Contains(text.WordOf(end - 1))) return null;
            var definite = text.WordOf(start) is "the" or "The" or "those" or "these" or "all";
            return (n.Min, n.Max, definite);
        }
        var head = text.WordOf(end - 1);
        var headPos = text.PosOf(end - 1) ?? "";
        var firstWord = text.WordOf(start);
        if (Pronouns.Contains(head)) return (1, 1, true);
        if (headPos is "NNS" or "NNPS" && !head.Contains("year-old", StringComparison.OrdinalIgnoreCase))
        {
            // "people were injured" with no count: at least two.
            if (firstWord is "the" or "The" or "those" or "these" or "their" or "his" or "her") return null;
            if (firstWord.Equals("both", StringComparison.OrdinalIgnoreCase)) return (2, 2, true);
            return (2, null, false);
        }
        var definiteOne = firstWord is "the" or "The" or "this" or "This" or "that" or "his" or "her" or "their" or "His" or "Her" or "Their"
            || headPos is "NNP" or "NNPS" || text.PosOf(start) is "NNP";
        return (1, 1, definiteOne);
    }

    private static bool IsAge(AnnotatedText text, NumberMention n)
    {
        // "Jane Doe, 23, was": a bare number set off by commas after a name.
        var before = n.Span.StartToken - 1;
        if (before >= 1 && text.WordOf(before) == "," && text.PosOf(before - 1) is "NNP" or "NN" && n.Span.Length == 1
            && (n.Span.EndToken >= text.Count || text.WordOf(n.Span.EndToken) is "," or "." or ")")) return true;
        var last = n.Span.EndToken - 1;
        if (text.WordOf(last).Contains("year", StringComparison.OrdinalIgnoreCase)) return true;
        if (n.Span.EndToken < text.Count && text.WordOf(n.Span.EndToken) is var after
            && (after.StartsWith("-year", StringComparison.OrdinalIgnoreCase) || after.StartsWith("year", StringComparison.OrdinalIgnoreCase) || after == "-")) return true;
        return false;
    }

    /// <summary>Whether the phrase names people: a person noun, a name, an age ("a 23-year-old") or a bare count ("killing two").</summary>
    private static bool NamesPeople(AnnotatedText text, int start, int end)
    {
        var head = text.WordOf(end - 1);
        if (PersonNouns.Contains(head) || head.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        // "a second was injured", "another was wounded"
        if (head is "another" or "Another" || end - start == 2 && text.WordOf(start) is "a" or "A" && head is "second" or "third" or "fourth") return true;
        foreach (var m in text.Entities)
        {
            if (m.Span.Contains(end - 1)) return m.Type == EntityType.Person;
        }
        foreach (var t in text.Times)
        {
            if (t.Span.Contains(end - 1)) return false;
        }
        var headPos = text.PosOf(end - 1) ?? "";
        if (headPos is "CD" && end - start <= 2) return !IsAgeToken(head);
        if (headPos is "NNP") return true;
        // A coordination: every part must name people, check the last part's head only when it is a person.
        for (var i = start; i < end; i++)
        {
            if (text.WordOf(i) == "and" && i > start && PersonNouns.Contains(text.WordOf(i - 1))) return PersonNouns.Contains(head) || text.PosOf(end - 1) is "NNP";
        }
        return false;
    }

    /// <summary>Whether the word can end a phrase naming people: a person noun (not "dead" or "wounded"), a name, an age, a pronoun.</summary>
    private static bool NamesPerson(AnnotatedText text, int token)
    {
        var w = text.WordOf(token);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase) || w.Equals("wounded", StringComparison.OrdinalIgnoreCase) || w.Equals("injured", StringComparison.OrdinalIgnoreCase)) return false;
        return PersonNouns.Contains(w) || Pronouns.Contains(w) || w.Contains("year-old", StringComparison.OrdinalIgnoreCase) || text.PosOf(token) is "NNP" or "NNPS" or "CD" || PersonNameAt(text, token);
    }

    private static bool PersonNameAt(AnnotatedText text, int token)
    {
        foreach (var m in text.Entities)
        {
            if (m.Span.Contains(token)) return m.Type == EntityType.Person;
        }
        return false;
    }

    private static bool IsAgeToken(string word) => word.Contains("year", StringComparison.OrdinalIgnoreCase);

    private static NumberMention? NumberAt(AnnotatedText text, int start, int end)
    {
        foreach (var n in text.Numbers)
        {
            if (n.Span.StartToken >= start && n.Span.EndToken <= end) return n;
        }
        return null;
    }

    private static NumberMention? NumberEndingAt(AnnotatedText text, int token)
    {
        foreach (var n in text.Numbers)
        {
            if (n.Span.EndToken == token) return n;
        }
        return null;
    }
}
