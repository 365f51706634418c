using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// A sentence's event words grouped into events: each word's reading, the words folded into another's, groups of one type and modality.
public sealed partial class EventReader
{
    /// <summary>A trigger with the modality of its clause and the type it names there.</summary>
    private sealed record Reading(TriggerMatch Trigger, PloverType Type, Modality Modality);

    /// <summary>Speech acts whose object may name another event ("criticized the strikes", "a plea to end the strikes").</summary>
    private static bool IsSpeechAct(PloverType type) =>
        type is PloverType.Accuse or PloverType.Request or PloverType.Reject or PloverType.Protest or PloverType.Threaten or PloverType.Agree;

    /// <summary>
    /// Groups the triggers of one sentence into events: triggers of one type and modality name one event
    /// ("52 villagers died in the 12 raids"); an event noun in the object of a speech act is what
    /// the act is about, not a second event ("criticized the unwanted strikes"), unless an investigation is about an attack.
    /// </summary>
    private List<List<Reading>> Group(AnnotatedText text, TokenSpan sentence, ImmutableArray<TriggerMatch> triggers, ImmutableArray<Quote> quotes)
    {
        var readings = new List<Reading>(triggers.Length);
        foreach (var t in triggers)
        {
            var modality = Modality.Classify(text, sentence, t);
            var type = t.Entry.Type;
            // A threat that was made is an asserted THREATEN, however future its content.
            // So is a stance stated in reported speech ("said her country would accept help", "would not yield").
            if (type is PloverType.Threaten or PloverType.Agree or PloverType.Reject && modality == Events.Modality.Planned) modality = Events.Modality.Asserted;
            // "We're going to kill them", said by the one who would do it: a threat, made.
            if (type is PloverType.Assault && modality == Events.Modality.Planned && InQuote(quotes, t.Span) && FirstPersonSubject(text, sentence, t.Span))
            {
                type = PloverType.Threaten;
                modality = Events.Modality.Asserted;
            }
            readings.Add(new Reading(t, type, modality));
        }
        // "would allow drone strikes", "did not rule out air strikes": the verb names no event, its object is the one told.
        var opening = readings.Where(r => OpensOnly(text, r, readings)).ToHashSet();
        if (opening.Count > 0) readings = [.. readings.Where(r => !opening.Contains(r))];
        // Drop event nouns inside the object of a speech act in the same clause.
        var kept = new List<Reading>(readings.Count);
        foreach (var r in readings)
        {
            var nested = r.Trigger.Entry.Pos != TriggerPos.Verb && text.PosOf(r.Trigger.Head) is { } pos && pos.StartsWith("NN", StringComparison.Ordinal)
                && readings.Any(o => o != r && IsSpeechAct(o.Type) && o.Type != r.Type && !Investigates(o, r)
                    && o.Trigger.Span.EndToken <= r.Trigger.Span.StartToken && r.Trigger.Span.StartToken - o.Trigger.Span.EndToken <= 8
                    && Clause(text, sentence, o.Trigger.Span).Contains(r.Trigger.Span.StartToken)
                    // "the truce offer came after Iran carried out raids": what follows a past link is its own event.
                    && !Enumerable.Range(o.Trigger.Span.EndToken, r.Trigger.Span.StartToken - o.Trigger.Span.EndToken).Any(i => ModalityClassifier.IsPastLink(text.WordOf(i))));
            // "deployed forces to support the police", "threatened to strike": an infinitive after another event word is its purpose or content.
            nested = nested || (r.Trigger.Span.StartToken > sentence.StartToken && IsTo(text, r.Trigger.Span.StartToken - 1)
                && readings.Any(o => o != r && o.Trigger.Span.EndToken <= r.Trigger.Span.StartToken && r.Trigger.Span.StartToken - o.Trigger.Span.EndToken <= 10
                    && !ClauseBreakBetween(text, o.Trigger.Span.EndToken, r.Trigger.Span.StartToken)));
            // "have bombed and intercepted boats": coordinated verbs over one object report one act.
            nested = nested || (IsVerbal(text, r.Trigger) && r.Trigger.Span.StartToken >= 2
                && text.WordOf(r.Trigger.Span.StartToken - 1) is "and" or "or"
                && kept.Any(o => o.Trigger.Span.EndToken == r.Trigger.Span.StartToken - 1 && IsVerbal(text, o.Trigger)));
            // "such bombings", "any attack": a kind of event, not one that happened.
            nested = nested || (r.Trigger.Span.StartToken > sentence.StartToken && text.WordOf(r.Trigger.Span.StartToken - 1) is "such" or "Such" or "any" or "Any");
            // Unless the folded words carry their own dead or wounded: "investigating a double shooting".
            if (nested && r.Type == PloverType.Assault && Casualties.Find(text, sentence, r.Trigger) is var (k, i) && (k is not null || i is not null)) nested = false;
            if (!nested) kept.Add(r);
        }
        var groups = new List<List<Reading>>();
        // "The attack brought the number of people killed in the strikes to at least 43": the event words inside a tally
        // that names its series by a plural noun are that series, not the attack the sentence reports.
        var tallied = SeriesInTally(text, sentence, kept);
        if (tallied.Count > 0 && tallied.Count < kept.Count)
        {
            groups.Add(tallied);
            kept = [.. kept.Where(r => !tallied.Contains(r))];
        }
        foreach (var r in kept)
        {
            var home = groups.FirstOrDefault(g => g[0].Type == r.Type && g[0].Modality == r.Modality && !ReferenceEquals(g, tallied));
            if (home is null) groups.Add([r]);
            else home.Add(r);
        }
        // "No one was killed in the rocket attack": a denied outcome is the attack's count of none, not an event of its own
        // (it joins the asserted event of its type, whose modality stays that of its own words).
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var denied = groups[g];
            if (ReferenceEquals(denied, tallied) || !denied.TrueForAll(r => r.Modality == Events.Modality.Negated && CasualtyFinder.IsOutcomeWord(text.WordOf(r.Trigger.Head)))) continue;
            var asserted = groups.Find(o => o[0].Type == denied[0].Type && o[0].Modality == Events.Modality.Asserted && !ReferenceEquals(o, tallied));
            // "No one was injured." after an attack told before: its count of none (a follow-up), no denied attack.
            if (asserted is null && denied.TrueForAll(r => CountsNoOne(text, sentence, r.Trigger.Span.StartToken))) { groups.RemoveAt(g); continue; }
            if (asserted is null) continue;
            asserted.AddRange(denied);
            groups.RemoveAt(g);
        }
        return groups;
    }

    /// <summary>Whether the outcome word's subject counts no one: "No one was injured", "nobody was hurt" (a word of none up to three words before it).</summary>
    private static bool CountsNoOne(AnnotatedText text, TokenSpan sentence, int trigger)
    {
        for (var k = trigger - 1; k >= Math.Max(sentence.StartToken, trigger - 3); k--)
        {
            if (CasualtyFinder.IsNoOneWord(text.WordOf(k))) return true;
        }
        return false;
    }

    /// <summary>The plural attack nouns inside a tally of the sentence ("in the strikes"); empty when none.</summary>
    private List<Reading> SeriesInTally(AnnotatedText text, TokenSpan sentence, List<Reading> readings)
    {
        if (readings.Count < 2) return [];
        foreach (var t in Casualties.Tolls.Tallies(text, sentence))
        {
            var inside = readings.Where(r => r.Type == PloverType.Assault && r.Trigger.Span.StartToken >= t.Start && r.Trigger.Span.EndToken <= t.End
                && text.PosOf(r.Trigger.Head) is "NNS").ToList();
            if (inside.Count > 0) return inside;
        }
        // "The strike on Tuesday was one of at least 40 air strikes recorded this year": the plural after "one of" is the set
        // the reported attack belongs to.
        return [.. readings.Where(r => r.Type == PloverType.Assault && text.PosOf(r.Trigger.Head) is "NNS" && AfterOneOf(text, sentence, r.Trigger.Span.StartToken))];
    }

    /// <summary>
    /// Whether "one of" and a number open the phrase that ends in the word at <paramref name="start"/>, past determiners and
    /// describing words ("one of at least 30 drone strikes"). A set named without a number ("in one of the most intense raids
    /// of the war") is a comparison's, which stays with the attack.
    /// </summary>
    private static bool AfterOneOf(AnnotatedText text, TokenSpan sentence, int start)
    {
        var k = start - 1;
        var counted = false;
        while (k > sentence.StartToken + 1 && start - k <= 6 && (text.PosOf(k) is "DT" or "CD" or "JJ" or "JJS" or "JJR" or "NN" or "RBS" or "RBR"
            || text.WordOf(k).ToLowerInvariant() is "at" or "least" or "more" or "than" or "some" or "about"))
        {
            counted |= text.PosOf(k) is "CD";
            k--;
        }
        return counted && k > sentence.StartToken && text.WordOf(k).Equals("of", StringComparison.OrdinalIgnoreCase)
            && text.WordOf(k - 1).Equals("one", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An investigation of an attack ("police are investigating a shooting"): the attack happened and is an event of its
    /// own, which the article's later sentences (the wounded, the dead) report on.
    /// </summary>
    private static bool Investigates(Reading act, Reading noun) =>
        noun.Type == PloverType.Assault && act.Trigger.Entry.Modes.Contains(InvestigateMode);

    private const string InvestigateMode = "investigate";

    private static bool IsVerbal(AnnotatedText text, TriggerMatch t) =>
        t.Entry.Pos is TriggerPos.Verb or TriggerPos.Passive || (text.PosOf(t.Head) is { } p && p.StartsWith("VB", StringComparison.Ordinal));

    private static bool IsTo(AnnotatedText text, int i) =>
        text.WordOf(i) is "to" || (i > 0 && text.PosOf(i) == "RB" && text.WordOf(i - 1) is "to");

    private static bool ClauseBreakBetween(AnnotatedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i))) return true;
        }
        return false;
    }

    private static bool InQuote(ImmutableArray<Quote> quotes, TokenSpan span)
    {
        foreach (var q in quotes)
        {
            if (q.Start <= span.Start && span.End <= q.End) return true;
        }
        return false;
    }

    private static bool FirstPersonSubject(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        for (var i = trigger.StartToken - 1; i >= sentence.StartToken && trigger.StartToken - i <= 8; i--)
        {
            if (text.WordOf(i) is "I" or "we" or "We") return true;
            if (text.WordOf(i) is "," or ";" or "that" or "who" or "which") return false;
        }
        return false;
    }
}
