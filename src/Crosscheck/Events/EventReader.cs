using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

/// <summary>
/// Reads the sourced record of one analyzed article: finds event words, groups them into events, and fills
/// each event's modality, participants, place, time, counts and attribution, plus the article's quotes.
/// Immutable and thread-safe; the parts can be replaced for experiments. This file groups the words into events;
/// <c>EventReader.Build.cs</c> fills one event, <c>EventReader.Participants.cs</c> its actors and recipients,
/// <c>EventReader.Places.cs</c> its place.
/// </summary>
public sealed partial class EventReader
{
    public static readonly EventReader Default = new();

    public TriggerLexicon Lexicon { get; init; } = TriggerLexicon.Default;
    public ModalityClassifier Modality { get; init; } = ModalityClassifier.Default;
    public AttributionFinder Attributions { get; init; } = AttributionFinder.Default;
    public QuoteFinder Quotes { get; init; } = QuoteFinder.Default;
    public CasualtyFinder Casualties { get; init; } = CasualtyFinder.Default;
    /// <summary>Reads running tolls with the same cues that keep them out of <see cref="Casualties"/>.</summary>
    public TollFinder Tolls { get; init; } = TollFinder.Default;
    public AcledClassifier Acled { get; init; } = AcledClassifier.Default;
    public SalienceJudge Salience { get; init; } = SalienceJudge.Default;
    /// <summary>Reads every predicate's modality and factuality band, events' words or not; null leaves them out.</summary>
    public PredicateReader? Predicates { get; init; } = PredicateReader.Default;

    private SeaPoint? _seas;

    /// <summary>Points for places at sea, from this reader's gazetteer.</summary>
    private SeaPoint Seas => _seas ??= new SeaPoint(Gazetteer);
    /// <summary>Resolves "the country" to the country last named.</summary>
    public Gazetteer Gazetteer { get; init; } = Gazetteer.Default;

    /// <summary>Words that end a clause for evidence and argument search.</summary>
    private static readonly FrozenSet<string> ClauseBreaks = FrozenSet.ToFrozenSet([";", ":", "–", "—", "(", ")", "\"", "“", "”"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SubordinateStarts = FrozenSet.ToFrozenSet(
        ["which", "who", "while", "whereas", "but", "although", "though", "as", "after", "before", "when", "unlike", "despite", "with", "and"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The events and quotes of <paramref name="text"/>, which must have been through the standard language pipeline.</summary>
    public ArticleReading Read(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quotes = Quotes.Find(text);
        var places = Places(text);
        AddCountryAnaphors(text, places);
        AddCityAnaphors(text, places);
        var events = ImmutableArray.CreateBuilder<EventMention>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            var segment = text.SegmentKindAt(sentence.Start);
            if (segment is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var triggers = Lexicon.Match(text, sentence);
            if (triggers.Length == 0) continue;
            var groups = Group(text, sentence, triggers, quotes);
            // Only a group of several words can split, so the anchors are read only when there is one.
            if (groups.Any(g => g.Count >= 2) && groups.Any(g => g.Any(r => r.Type == PloverType.Assault)) && SyntaxScope.HasParse(text, sentence))
            {
                groups = RecalledAttack.Split(text, sentence, groups, r => r.Trigger.Span, Anchors(text, sentence), r => CasualtyFinder.IsOutcomeWord(r.Trigger.Span.Text));
            }
            var violent = groups.Where(g => g.Any(r => r.Trigger.Entry.Type == PloverType.Assault)).ToList();
            foreach (var group in groups)
            {
                // Two violent events in one sentence: each takes the counts of dead and wounded, and the times, nearest to it in the parse.
                Func<int, int, bool>? keep = violent.Count < 2 ? null
                    : (start, end) => SyntaxGrouping.Owner(text, violent, r => r.Trigger.Span, SyntaxScope.HeadOf(text, start, end)) is var o
                        && (o < 0 || ReferenceEquals(violent[o], group));
                events.Add(Build(text, sentence, segment, group, places, quotes, keep, triggers));
            }
        }
        var tolls = Tolls.Find(text);
        var read = HeadlineMerger.Merge(SidesMerger.Merge(text, Casualties.WithFollowUps(text, MergeRepeatsInQuotes(WithoutTollOutcomes(text, events.ToImmutable(), tolls), quotes))));
        var judged = DiscoursePlaces.Apply(text, DiscourseDays.Apply(text, Salience.Judge(text, read), quotes, tolls),
            sentence => places.Any(p => sentence.Contains(p.Span.StartToken) && !IsOriginOfThing(text, sentence, p.Span)));
        return new ArticleReading(AtEachPlace(text, judged, places, tolls), quotes)
        {
            Tolls = tolls,
            Predicates = Predicates?.Read(text) ?? [],
        };
    }

    /// <summary>
    /// "The number of people injured nationwide rose to 71": an outcome word inside a tally's toll noun, with no count left
    /// for it, tells the tally and no attack; it is no event. (A count of victims that is a toll, "409 civilians were killed
    /// over six months", keeps its event: the linker reads a campaign's totals from it.)
    /// </summary>
    private static ImmutableArray<EventMention> WithoutTollOutcomes(AnnotatedText text, ImmutableArray<EventMention> events, ImmutableArray<Toll> tolls)
    {
        if (tolls.IsEmpty) return events;
        return events.RemoveAll(e => e.Type == PloverType.Assault && e.Fatalities is null && e.Injured is null
            && CasualtyFinder.IsOutcomeWord(text.WordOf(e.Trigger.EndToken - 1)) && e.Trigger.Length == 1
            && tolls.Any(t => t.Victims is null && t.Counts is not (TollMeasure.Strikes or TollMeasure.Boats)
                && t.Span.StartToken <= e.Trigger.StartToken && e.Trigger.EndToken <= t.Span.EndToken && !NamesOneAttackInside(text, t)));
    }

    /// <summary>
    /// "The number of people killed in a Russian strike on Kharkiv has risen to five": a tally whose words name one attack
    /// (a singular attack noun after the outcome word) tells that attack, and the event its words made stays (its dead are the tally's).
    /// </summary>
    private static bool NamesOneAttackInside(AnnotatedText text, Toll t)
    {
        foreach (var m in TriggerLexicon.Default.Match(text, text.SentenceOf(t.Span.StartToken)))
        {
            if (m.Entry.Type == PloverType.Assault && m.Span.StartToken >= t.Span.StartToken && m.Span.EndToken <= t.Span.EndToken
                && !CasualtyFinder.IsOutcomeWord(m.Span.Text) && text.PosOf(m.Head) is "NN") return true;
        }
        return false;
    }

    /// <summary>What can make two violent events of one sentence two: the heads of its counts of dead or wounded and of its times (a day compared by its date).</summary>
    private List<SplitAnchor> Anchors(AnnotatedText text, TokenSpan sentence)
    {
        var anchors = new List<SplitAnchor>();
        foreach (var st in Casualties.Statements(text, sentence))
        {
            var head = SyntaxScope.HeadOf(text, st.Start, st.End);
            // "… before security forces killed all five attackers": "all" and a number name a whole group by its own count,
            // a figure of its own however definite ("the attackers" alone names no count).
            anchors.Add(st.Anaphoric && !CasualtyFinder.CountsAWholeGroup(text, st) || st.Additional ? new SplitAnchor(head)
                : new SplitAnchor(head, st.Kind.ToString(), string.Create(CultureInfo.InvariantCulture, $"{st.Min}-{st.Max}")));
        }
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < sentence.StartToken || t.Span.EndToken > sentence.EndToken || !t.IsResolved) continue;
            var head = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            // A day is compared like a count: two event words that each hold a different day as their own ("on Monday two
            // died …, and on Tuesday another was killed") are two events.
            anchors.Add(t.Precision == TimePrecision.Day && t.Start == t.End
                ? new SplitAnchor(head, "Day", t.Start!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                : new SplitAnchor(head));
        }
        return anchors;
    }

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
        return [];
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

    /// <summary>
    /// A speaker repeating an event inside one quotation ("… kill people … We’re going to kill them") reports it once;
    /// one that names a place of its own ("Six died in the raid. Troops also launched raids in Zabul")
    /// tells of another.
    /// </summary>
    private static ImmutableArray<EventMention> MergeRepeatsInQuotes(ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes)
    {
        if (quotes.IsEmpty) return events;
        var result = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var quote = quotes.FirstOrDefault(q => q.Start <= e.Trigger.Start && e.Trigger.End <= q.End);
            var earlier = quote is null ? null : result.FirstOrDefault(o => o.Type == e.Type && o.Modality == e.Modality
                && quote.Start <= o.Trigger.Start && o.Trigger.End <= quote.End);
            if (earlier is null || e.Location is { } at && !string.Equals(earlier.Location?.Name, at.Name, StringComparison.Ordinal)) result.Add(e);
        }
        return result.ToImmutable();
    }
}
