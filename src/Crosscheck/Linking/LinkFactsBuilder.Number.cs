using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>Whether an event is one of a series or one singled out, and the running toll a series takes its casualties from.</summary>
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// Whether the sentence of a series' words names two or more different seas: "two more strikes on Monday, one in the
    /// Caribbean and one in the Pacific" is more than one incident of that day. Two towns or provinces are not enough:
    /// one day's fighting along a front names several (on realnews dev, counting them lost an incident that a two-town
    /// report of one day's clash had started).
    /// </summary>
    private static bool Spread(AnnotatedText text, EventMention e)
    {
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        if (OverCountry(text, sentence)) return true;
        var seen = new Dictionary<PlaceKind, string>();
        foreach (var m in text.GazetteerMatches)
        {
            // The matches are in text order: none after the sentence's end is in it.
            if (m.StartToken >= sentence.EndToken) break;
            if (m.StartToken < sentence.StartToken || m.EndToken > sentence.EndToken || m.Entry is not { } entry) continue;
            // A named sea has its point; "international waters" names no sea of its own.
            if (m.Kind != GazetteerMatchKind.Entity || entry.Place is not PlaceKind.Sea || entry.Entity.Latitude is null) continue;
            if (seen.TryGetValue(entry.Place, out var key) && key != entry.Entity.Key) return true;
            seen[entry.Place] = entry.Entity.Key;
        }
        return false;
    }

    /// <summary>
    /// "across Ukraine", "throughout the country", "nationwide": a series spread over a whole country
    /// (@spread-prepositions, then within three words a country's name or an area noun of @spread-areas).
    /// </summary>
    private static bool OverCountry(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (!SpreadPrepositions.Contains(text.WordOf(i))) continue;
            if (text.WordOf(i).Equals("nationwide", StringComparison.OrdinalIgnoreCase)) return true;
            for (var k = i + 1; k < Math.Min(sentence.EndToken, i + 4); k++)
            {
                if (SpreadAreas.Contains(text.WordOf(k))) return true;
            }
            foreach (var m in text.GazetteerMatches)
            {
                if (m.StartToken > i + 3) break;
                if (m.StartToken > i && m.Kind == GazetteerMatchKind.Entity && m.Entry is { Place: PlaceKind.Country }) return true;
            }
        }
        return false;
    }

    /// <summary>"another clash", "another strike": the event word right after "another", a determiner or adjective between.</summary>
    private static bool Another(AnnotatedText text, EventMention e)
    {
        if (e.Trigger.Length == 0) return false;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        if (OpensSeparately(text, sentence)) return true;
        for (var i = e.Trigger.StartToken - 1; i >= Math.Max(sentence.StartToken, e.Trigger.StartToken - 3); i--)
        {
            if (text.WordOf(i) is "another" or "Another") return true;
            if (text.PosOf(i) is not ("JJ" or "NN")) return false;
        }
        return false;
    }

    /// <summary>
    /// "Separately, …", "Elsewhere, …", "In a separate incident, …", "In another attack on Saturday, …": a sentence that
    /// opens by setting what it tells apart from what came before (data/events/link-words.txt @separate-openers).
    /// </summary>
    private static bool OpensSeparately(AnnotatedText text, TokenSpan sentence)
    {
        var i = sentence.StartToken;
        if (sentence.Length >= 2 && SeparateOpeners.Contains(text.WordOf(i)) && text.WordOf(i + 1) == ",") return true;
        if (i + 3 >= sentence.EndToken || !text.WordOf(i).Equals("in", StringComparison.OrdinalIgnoreCase)) return false;
        var k = i + 1;
        if (text.WordOf(k) is "a" or "an" && SeparateWords.Contains(text.WordOf(k + 1))) k += 2;
        else if (text.WordOf(k).Equals("another", StringComparison.OrdinalIgnoreCase)) k += 1;
        else return false;
        return SeparateNouns.Contains(text.WordOf(k)) || OneAttackNouns.Contains(text.WordOf(k));
    }

    /// <summary>
    /// "The escalation follows a brief clash on Tuesday night in X", "It comes a day after an airstrike hit Y", "The attack came
    /// amid …, following a bombing in Z": the event word stands after a verb that tells the sentence's subject (the news) as
    /// coming after it, in the same clause. What it names is the context the news is set against, not news of its own.
    /// </summary>
    private static bool Antecedent(AnnotatedText text, EventMention e)
    {
        if (e.Trigger.Length == 0) return false;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        // The verb has its subject before it: it is not the sentence's first word.
        for (var i = e.Trigger.StartToken - 1; i > sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (w is ";" or "but" or "while" or "But" or "While") return false;
            // Not "followed by", "as follows", nor "in the days that followed, …".
            if (AntecedentVerbs.Contains(w) && text.WordOf(i + 1) is not ("by" or "," or ":" or "up")
                && !text.WordOf(i - 1).Equals("as", StringComparison.OrdinalIgnoreCase)) return true;
            if (!AntecedentComes.Contains(w) || text.PosOf(i) is { } pos && !pos.StartsWith("VB", StringComparison.Ordinal)) continue;
            // "comes after", "came a day after", "came more than a month after", "comes amid", "came in the wake of".
            for (var j = i + 1; j < Math.Min(e.Trigger.StartToken, i + 7); j++)
            {
                if (AntecedentLinks.Contains(text.WordOf(j))) return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "a rebel faction, which has carried out lethal attacks along the frontier for years", "For decades, militants have attacked …", "over the past
    /// months": a span of years or months close after the event word in its clause (or opening its sentence) makes the event
    /// a habit, many events over that span; a day the discourse lends the sentence is not theirs.
    /// </summary>
    private static bool Habitual(AnnotatedText text, EventMention e)
    {
        if (e.Trigger.Length == 0) return false;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        if (SpanOfYears(text, sentence, sentence.StartToken)) return true;
        // "the most intense attack for months", "the deadliest strike in years": a comparison of one attack with the months before.
        for (var i = Math.Max(sentence.StartToken, e.Trigger.StartToken - 4); i < e.Trigger.StartToken; i++)
        {
            if (text.PosOf(i) is "JJS" || text.WordOf(i).Equals("most", StringComparison.OrdinalIgnoreCase)) return false;
        }
        // Close after the event word, in its clause: "attacks inside Pakistan for years", not "…, hitting the capital in one
        // of the most intense attacks in months".
        for (var i = e.Trigger.EndToken; i < Math.Min(sentence.EndToken, e.Trigger.EndToken + HabitReach); i++)
        {
            if (text.WordOf(i) is ";" or ":" or ",") return false;
            if (SpanOfYears(text, sentence, i)) return true;
        }
        return false;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");

    /// <summary>
    /// "neutralised several dozen terrorists", "dozens of civilians": a series word that counts the people its noun names
    /// (within three words, past "of", "dozen" and adjectives) counts victims, not events.
    /// </summary>
    private static bool CountsPeople(AnnotatedText text, int word, int end)
    {
        for (var i = word + 1; i < Math.Min(end, word + 4); i++)
        {
            if (text.PosOf(i) is "NN" or "NNS" && !text.WordOf(i).Equals("dozen", StringComparison.OrdinalIgnoreCase)) return PersonNouns.Contains(text.WordOf(i));
            if (text.PosOf(i) is not ("IN" or "JJ" or "CD" or "DT") && !text.WordOf(i).Equals("dozen", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    /// <summary>How many words after the event word a span of years may stand.</summary>
    private const int HabitReach = 6;

    /// <summary>
    /// "for years", "over the past decades", "for two years" starting at <paramref name="at"/>. Not "in …": "the deadliest
    /// attack in (recent) years" compares one attack with the years before it.
    /// </summary>
    private static bool SpanOfYears(AnnotatedText text, TokenSpan sentence, int at)
    {
        if (at >= sentence.EndToken || text.WordOf(at).ToLowerInvariant() is not ("for" or "over")) return false;
        for (var j = at + 1; j < Math.Min(sentence.EndToken, at + 4); j++)
        {
            var w = text.WordOf(j);
            if (HabitualSpans.Contains(w)) return true;
            if (!HabitualFillers.Contains(w)) return false;
        }
        return false;
    }

    /// <summary>Whether the event words speak of many events or single one out.</summary>
    private static (bool Plural, bool Single) Number(AnnotatedText text, EventMention e, TallyWords tally)
    {
        if (e.Count is { } count) return (count.Max is null || count.Max > 1 || count.Min > 1, count.Min == 1 && count.Max == 1);
        var plural = false;
        var single = false;
        for (var i = e.Trigger.StartToken; i < e.Trigger.EndToken; i++)
        {
            if (text.PosOf(i) is "NNS") plural = true;
        }
        // Plural targets make a series ("strikes on boats"), but the victims of a killing word do not ("killing 11 people").
        if (e.Trigger.Length == 0 || !KillWords.Contains(text.WordOf(e.Trigger.StartToken)))
        {
            foreach (var r in e.Recipients)
            {
                if (r.Span.Length > 0 && text.PosOf(r.Span.EndToken - 1) is "NNS" && !PersonPlurals.Contains(text.WordOf(r.Span.EndToken - 1))) plural = true;
            }
        }
        // Look a few words around the trigger for series and singling words: "the latest was carried out", "multiple boats".
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        var from = Math.Max(sentence.StartToken, Math.Min(e.Evidence.StartToken, e.Trigger.StartToken - 4));
        var to = Math.Min(sentence.EndToken, Math.Max(e.Evidence.EndToken, e.Trigger.EndToken + 4));
        for (var i = from; i < to; i++)
        {
            var w = text.WordOf(i);
            if (SingleWords.Contains(w)) single = true;
            else if (SeriesWords.Contains(w) && !CountsPeople(text, i, sentence.EndToken)) plural = true;
        }
        // A verb whose object right after it is plural ("bombing ships", "bombed and intercepted multiple boats") or
        // one thing ("destroyed a boat", "fired on another vessel"). Killing words count people, not events, so for
        // them the other verbs of the clause are read ("destroyed a boat ..., killing 11").
        if (!plural && e.Trigger.Length > 0)
        {
            var killing = KillWords.Contains(text.WordOf(e.Trigger.StartToken));
            var verbs = new List<int>();
            if (!killing && text.PosOf(e.Trigger.StartToken) is { } tpos && tpos.StartsWith("VB", StringComparison.Ordinal)) verbs.Add(e.Trigger.EndToken);
            if (killing)
            {
                for (var i = e.Evidence.StartToken; i < e.Evidence.EndToken; i++)
                {
                    if (i != e.Trigger.StartToken && text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && !KillWords.Contains(text.WordOf(i))) verbs.Add(i + 1);
                }
            }
            foreach (var after in verbs)
            {
                var (objectPlural, objectSingle) = ObjectNumber(text, sentence, after);
                plural |= objectPlural;
                single |= objectSingle;
                if (objectPlural || objectSingle) break;
            }
        }
        // A noun trigger that is one event: "a strike", "another attack", "the 16th strike".
        if (!plural && !single && e.Trigger.Length > 0 && text.PosOf(e.Trigger.EndToken - 1) is "NN" && e.Trigger.StartToken > sentence.StartToken)
        {
            for (var i = e.Trigger.StartToken - 1; i >= Math.Max(sentence.StartToken, e.Trigger.StartToken - 3); i--)
            {
                var w = text.WordOf(i);
                if (OneDeterminers.Contains(w) || (w.Length > 2 && char.IsDigit(w[0]) && (w.EndsWith("th", StringComparison.Ordinal) || w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal))))
                {
                    single = true;
                    break;
                }
                if (text.PosOf(i) is not ("JJ" or "NN" or "NNP" or "CD")) break;
            }
        }
        // "since early September", "so far": a tally of a series.
        // The same when the event's day is the start a running toll counts from ("the number of people killed since
        // fighting broke out on Sunday night": Sunday is when the tally starts, not the day of one event).
        if (e.Time is { } t && t.Span.Length > 0 && (t.Span.Text.StartsWith("since", StringComparison.OrdinalIgnoreCase) || text.WordOf(Math.Max(0, t.Span.StartToken - 1)).Equals("since", StringComparison.OrdinalIgnoreCase))
            || tally.CountedFrom is not null)
        {
            plural = true;
            single = false;
        }
        // "three days of fighting", "after five days of intense clashes": fighting measured in days is a run of events;
        // so are the dead "in the border conflict" (a whole war's toll).
        if (tally.DurationDays is not null || tally.WholeWar)
        {
            plural = true;
            single = false;
        }
        // "has carried out attacks for years": many events over years, whatever day the sentence has.
        if (Habitual(text, e)) return (true, false);
        if (single) plural = false;
        // A day the text gives (not one assumed from the publication date) singles the event out.
        if (!plural && e.Time is { Precision: TimePrecision.Day or TimePrecision.Week, Basis: null }) single = true;
        return (plural, single);
    }

    private static RangeFacts? TollOf(ImmutableArray<Toll> tolls, TokenSpan sentence, TollMeasure measure)
    {
        foreach (var t in tolls)
        {
            if (t.Counts == measure && sentence.Contains(t.Span.StartToken)) return new RangeFacts(t.Min, t.Max, t.Text);
        }
        return null;
    }

    /// <summary>The toll of <paramref name="measure"/> whose words hold the event's trigger, or null.</summary>
    private static RangeFacts? TollAround(ImmutableArray<Toll> tolls, TokenSpan trigger, TollMeasure measure)
    {
        foreach (var t in tolls)
        {
            if (t.Counts == measure && t.Span.StartToken <= trigger.StartToken && trigger.EndToken <= t.Span.EndToken) return new RangeFacts(t.Min, t.Max, t.Text);
        }
        return null;
    }

    /// <summary>Whether the object starting at <paramref name="from"/> is plural ("ships") or one thing ("a boat").</summary>
    private static (bool Plural, bool Single) ObjectNumber(AnnotatedText text, TokenSpan sentence, int from)
    {
        var determiner = false;
        for (var i = from; i < Math.Min(sentence.EndToken, from + 5); i++)
        {
            var pos = text.PosOf(i);
            var w = text.WordOf(i);
            if (pos is "NNS") return (true, false);
            if (OneDeterminers.Contains(w)) { determiner = true; continue; }
            if (pos is "NN" && determiner) return (false, true);
            if (pos is "NN" or "NNP" or "." or ",") break;
            if (pos is "IN" && !(w is "on" or "at" or "upon")) break;
            // A word that opens a clause ends the object: in "were killed when gunmen stormed a post", "gunmen" are the next
            // clause's subject, not many things attacked.
            if (pos is "WRB" or "WDT" or "WP") break;
        }
        return (false, false);
    }
}
