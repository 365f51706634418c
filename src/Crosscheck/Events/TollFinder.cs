using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Reads an article's running tolls: tallies ("raising the death toll to 83", "bringing the number of dead to 32"),
/// casualty counts with a cue that makes them totals ("at least 64 people have been killed since September", "in all",
/// "the war has killed 400"), and counts of strikes or boats with such a cue ("the 15 strikes so far"). Each toll
/// says what it counts, since when and as of which day; the same cues keep these numbers out of events' casualties
/// (<see cref="CasualtyFinder.Statements"/>), so "killed three people … raising the death toll to 83" gives the
/// event its three and the toll its 83.
/// </summary>
public sealed partial class TollFinder
{
    public static readonly TollFinder Default = new();

    public CasualtyFinder Casualties { get; init; } = CasualtyFinder.Default;

    /// <summary>The tolls of <paramref name="text"/>, in text order.</summary>
    public ImmutableArray<Toll> Find(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cues = Casualties.Tolls;
        var tolls = ImmutableArray.CreateBuilder<Toll>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            if (text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var found = new List<Toll>();
            var tallies = cues.Tallies(text, sentence);
            var statements = Casualties.AllStatements(text, sentence);
            // The words that gave a count (a tally, a statement's victims), so that no number is read twice.
            var used = new List<(int Start, int End)>();
            foreach (var t in tallies)
            {
                var cue = cues.CueNear(text, sentence, t.Start, t.End, tallies);
                if (cue is not { Since: true } && cues.SinceInside(text, t) is { } inside) cue = inside;
                // "… and has since risen to 13": "since" as the adverb of the later count's verb names no start.
                if (t.Later && cue is { Since: true } adverb && adverb.End == t.Start) cue = null;
                var tally = Make(text, cues, sentence, t.Measure, t.Number.Min, t.Number.Max, t.Start, t.End, cue);
                // "… and rose to 46 on Sunday": a later count stands at its own day, not at the earlier one's.
                if (t.Later) tally = tally with { AsOf = DayRightAfter(text, sentence, t.End) ?? text.Published };
                // "put its own losses at 11 soldiers and 5 civilians": each group of people is its own toll, as stated.
                var groups = PeopleGroups(text, cues, sentence, t.Number);
                if (groups.Count < 2) found.Add(tally);
                else found.AddRange(groups.Select(p => tally with { Min = p.Min, Max = p.Max, Span = p.Span, Victims = p.Span }));
                used.Add((t.Start, groups.Count < 2 ? t.End : groups[^1].Span.EndToken));
                // "the death toll had risen to 23 by late Thursday, 19 of them civilians": a part of the tally, as of its day.
                AddPart(text, cues, sentence, tally, t.End, found, used);
                AddEarlier(text, sentence, tally, t.End, found, used);
                AddOtherSide(text, cues, sentence, tally, t.End, found, used);
                AddRisenFrom(text, sentence, tally, t.Start, t.Number.Span.StartToken, found, used);
                AddRisenFrom(text, sentence, tally, t.End, t.End + 1, found, used);
                AddMeasuredParts(text, cues, sentence, tally, t.Number, found, used, statements);
                // "The dead numbered 15 in Laos, including nine farmers, and 11 in Vietnam": the tally told place by place.
                var placeEnd = PlaceAfter(text, sentence, t.Number.Span.EndToken);
                for (var next = placeEnd is { } first ? NextByPlace(text, sentence, first) : null; next is { } more; next = NextByPlace(text, sentence, more.PlaceEnd))
                {
                    var words = text.Span(more.Number.Span.StartToken, more.PlaceEnd);
                    var other = tally with { Min = more.Number.Min, Max = more.Number.Max, Span = words, Victims = null };
                    found.Add(other);
                    used.Add((more.Number.Span.StartToken, more.PlaceEnd));
                    AddPart(text, cues, sentence, other, more.PlaceEnd, found, used);
                }
            }
            foreach (var s in statements)
            {
                if (s.Min == 0 || tallies.Exists(t => t.Start < s.End && s.Start < t.End)) continue;
                // "the funerals of soldiers killed in last weekend's fighting": victims the text does not count give no toll.
                if (s.Max is null && text.NumbersStartingIn(s.VictimStart, s.VictimEnd).Length == 0) continue;
                if (cues.StatementCue(text, sentence, s, tallies, statements) is not { } cue)
                {
                    AddOneEventHalf(text, cues, sentence, s, tallies, found, used);
                    continue;
                }
                var measure = s.Kind == CasualtyFinder.Outcome.Killed ? KilledOrInjured(text, sentence, s) ? TollMeasure.Casualties : TollMeasure.Killed : TollMeasure.Injured;
                var whole = Make(text, cues, sentence, measure, s.Min, s.Max, Math.Min(s.Start, cue.Start), Math.Max(s.End, cue.End), cue);
                // "The death toll had risen to 23 by late Thursday. It said 38 people were wounded": as of the tally's day.
                if (cue.OtherHalf && whole.AsOf == text.Published && LastOf(tolls, text.SentenceIndexOf(sentence.StartToken) - 1, text) is { } tally) whole = whole with { AsOf = tally.AsOf };
                // "three guards and six farmers had been killed": each counted group is its own toll, as stated.
                var parts = TollParts.Of(text, s.VictimStart, s.VictimEnd);
                if (parts.Count < 2) found.Add(whole with { Victims = text.Span(s.VictimStart, s.VictimEnd) });
                else found.AddRange(parts.Select(p => whole with { Min = p.Min, Max = p.Max, Span = p.Span, Victims = p.Span }));
                used.Add((s.VictimStart, s.VictimEnd));
                // "38 people were hurt, including 12 police officers": a part of the count, told after it.
                if (parts.Count < 2) AddPart(text, cues, sentence, whole, s.End, found, used);
                if (parts.Count < 2) AddEarlier(text, sentence, whole, s.End, found, used);
                if (parts.Count < 2) AddOtherSide(text, cues, sentence, whole, s.End, found, used);
                // "with 25 killed in Thailand and 15 in Cambodia": the count told place by place, the verb left out after the first.
                if (parts.Count >= 2 || PlaceAfter(text, sentence, s.End) is not { } placed) continue;
                for (var next = NextByPlace(text, sentence, placed); next is { } more; next = NextByPlace(text, sentence, more.PlaceEnd))
                {
                    if (used.Exists(u => u.Start < more.PlaceEnd && more.Number.Span.StartToken < u.End)) break;
                    found.Add(whole with { Min = more.Number.Min, Max = more.Number.Max, Span = text.Span(more.Number.Span.StartToken, more.PlaceEnd), Victims = null });
                    used.Add((more.Number.Span.StartToken, more.PlaceEnd));
                }
            }
            foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
            {
                if (n.Span.EndToken > sentence.EndToken) continue;
                // "have bombed the area seven times since August", "has lost 80 soldiers in the past fortnight": counts their verb makes a toll's.
                if ((cues.UnitMeasure(n.Unit) ?? cues.RepeatedAttack(text, sentence, n) ?? cues.LostPeople(text, sentence, n)) is not { } unit || used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) continue;
                // "The military has carried out 21 strikes", "has now struck 19 vessels": a series counted in the perfect.
                if ((cues.CueNear(text, sentence, n.Span.StartToken, n.Span.EndToken, tallies) ?? cues.SeriesInPerfect(text, sentence, n)) is not { } cue) continue;
                var counted = Make(text, cues, sentence, unit, n.Min, n.Max, Math.Min(n.Span.StartToken, cue.Start), Math.Max(n.Span.EndToken, cue.End), cue);
                found.Add(counted);
                used.Add((n.Span.StartToken, n.Span.EndToken));
                AddMeasuredParts(text, cues, sentence, counted, n, found, used, statements);
            }
            // "the 15th strike since early September", "the fifth such strike of the campaign": an ordinal with a cue
            // counts the events so far.
            for (var i = sentence.StartToken; i + 1 < sentence.EndToken; i++)
            {
                if (Ordinal(cues, text.WordOf(i)) is not { } nth || (UnitAfter(text, cues, sentence, i + 1) ?? UnitBefore(text, cues, sentence, i)) is not { } unitAt) continue;
                var unit = cues.UnitMeasure(text.WordOf(unitAt))!.Value;
                var (from, to) = (Math.Min(i, unitAt), Math.Max(i + 1, unitAt + 1));
                if (used.Exists(u => u.Start <= i && i < u.End)) continue;
                // "the 20th such strike", "the 15th known strike": a word between the ordinal and its unit that makes it one of a series.
                var series = Enumerable.Range(from + 1, Math.Max(0, to - from - 2)).Where(k => cues.IsSeriesWord(text.WordOf(k))).Select(k => (int?)k).FirstOrDefault();
                if ((cues.CueNear(text, sentence, from, to, tallies) ?? (series is { } w ? new TollCues.Cue(w, w + 1, false) : (TollCues.Cue?)null) ?? cues.CurrentSpan(text, sentence, from, to) ?? cues.LengthOfSeries(text, sentence, from, to)) is not { } cue) continue;
                found.Add(Make(text, cues, sentence, unit, nth, nth, Math.Min(from, cue.Start), Math.Max(to, cue.End), cue));
            }
            // "officials confirmed an eighth victim", "a sixth person died in hospital": the nth one of the dead is a count of n so far.
            for (var i = sentence.StartToken + 1; i + 1 < sentence.EndToken; i++)
            {
                if (NthVictim(text, cues, sentence, i) is not { } nth || used.Exists(u => u.Start <= i && i < u.End)) continue;
                found.Add(Make(text, cues, sentence, nth.Measure, nth.N, nth.N, i - 1, OfWhat(text, sentence, nth.End), null));
                used.Add((i - 1, nth.End));
            }
            // "22 people remain missing", "some 30 others are still unaccounted for": people not found are a toll of the
            // missing (never of the dead), as of the statement's day.
            foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
            {
                if (n.Span.EndToken > sentence.EndToken || used.Exists(u => u.Start < n.Span.EndToken && n.Span.StartToken < u.End)) continue;
                if (MissingAfter(text, sentence, n) is not { } missing) continue;
                found.Add(Make(text, cues, sentence, TollMeasure.Missing, n.Min, n.Max, n.Span.StartToken, missing.End, null) with { Victims = text.Span(n.Span.StartToken, missing.VictimEnd) });
                used.Add((n.Span.StartToken, missing.End));
            }
            // "The fighting has killed 36 people. The dead included 29 fighters and seven civilians.": the toll just told, by groups.
            if (found.Count == 0 && Breakdown(text, sentence) is { } breakdown && LastOf(tolls, text.SentenceIndexOf(sentence.StartToken) - 1, text) is { } told)
            {
                foreach (var p in TollParts.Of(text, breakdown.Start, breakdown.End))
                {
                    found.Add(told with { Counts = breakdown.Measure, Min = p.Min, Max = p.Max, Span = p.Span, Victims = p.Span, Evidence = text.Span(sentence.StartToken, sentence.EndToken) });
                }
            }
            found.Sort((a, b) => a.Span.StartToken != b.Span.StartToken ? a.Span.StartToken.CompareTo(b.Span.StartToken) : a.Counts.CompareTo(b.Counts));
            tolls.AddRange(found);
        }
        return tolls.ToImmutable();
    }

    /// <summary>
    /// "1,300 civilians have been killed or injured since April", "killed or wounded": one number for the dead and the
    /// hurt together counts casualties, not the dead (a killing participle, "or" or "and", and a wounding one, right after
    /// the victims or within the statement's words).
    /// </summary>
    private static bool KilledOrInjured(AnnotatedText text, TokenSpan sentence, CasualtyFinder.Statement s)
    {
        for (var k = Math.Max(s.Start, s.VictimEnd); k + 2 < Math.Min(sentence.EndToken, s.End + 3); k++)
        {
            if (KilledWords.Contains(text.WordOf(k)) && text.WordOf(k + 1).ToLowerInvariant() is "or" or "and" && InjuredWords.Contains(text.WordOf(k + 2))) return true;
        }
        return false;
    }

    /// <summary>The last toll read from the sentence at <paramref name="index"/>; null when it gave none.</summary>
    private static Toll? LastOf(ImmutableArray<Toll>.Builder tolls, int index, AnnotatedText text)
    {
        for (var i = tolls.Count - 1; i >= 0; i--)
        {
            var at = text.SentenceIndexOf(tolls[i].Evidence.StartToken);
            if (at == index) return tolls[i];
            if (at < index) break;
        }
        return null;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DeathNouns = CasualtyWords.Set("killed-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> DiedWords = CasualtyWords.Set("died");
    private static readonly System.Collections.Frozen.FrozenSet<string> KilledWords = CasualtyWords.Set("killed-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> InjuredWords = CasualtyWords.Set("injured-participles");
    private static readonly System.Collections.Frozen.FrozenSet<string> WeakWords = CasualtyWords.Set("weak");

    /// <summary>
    /// "22 people remain missing", "30 others are still unaccounted for", "four crew members were reported missing": after
    /// the number, up to three words naming people (none, or ending in a person noun), a verb of being or remaining (with
    /// "still", "now", "reported", "listed" beside it) and "missing" or "unaccounted"; the end of the words and of the
    /// people's, or null.
    /// </summary>
    private static (int End, int VictimEnd)? MissingAfter(AnnotatedText text, TokenSpan sentence, NumberMention n)
    {
        var k = n.Span.EndToken;
        while (k < sentence.EndToken && k - n.Span.EndToken < 3 && text.PosOf(k) is "JJ" or "NN" or "NNS") k++;
        if (k > n.Span.EndToken && !PersonNouns.Contains(text.WordOf(k - 1))) return null;
        var victimEnd = k;
        var verb = false;
        while (k < sentence.EndToken && k - victimEnd < 4 && text.WordOf(k).ToLowerInvariant() is "remain" or "remains" or "remained" or "are" or "were" or "is" or "was" or "have" or "had" or "been"
            or "still" or "now" or "reported" or "listed" or "considered")
        {
            verb |= text.WordOf(k).ToLowerInvariant() is not ("still" or "now");
            k++;
        }
        if (!verb || k >= sentence.EndToken || text.WordOf(k).ToLowerInvariant() is not ("missing" or "unaccounted")) return null;
        // "were missing their families": a verb with an object.
        if (k + 1 < sentence.EndToken && text.PosOf(k + 1) is "DT" or "PRP$" or "PRP" or "NN" or "NNS" or "CD") return null;
        return (text.WordOf(k).Equals("unaccounted", StringComparison.OrdinalIgnoreCase) && k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("for", StringComparison.OrdinalIgnoreCase) ? k + 2 : k + 1, victimEnd);
    }

    private static Toll Make(AnnotatedText text, TollCues cues, TokenSpan sentence, TollMeasure measure, decimal min, decimal? max, int start, int end, TollCues.Cue? cue)
    {
        TokenSpan? since = null;
        DateOnly? sinceDate = null;
        if (cue is { Since: true } c)
        {
            var sinceEnd = c.End;
            var time = text.Times.FirstOrDefault(t => t.Span.StartToken <= c.End && c.End < t.Span.EndToken || t.Span.StartToken == c.Start);
            if (time is not null)
            {
                sinceEnd = Math.Max(sinceEnd, time.Span.EndToken);
                sinceDate = time.Start;
            }
            else if (sinceEnd < sentence.EndToken && text.WordOf(sinceEnd).Equals("then", StringComparison.OrdinalIgnoreCase))
            {
                sinceDate = SinceThenDay(text, sentence, c.Start);
                sinceEnd++;
            }
            else
            {
                // "since border clashes broke out": the noun phrase after the cue.
                // "since it was captured": the pronoun and its past passive.
                if (sinceEnd + 2 < sentence.EndToken && text.PosOf(sinceEnd) == "PRP" && text.WordOf(sinceEnd + 1).ToLowerInvariant() is "was" or "were" && text.PosOf(sinceEnd + 2) == "VBN") sinceEnd += 3;
                while (sinceEnd < sentence.EndToken && sinceEnd - c.End < 6 && text.PosOf(sinceEnd) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "CD" or "IN") sinceEnd++;
                // "since the start of the war on 12 February": a day in the noun phrase is where the count starts; "since the
                // fresh fighting began Sunday": so is a day in the clause the cue opens.
                var inPhrase = text.Times.FirstOrDefault(t => t.Span.StartToken >= c.End && t.Span.EndToken <= sinceEnd && t.Precision == TimePrecision.Day && t.Start == t.End);
                if ((inPhrase ?? SinceClauseDay(text, sentence, c.Start) ?? StartVerbDay(text, cues, sentence, c.End)) is { } day)
                {
                    sinceEnd = Math.Max(sinceEnd, day.Span.EndToken);
                    sinceDate = day.Start;
                }
            }
            since = text.Span(c.Start, sinceEnd);
            end = Math.Max(end, sinceEnd);
        }
        var asOf = AsOf(text, cues, sentence, start, end, since);
        // "in the past two weeks", "so far this year": a span up to now starts the count, as of the day it stood at.
        if (since is null && cue is { } spanCue && asOf is not null && SpanUpToNow(text, sentence, spanCue, start, end) is { } span)
        {
            since = span.Span;
            sinceDate = span.Start;
        }
        return new Toll(measure, min, max, text.Span(start, end))
        {
            Since = since,
            SinceDate = sinceDate,
            AsOf = asOf,
            Evidence = sentence,
        };
    }

}
