using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Turns one analyzed document into the <see cref="DocumentFacts"/> the cross-document stage works on.</summary>
public static partial class LinkFactsBuilder
{
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
            if (SegmentOfToken(text, i) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            if (TermAt(text, i) is not { } term) continue;
            termCounts[term] = termCounts.GetValueOrDefault(term) + 1;
        }
        ImmutableArray<EventFacts> events = [.. reading.Events.Select(e => EventFactsOf(document.Id, text, e, keys, reading.Tolls, reading.Events) with { Reported = document.Metadata.Published })];
        var disputes = DisputeReader.Read(text, events, reading.Quotes);
        events = Disputing(CalledFalse(events, disputes), disputes);
        return new DocumentFacts
        {
            Id = document.Id,
            Outlet = document.Metadata.Outlet,
            Title = document.Metadata.Title,
            Published = document.Metadata.Published,
            DuplicateOf = document.DuplicateOf,
            Analyzer = AnalyzerVersion.Current.ToString(),
            Entities = [.. entityCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new WeightedKey(p.Key, p.Value, labels[p.Key]))],
            Terms = [.. termCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new WeightedKey(p.Key, p.Value))],
            Events = events,
            Disputes = disputes,
            Credits = CreditsOf(text),
            Wire = WireCredits.Find(document.Text),
            Relay = WireCredits.Relay(text),
            Lede = Rewrites.LedeOf(text),
            Sentences = SharedSentences.Of(text),
            People = PeopleOf(text, keys),
            Tolls = TollFactsOf(document.Id, text.Text, reading.Tolls),
        };
    }

    private static SegmentKind SegmentOfToken(AnnotatedText text, int i) => text.SegmentKindAt(text.StartOf(i));

    /// <summary>
    /// "Reports that troops shot worshippers at the shrine are fabricated, the army said on Monday": the attack a party calls
    /// false in its own sentence (<see cref="DisputeReader"/>'s claim noun and false word) is denied, not told as fact, and
    /// the day of the saying is none of its own.
    /// </summary>
    private static ImmutableArray<EventFacts> CalledFalse(ImmutableArray<EventFacts> events, ImmutableArray<DisputeFacts> disputes)
    {
        var denied = disputes.Where(d => DisputeReader.IsCalledFalse(d)).Select(d => (d.Event, d.Start, d.End)).ToList();
        if (denied.Count == 0) return events;
        return [.. events.Select(e => e.Modality == Modality.Asserted && denied.Any(d => d.Event == e.Id && e.Start >= d.Start && e.End <= d.End)
            ? e with { Modality = Modality.Denied, Time = e.Time?.Basis is null ? e.Time : null }
            : e)];
    }

    /// <summary>
    /// "Pakistan rejected Indian allegations that militants carried out the ambush": a rejection, denial or accusation in the
    /// sentence of a denial or dispute about another event is that dispute (<see cref="EventFacts.Disputing"/>).
    /// </summary>
    private static ImmutableArray<EventFacts> Disputing(ImmutableArray<EventFacts> events, ImmutableArray<DisputeFacts> disputes)
    {
        var cues = disputes.Where(d => d.Kind is "denial" or "dispute" && d.Event is not null).ToList();
        if (cues.Count == 0) return events;
        // "M23 denied any role in the explosion and blamed the blast on an army mine": the counter-accusation of the denial's own
        // sentence is part of it.
        return [.. events.Select(e => e.Type is PloverType.Reject or PloverType.Accuse && cues.Any(d => d.Event != e.Id && e.Start >= d.Start && e.End <= d.End)
            ? e with { Disputing = true }
            : e)];
    }

    /// <summary>
    /// The content word token <paramref name="i"/> stands for: the lower-case lemma of a noun, verb or adjective of three
    /// letters or more that is not a stop term (<c>@stop-terms</c>); null for any other token.
    /// </summary>
    internal static string? TermAt(AnnotatedText text, int i)
    {
        var pos = text.PosOf(i);
        if (pos is null || !(pos.StartsWith("NN", StringComparison.Ordinal) || pos.StartsWith("VB", StringComparison.Ordinal) || pos == "JJ")) return null;
        var word = text.WordOf(i);
        // Web and mail addresses are not words.
        if (word.Length < 3 || !char.IsLetter(word[0]) || word.Contains('/', StringComparison.Ordinal) || word.Contains('@', StringComparison.Ordinal)) return null;
        var term = Lemma(word.ToLowerInvariant(), pos);
        return StopTerms.Contains(term) ? null : term;
    }

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
        ImmutableArray<Toll> tolls, IReadOnlyList<EventMention> all)
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
        var tally = TallyOf(text, e, tolls);
        var (plural, single) = Number(text, e, tally);
        // A campaign (a series of events "since September") totals what the running tolls of its sentence count;
        // the reading gives no event those numbers, the linker's campaign incident takes them from here.
        // One attack named inside a toll's own words by a singular noun of one attack ("the death toll from Wednesday's
        // missile strike has risen to 21", @one-attack-nouns) has that running count as its dead, whatever else its sentence
        // counts ("… as more of the wounded died"): the toll counts that attack, not a campaign. "Fighting", "clashes" or a
        // casualty word inside a toll's words ("clashes that have claimed 40 lives since March", "killing at least 9") are not one attack.
        var oneAttack = single && e.Trigger.Length > 0 && OneAttackNouns.Contains(text.WordOf(e.Trigger.EndToken - 1));
        var killed = (oneAttack ? TollAround(tolls, e.Trigger, TollMeasure.Killed) : null)
            ?? (e.Fatalities is { } f ? new RangeFacts(f.Min, f.Max, f.Text) : plural ? TollOf(tolls, sentence, TollMeasure.Killed) : null);
        var injured = (oneAttack ? TollAround(tolls, e.Trigger, TollMeasure.Injured) : null)
            ?? (e.Injured is { } inj ? new RangeFacts(inj.Min, inj.Max, inj.Text) : plural ? TollOf(tolls, sentence, TollMeasure.Injured) : null);
        var locality = LocalityOf(text, e, all);
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
            // A village the gazetteers lack is where the event is when its words give no other place ("struck the village of
            // Lin Ta Lu again on Thursday"), as an unknown name after "in" is.
            Location = e.Location is { } l ? new PlaceFacts(l.Span.Text, l.Name, l.Country, l.Precision, l.Latitude, l.Longitude) { Side = SideOf(text, l) }
                : locality is { Name: var place, Span: var words } ? LocalityPlace(text, place, words) : null,
            Locality = locality?.Name,
            Village = locality?.Settlement == true,
            Time = TallyTime(tally, e, CountedTime(text, e)),
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
            Spread = plural && Spread(text, e),
            Another = Another(text, e),
            Antecedent = Antecedent(text, e),
            Riposte = Riposte(text, e, killed),
            Habitual = Habitual(text, e),
            Segment = Segment.Name(e.Segment),
            Salience = Saliences.Name(e.Salience),
            Start = e.Evidence.Start,
            End = e.Evidence.End,
            Evidence = e.Evidence.Text,
            Trigger = e.Trigger.Text,
        };
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
        return new ParticipantFacts(p.Text, key, country) { Claimed = p.Claimed };
    }
}
