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
/// Immutable and thread-safe; the parts can be replaced for experiments. This file reads the article;
/// <c>EventReader.Grouping.cs</c> groups the words into events, <c>EventReader.Build.cs</c> fills one event,
/// <c>EventReader.Participants.cs</c> its actors and recipients, <c>EventReader.Places.cs</c> its place,
/// <c>EventReader.EventTime.cs</c> its time.
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
            var triggers = WithoutDescribingNouns(text, Lexicon.Match(text, sentence));
            if (triggers.Length == 0) continue;
            var groups = Group(text, sentence, triggers, quotes);
            // Only a group of several words can split, so the anchors are read only when there is one.
            if (groups.Any(g => g.Count >= 2) && groups.Any(g => g.Any(r => r.Type == PloverType.Assault)) && SyntaxScope.HasParse(text, sentence))
            {
                groups = RecalledAttack.Split(text, sentence, groups, r => r.Trigger.Span, Anchors(text, sentence), r => CasualtyFinder.IsOutcomeWord(r.Trigger.Span.Text));
            }
            var violent = groups.Where(g => g.Any(r => r.Trigger.Entry.Type == PloverType.Assault)).ToList();
            var sentenceEvents = new List<EventMention>(groups.Count);
            foreach (var group in groups)
            {
                // Two violent events in one sentence: each takes the counts of dead and wounded, and the times, nearest to it in the parse.
                Func<int, int, bool>? keep = violent.Count < 2 ? null
                    : (start, end) => SyntaxGrouping.Owner(text, violent, r => r.Trigger.Span, SyntaxScope.HeadOf(text, start, end)) is var o
                        && (o < 0 || ReferenceEquals(violent[o], group));
                sentenceEvents.Add(Build(text, sentence, segment, group, places, quotes, keep, triggers));
            }
            ShareOpeningTime(text, sentence, sentenceEvents);
            events.AddRange(sentenceEvents);
        }
        var tolls = Tolls.Find(text);
        var read = HeadlineMerger.Merge(SidesMerger.Merge(text, Casualties.WithFollowUps(text, MergeRepeatsInQuotes(WithoutTollOutcomes(text, WithClaimedAttacks(text, events.ToImmutable()), tolls), quotes))));
        bool NamesPlace(TokenSpan sentence) => places.Any(p => sentence.Contains(p.Span.StartToken) && !IsOriginOfThing(text, sentence, p.Span));
        var dated = DiscourseDays.Apply(text, Salience.Judge(text, read), quotes, tolls);
        var dateline = DatelinePlace(text, places);
        var judged = NationwidePlaces.Apply(text, DiscoursePlaces.Apply(text, DatelinePlaces.Apply(text, dated, dateline, NamesPlace), NamesPlace),
            (news, words) => CountryPlace(text, places, dateline?.Country ?? news, words), NamesPlace);
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
            && tolls.Any(t => (t.Victims is null || WarIsTheSubject(text, e.Trigger)) && t.Counts is not (TollMeasure.Strikes or TollMeasure.Boats)
                && t.Span.StartToken <= e.Trigger.StartToken && e.Trigger.EndToken <= t.Span.EndToken && !NamesOneAttackInside(text, t)));
    }

    /// <summary>
    /// "cheap attack drones", "two attack helicopters", "strike aircraft": an event noun of one word right before a noun of a
    /// weapon, a craft or a force (<c>@described-weapons</c>) describes it and tells no event.
    /// </summary>
    private static ImmutableArray<TriggerMatch> WithoutDescribingNouns(AnnotatedText text, ImmutableArray<TriggerMatch> triggers) =>
        triggers.RemoveAll(m => m.Span.Length == 1 && (text.PosOf(m.Span.StartToken) is "NN" || text.PosOf(m.Span.StartToken) is "NNP" && text.SentenceOf(m.Span.StartToken).StartToken == m.Span.StartToken)
            && m.Span.EndToken < text.Count
            && text.PosOf(m.Span.EndToken) is "NN" or "NNS" && RoleWords.DescribedWeapons.Contains(text.WordOf(m.Span.EndToken))
            && text.SentenceOf(m.Span.StartToken).Contains(m.Span.EndToken));

    /// <summary>
    /// "The war has killed tens of thousands of people": a whole war or campaign (not a front's fighting) as the subject of
    /// the outcome word counts the war's dead, a toll and no attack, whatever victims it names. False without a parse.
    /// </summary>
    private static bool WarIsTheSubject(AnnotatedText text, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(trigger.StartToken))) return false;
        var head = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        return new Token(text, head).DependentsWith("nsubj").Any(s => TollCues.Default.IsWholeWarAt(text, s.Index));
    }

    /// <summary>
    /// "The number of people killed in a Russian strike on Kharkiv has risen to five": a tally whose words name one attack
    /// (a singular attack noun after the outcome word, or a past verb of attack in a "when" clause) tells that attack, and the event its words made stays (its dead are the tally's).
    /// </summary>
    private static bool NamesOneAttackInside(AnnotatedText text, Toll t)
    {
        foreach (var m in TriggerLexicon.Default.Match(text, text.SentenceOf(t.Span.StartToken)))
        {
            if (m.Entry.Type == PloverType.Assault && m.Span.StartToken >= t.Span.StartToken && m.Span.EndToken <= t.Span.EndToken
                && !CasualtyFinder.IsOutcomeWord(m.Span.Text) && (text.PosOf(m.Head) is "NN" || text.PosOf(m.Head) is "VBD" && WhenBefore(text, t.Span.StartToken, m.Span.StartToken))) return true;
        }
        return false;
    }

    /// <summary>"… killed when a drone hit a wedding hall": whether "when" stands in [from, to), opening the attack's clause.</summary>
    private static bool WhenBefore(AnnotatedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text.WordOf(i).Equals("when", StringComparison.OrdinalIgnoreCase)) return true;
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
