using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Turns one analyzed document into the <see cref="DocumentFacts"/> the cross-document stage works on.</summary>
public static class LinkFactsBuilder
{
    // Words that mark a claim as second-hand. Curated from English news style.
    private static readonly FrozenSet<string> HedgeWords = FrozenSet.ToFrozenSet(
        ["reportedly", "allegedly", "purportedly", "supposedly", "reported", "according"], StringComparer.OrdinalIgnoreCase);

    // Words that single out one event of a series.
    private static readonly FrozenSet<string> SingleWords = FrozenSet.ToFrozenSet(
        ["latest", "newest", "most recent", "last"], StringComparer.OrdinalIgnoreCase);

    // Words that make an event a series.
    private static readonly FrozenSet<string> SeriesWords = FrozenSet.ToFrozenSet(
        ["multiple", "several", "series", "campaign", "wave", "repeated", "numerous", "many", "dozens", "string"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> StopTerms = FrozenSet.ToFrozenSet(
        ["be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "do", "does", "did", "say", "said", "says",
         "will", "would", "could", "should", "may", "might", "can", "must", "also", "more", "most", "other", "such", "new",
         "year", "years", "time", "times", "day", "days", "people", "one", "two", "first", "last", "get", "got", "make", "made",
         "told", "tell", "according", "report", "reported", "reports", "including", "just", "like", "many", "much", "told"],
        StringComparer.Ordinal);

    public static DocumentFacts Build(Document document, AnnotatedText text, ArticleReading reading)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reading);
        var keys = EntityIndex.KeysOf(text);
        var entityCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in text.Entities)
        {
            if (m.Type == EntityType.Outlet) continue;
            var key = keys[(m.Span.StartToken, m.Span.EndToken)];
            entityCounts[key] = entityCounts.GetValueOrDefault(key) + 1;
            var label = m.Known?.Name ?? m.Name.Text;
            if (!labels.TryGetValue(key, out var old) || label.Length > old.Length) labels[key] = label;
        }
        var termCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            var pos = text.PosOf(i);
            if (pos is null || !(pos.StartsWith("NN", StringComparison.Ordinal) || pos.StartsWith("VB", StringComparison.Ordinal) || pos == "JJ")) continue;
            if (SegmentOfToken(text, i) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var word = text.WordOf(i);
            // Web and mail addresses are not words.
            if (word.Length < 3 || !char.IsLetter(word[0]) || word.Contains('/', StringComparison.Ordinal) || word.Contains('@', StringComparison.Ordinal)) continue;
            var term = Lemma(word.ToLowerInvariant(), pos);
            if (StopTerms.Contains(term)) continue;
            termCounts[term] = termCounts.GetValueOrDefault(term) + 1;
        }
        return new DocumentFacts
        {
            Id = document.Id,
            Outlet = document.Metadata.Outlet,
            Title = document.Metadata.Title,
            Published = document.Metadata.Published,
            DuplicateOf = document.DuplicateOf,
            Entities = [.. entityCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new WeightedKey(p.Key, p.Value, labels[p.Key]))],
            Terms = [.. termCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new WeightedKey(p.Key, p.Value))],
            Events = [.. reading.Events.Select(e => EventFactsOf(document.Id, text, e, keys, reading.Tolls) with { Reported = document.Metadata.Published })],
            Credits = CreditsOf(text),
            People = PeopleOf(text, keys),
            Tolls = [.. reading.Tolls.Select(t => new TollFacts(TollIds.Of(document.Id, t), t.Counts, t.Min, t.Max, t.Text, t.Span.Start, t.Span.End)
            {
                Since = t.Since?.Text,
                SinceDate = t.SinceDate,
                AsOf = t.AsOf,
            })],
        };
    }

    private static SegmentKind SegmentOfToken(AnnotatedText text, int i) => text.SegmentKindAt(text.StartOf(i));

    private static string Lemma(string word, string pos)
    {
        if (pos is "NNS" or "NNPS")
        {
            if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
            // "glasses", "boxes", "churches", "bushes" drop "es"; "houses", "cases", "promises" only the "s".
            if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)) return word[..^2];
            if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)) return word[..^1];
            return word;
        }
        if (pos.StartsWith("VB", StringComparison.Ordinal))
        {
            foreach (var candidate in Lemmas.Candidates(word)) return candidate;
        }
        return word;
    }

    private static EventFacts EventFactsOf(string document, AnnotatedText text, EventMention e, Dictionary<(int, int), string> keys,
        System.Collections.Immutable.ImmutableArray<Toll> tolls)
    {
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        var hedged = false;
        for (var i = sentence.StartToken; i < sentence.EndToken && !hedged; i++)
        {
            var w = text.WordOf(i);
            if (HedgeWords.Contains(w))
            {
                // "reported" only hedges as a reporting verb of someone else ("NBC News reported"), which attribution
                // covers; "reportedly" and "according" always do.
                hedged = !string.Equals(w, "reported", StringComparison.OrdinalIgnoreCase);
            }
            else if (string.Equals(w, "said", StringComparison.OrdinalIgnoreCase) && i + 1 < sentence.EndToken && text.WordOf(i + 1) == "to"
                && i > sentence.StartToken && text.WordOf(i - 1) is "is" or "are" or "was" or "were")
            {
                hedged = true;
            }
        }
        var (plural, single) = Number(text, e);
        // A campaign (a series of events "since September") totals what the running tolls of its sentence count;
        // the reading gives no event those numbers, the linker's campaign incident takes them from here.
        var killed = e.Fatalities is { } f ? new RangeFacts(f.Min, f.Max, f.Text) : plural ? TollOf(tolls, sentence, TollMeasure.Killed) : null;
        var injured = e.Injured is { } inj ? new RangeFacts(inj.Min, inj.Max, inj.Text) : plural ? TollOf(tolls, sentence, TollMeasure.Injured) : null;
        return new EventFacts
        {
            Id = EventIds.Of(document, e),
            Document = document,
            Type = e.Type,
            Modes = e.Modes,
            Contexts = e.Contexts,
            Acled = e.Acled,
            Modality = e.Modality,
            Actors = [.. e.Actors.Select(p => ParticipantOf(text, p, keys))],
            Recipients = [.. e.Recipients.Select(p => ParticipantOf(text, p, keys))],
            Location = e.Location is { } l ? new PlaceFacts(l.Span.Text, l.Name, l.Country, l.Precision, l.Latitude, l.Longitude) : null,
            Time = e.Time is { } t ? new TimeFacts(t.Span.Text, t.Start, t.End, t.Precision.ToString().ToLowerInvariant()) : null,
            Fatalities = killed,
            Count = e.Count is { } c ? new RangeFacts(c.Min, c.Max, c.Text) : null,
            Injured = injured,
            Quantities = [.. e.Quantities.Select(q => new QuantityFacts(q.Value, q.Unit, q.Text))],
            Verb = e.Attribution.Verb,
            Confidence = e.Confidence,
            AttributionKind = e.Attribution.Kind,
            SourceCount = e.Attribution.Count,
            Via = e.Attribution.Via,
            Speaker = e.Attribution.SpeakerName ?? e.Attribution.Speaker?.Text,
            SpeakerKey = e.Attribution.SpeakerEntity is { } se ? keys.GetValueOrDefault((se.Span.StartToken, se.Span.EndToken)) : null,
            SpeakerCountry = e.Attribution.SpeakerEntity?.Known?.Country,
            Hedged = hedged,
            Plural = plural,
            Single = single,
            Segment = Segment.Name(e.Segment),
            Salience = Saliences.Name(e.Salience),
            Start = e.Evidence.Start,
            End = e.Evidence.End,
            Evidence = e.Evidence.Text,
            Trigger = e.Trigger.Text,
        };
    }

    /// <summary>Whether the event words speak of many events or single one out.</summary>
    private static (bool Plural, bool Single) Number(AnnotatedText text, EventMention e)
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
            else if (SeriesWords.Contains(w)) plural = true;
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
                if (w is "a" or "an" or "another" or "A" or "An" or "Another" || (w.Length > 2 && char.IsDigit(w[0]) && (w.EndsWith("th", StringComparison.Ordinal) || w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal) || w.EndsWith("rd", StringComparison.Ordinal))))
                {
                    single = true;
                    break;
                }
                if (text.PosOf(i) is not ("JJ" or "NN" or "NNP" or "CD")) break;
            }
        }
        // "since early September", "so far": a tally of a series.
        if (e.Time is { } t && t.Span.Length > 0 && (t.Span.Text.StartsWith("since", StringComparison.OrdinalIgnoreCase) || text.WordOf(Math.Max(0, t.Span.StartToken - 1)).Equals("since", StringComparison.OrdinalIgnoreCase)))
        {
            plural = true;
            single = false;
        }
        if (single) plural = false;
        if (!plural && e.Time is { Precision: TimePrecision.Day or TimePrecision.Week }) single = true;
        return (plural, single);
    }

    private static RangeFacts? TollOf(System.Collections.Immutable.ImmutableArray<Toll> tolls, TokenSpan sentence, TollMeasure measure)
    {
        foreach (var t in tolls)
        {
            if (t.Counts == measure && sentence.Contains(t.Span.StartToken)) return new RangeFacts(t.Min, t.Max, t.Text);
        }
        return null;
    }

    private static readonly FrozenSet<string> PersonPlurals = FrozenSet.ToFrozenSet(
        ["people", "persons", "civilians", "men", "women", "children", "soldiers", "fighters", "members", "crew", "crews", "victims", "passengers", "survivors"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> KillWords = FrozenSet.ToFrozenSet(
        ["killing", "killed", "kill", "kills", "wounding", "wounded", "injuring", "injured"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the object starting at <paramref name="from"/> is plural ("ships") or one thing ("a boat").</summary>
    private static (bool Plural, bool Single) ObjectNumber(AnnotatedText text, TokenSpan sentence, int from)
    {
        var determiner = false;
        for (var i = from; i < Math.Min(sentence.EndToken, from + 5); i++)
        {
            var pos = text.PosOf(i);
            var w = text.WordOf(i);
            if (pos is "NNS") return (true, false);
            if (w is "a" or "an" or "another" or "A" or "An" or "Another") { determiner = true; continue; }
            if (pos is "NN" && determiner) return (false, true);
            if (pos is "NN" or "NNP" or "." or ",") break;
            if (pos is "IN" && !(w is "on" or "at" or "upon")) break;
        }
        return (false, false);
    }

    private static ParticipantFacts ParticipantOf(AnnotatedText text, Participant p, Dictionary<(int, int), string> keys)
    {
        string? key = null;
        string? country = null;
        if (p.Entity is { } m)
        {
            key = keys.GetValueOrDefault((m.Span.StartToken, m.Span.EndToken));
            country = m.Known?.Country;
        }
        // A name inside the words gives the side: "Mexican police", "US officials".
        foreach (var inner in text.Entities)
        {
            if (inner.Span.StartToken >= p.Span.EndToken) break;
            if (inner.Span.EndToken <= p.Span.StartToken || inner.Span.StartToken < p.Span.StartToken || inner.Span.EndToken > p.Span.EndToken) continue;
            key ??= keys.GetValueOrDefault((inner.Span.StartToken, inner.Span.EndToken));
            country ??= inner.Known?.Country;
        }
        return new ParticipantFacts(p.Text, key, country);
    }

    private static ImmutableArray<Credit> CreditsOf(AnnotatedText text)
    {
        var credits = ImmutableArray.CreateBuilder<Credit>();
        foreach (var r in AttributionFinder.Default.FindAll(text))
        {
            var via = r.Attribution.Via;
            if (via is null || via.Length == 0 || !char.IsUpper(via[0])) continue;
            var start = Math.Min(r.Cue.Start, r.Content.Length > 0 ? r.Content.Start : r.Cue.Start);
            var end = Math.Max(r.Cue.End, r.Content.Length > 0 ? r.Content.End : r.Cue.End);
            if (r.Source is { } s) { start = Math.Min(start, s.Start); end = Math.Max(end, s.End); }
            credits.Add(new Credit(via, r.Attribution.Count, r.Source?.Text, start, end, text.Text[start..end]));
        }
        return credits.ToImmutable();
    }

    private static ImmutableArray<PersonTitles> PeopleOf(AnnotatedText text, Dictionary<(int, int), string> keys)
    {
        var byKey = new Dictionary<string, (string Name, SortedSet<string> Titles, int Start, int End)>(StringComparer.Ordinal);
        var known = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var chain in text.Coreference)
        {
            if (chain.Type != EntityType.Person) continue;
            var key = EntityIndex.KeyOf(chain.Known, chain.Type, chain.Name);
            if (!byKey.TryGetValue(key, out var entry))
            {
                var first = chain.Mentions.Length > 0 ? chain.Mentions[0] : default;
                entry = (chain.Known?.Name ?? chain.Name, new SortedSet<string>(StringComparer.Ordinal), first.Length > 0 ? first.Start : 0, first.Length > 0 ? first.End : 0);
                byKey[key] = entry;
            }
            foreach (var t in chain.Titles) entry.Titles.Add(t);
            if (chain.Known is { } k) known[key] = k.Titles;
        }
        foreach (var m in text.Entities)
        {
            if (m.Type != EntityType.Person || m.Title is null) continue;
            var key = keys[(m.Span.StartToken, m.Span.EndToken)];
            if (!byKey.TryGetValue(key, out var entry))
            {
                entry = (m.Known?.Name ?? m.Name.Text, new SortedSet<string>(StringComparer.Ordinal), m.Span.Start, m.Span.End);
                byKey[key] = entry;
            }
            entry.Titles.Add(m.Title);
            if (m.Known is { } k) known[key] = k.Titles;
        }
        return [.. byKey.Where(p => p.Value.Titles.Count > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PersonTitles(p.Key, p.Value.Name, [.. p.Value.Titles], p.Value.Start, p.Value.End)
            {
                KnownTitles = known.GetValueOrDefault(p.Key, []),
            })];
    }
}
