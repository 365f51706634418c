using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

/// <summary>
/// Reads the sourced record of one analyzed article: finds event words, groups them into events, and fills
/// each event's modality, participants, place, time, counts and attribution, plus the article's quotes.
/// Immutable and thread-safe; the parts can be replaced for experiments.
/// </summary>
public sealed class EventReader
{
    public static readonly EventReader Default = new();

    public TriggerLexicon Lexicon { get; init; } = TriggerLexicon.Default;
    public ModalityClassifier Modality { get; init; } = ModalityClassifier.Default;
    public AttributionFinder Attributions { get; init; } = AttributionFinder.Default;
    public QuoteFinder Quotes { get; init; } = QuoteFinder.Default;
    public CasualtyFinder Casualties { get; init; } = CasualtyFinder.Default;
    public AcledClassifier Acled { get; init; } = AcledClassifier.Default;

    /// <summary>Words that end a clause for evidence and argument search.</summary>
    private static readonly FrozenSet<string> ClauseBreaks = FrozenSet.ToFrozenSet([";", ":", "–", "—", "(", ")", "\"", "“", "”"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SubordinateStarts = FrozenSet.ToFrozenSet(
        ["which", "who", "while", "whereas", "but", "although", "though", "as", "after", "before", "when", "unlike", "despite", "with", "and"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "inside", "into", "to", "off", "near", "across", "at", "on", "over", "from", "within", "throughout", "along"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RecipientPrepositions = FrozenSet.ToFrozenSet(
        ["on", "against", "at", "targeting", "upon"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> TroopWords = FrozenSet.ToFrozenSet(
        ["troops", "troop", "soldiers", "soldier", "personnel", "marines", "forces", "servicemen", "service members", "sailors", "reservists", "fighters", "officers", "agents", "police", "policemen", "guardsmen"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PersonWords = FrozenSet.ToFrozenSet(
        ["people", "persons", "person", "civilians", "civilian", "figures", "members", "leaders", "migrants", "refugees", "prisoners", "detainees",
         "suspects", "men", "women", "children", "hostages", "protesters", "demonstrators", "residents", "workers", "students", "journalists",
         "individuals", "victims", "militants", "rebels", "officials", "citizens", "passengers", "crew", "fishermen", "immigrants", "gang members"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The events and quotes of <paramref name="text"/>, which must have been through the standard language pipeline.</summary>
    public ArticleReading Read(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quotes = Quotes.Find(text);
        var places = Places(text);
        var events = ImmutableArray.CreateBuilder<EventMention>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            var segment = text.SegmentKindAt(sentence.Start);
            if (segment is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var triggers = Lexicon.Match(text, sentence);
            if (triggers.Length == 0) continue;
            foreach (var group in Group(text, sentence, triggers))
            {
                events.Add(Build(text, sentence, segment, group, places, quotes));
            }
        }
        return new ArticleReading(Casualties.WithFollowUps(text, events.ToImmutable()), quotes);
    }

    /// <summary>Triggers of one type in one clause name one event ("64 people have been killed in the 15 strikes").</summary>
    private static List<List<TriggerMatch>> Group(AnnotatedText text, TokenSpan sentence, ImmutableArray<TriggerMatch> triggers)
    {
        var groups = new List<List<TriggerMatch>>();
        foreach (var t in triggers)
        {
            var clause = Clause(text, sentence, t.Span);
            var home = groups.FirstOrDefault(g => g[0].Entry.Type == t.Entry.Type && Clause(text, sentence, g[0].Span).Overlaps(clause));
            if (home is null) groups.Add([t]);
            else home.Add(t);
        }
        return groups;
    }

    private EventMention Build(AnnotatedText text, TokenSpan sentence, SegmentKind segment, List<TriggerMatch> group,
        List<PlaceMention> places, ImmutableArray<Quote> quotes)
    {
        var main = group.OrderByDescending(t => t.Entry.Weight).ThenBy(t => t.Span.StartToken).First();
        var clause = Clause(text, sentence, main.Span);
        foreach (var t in group) clause = Union(text, clause, Clause(text, sentence, t.Span));

        var modality = Modality.Classify(text, sentence, main);
        // A threat that was made is an asserted THREATEN, however future its content.
        if (main.Entry.Type == PloverType.Threaten && modality == Events.Modality.Planned) modality = Events.Modality.Asserted;

        var attribution = Attributions.Find(text, sentence, main.Span);
        var inQuote = quotes.FirstOrDefault(q => q.Start <= main.Span.Start && main.Span.End <= q.End);
        if (inQuote is not null && attribution.Kind == AttributionKind.Unattributed) attribution = inQuote.Attribution with
        {
            Speaker = inQuote.SpeakerSpan,
            SpeakerEntity = inQuote.SpeakerEntity,
            SpeakerName = inQuote.SpeakerName,
        };

        CountRange? killed = null, injured = null;
        foreach (var t in group)
        {
            var (k, i) = Casualties.Find(text, sentence, t);
            killed ??= k;
            injured ??= i;
        }

        var modes = group.SelectMany(t => t.Entry.Modes).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var contexts = group.SelectMany(t => t.Entry.Contexts).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var count = group.Select(t => CountOf(text, t)).FirstOrDefault(c => c is not null);
        return new EventMention
        {
            Type = main.Entry.Type,
            Modes = modes,
            Contexts = contexts,
            Acled = Acled.Classify(text, sentence, main),
            Modality = modality,
            Actors = Actors(text, sentence, clause, main),
            Recipients = Recipients(text, clause, main),
            Location = LocationOf(text, sentence, clause, main, places),
            Time = TimeOf(text, sentence, clause, main),
            Fatalities = killed,
            Injured = injured,
            Count = count,
            Quantities = QuantitiesOf(text, clause, killed, injured),
            Attribution = attribution,
            Segment = segment,
            Trigger = main.Span,
            Evidence = clause,
            Confidence = Math.Round(Math.Clamp(main.Entry.Weight * (group.Count > 1 ? 1.0 : 0.9), 0, 1), 2),
        };
    }

    /// <summary>The clause around <paramref name="focus"/>: bounded by strong punctuation, and by commas that open a subordinate or report clause.</summary>
    internal static TokenSpan Clause(AnnotatedText text, TokenSpan sentence, TokenSpan focus)
    {
        var start = sentence.StartToken;
        for (var i = focus.StartToken - 1; i >= sentence.StartToken && focus.StartToken - i <= 14; i--)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || (w == "," && i + 1 < focus.StartToken && SubordinateStarts.Contains(text.WordOf(i + 1))))
            {
                start = i + 1;
                break;
            }
            if (focus.StartToken - i == 14) start = i;
        }
        var end = sentence.EndToken;
        for (var i = focus.EndToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || w == "," || (i - focus.EndToken >= 12))
            {
                end = i;
                break;
            }
        }
        // Trailing sentence punctuation is not evidence.
        while (end > start + 1 && !char.IsLetterOrDigit(text.WordOf(end - 1)[0]) && text.WordOf(end - 1) is not ("”" or "’")) end--;
        if (end <= focus.StartToken) end = focus.EndToken;
        if (start > focus.StartToken) start = focus.StartToken;
        return text.Span(start, end);
    }

    private static TokenSpan Union(AnnotatedText text, TokenSpan a, TokenSpan b) =>
        text.Span(Math.Min(a.StartToken, b.StartToken), Math.Max(a.EndToken, b.EndToken));

    private static EntityMention? MentionAt(AnnotatedText text, int token)
    {
        foreach (var m in text.Entities)
        {
            if (m.Span.Contains(token)) return m;
        }
        return null;
    }

    /// <summary>The entity a pronoun or bare title refers to, through the coreference chains.</summary>
    private static (TokenSpan Span, EntityMention? Entity)? ChainMentionAt(AnnotatedText text, int token)
    {
        foreach (var chain in text.Coreference)
        {
            foreach (var m in chain.Mentions)
            {
                if (!m.Contains(token)) continue;
                var named = text.Entities.FirstOrDefault(e => chain.Mentions.Any(c => c.StartToken == e.Span.StartToken && c.EndToken == e.Span.EndToken));
                return (m, named);
            }
        }
        return null;
    }

    private static bool IsActorType(EntityType type) => type is EntityType.Person or EntityType.Org or EntityType.Gpe or EntityType.Group or EntityType.Norp;

    /// <summary>Who acts: the agent after "by" for a passive trigger, else the nearest actor named before the trigger in its clause.</summary>
    private static ImmutableArray<Participant> Actors(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger)
    {
        // Passive: "were killed by militants"
        for (var i = trigger.Span.EndToken; i < Math.Min(clause.EndToken, trigger.Span.EndToken + 2); i++)
        {
            if (!text.WordOf(i).Equals("by", StringComparison.OrdinalIgnoreCase)) continue;
            if (NounPhraseAfter(text, i + 1, clause.EndToken) is { } agent) return [agent];
        }
        var searchStart = clause.StartToken;
        for (var i = trigger.Span.StartToken - 1; i >= searchStart; i--)
        {
            if (MentionAt(text, i) is { } m && IsActorType(m.Type) && !AfterPlacePreposition(text, m.Span.StartToken, clause))
            {
                return [Extend(text, m, clause)];
            }
            if (text.PosOf(i) is "PRP" && ChainMentionAt(text, i) is { } chain) return [new Participant(chain.Span, chain.Entity)];
        }
        // The subject of the sentence, when the clause has none: "Trump's administration is ... after bombing ships".
        for (var i = sentence.StartToken; i < Math.Min(clause.StartToken, trigger.Span.StartToken); i++)
        {
            if (MentionAt(text, i) is { } m && IsActorType(m.Type) && m.Type != EntityType.Norp) return [Extend(text, m, sentence)];
            if (text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) break;
        }
        return ImmutableArray<Participant>.Empty;
    }

    /// <summary>An actor mention with the nouns that follow it in the same phrase: "US" → "US Military crews", "Trump" → "Trump administration".</summary>
    private static Participant Extend(AnnotatedText text, EntityMention m, TokenSpan bound)
    {
        var end = m.Span.EndToken;
        if (end < bound.EndToken && text.WordOf(end) is "'s" or "’s") end++;
        while (end < bound.EndToken && text.PosOf(end) is "NN" or "NNS" or "NNP" or "NNPS" && MentionAt(text, end) is null) end++;
        return new Participant(text.Span(m.Span.StartToken, end), m);
    }

    private static bool AfterPlacePreposition(AnnotatedText text, int token, TokenSpan clause)
    {
        var i = token - 1;
        if (i >= clause.StartToken && text.WordOf(i) is "the" or "The") i--;
        return i >= clause.StartToken && PlacePrepositions.Contains(text.WordOf(i));
    }

    /// <summary>Whom it is done to: the phrase after on/against/at, else the object right after a verb trigger.</summary>
    private static ImmutableArray<Participant> Recipients(AnnotatedText text, TokenSpan clause, TriggerMatch trigger)
    {
        var verb = trigger.Entry.Pos == TriggerPos.Verb || (text.PosOf(trigger.Head) is { } p && p.StartsWith("VB", StringComparison.Ordinal));
        for (var i = trigger.Span.EndToken; i < clause.EndToken && i < trigger.Span.EndToken + 4; i++)
        {
            var w = text.WordOf(i);
            if (RecipientPrepositions.Contains(w))
            {
                return NounPhraseAfter(text, i + 1, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
            if (i == trigger.Span.EndToken && verb && (text.PosOf(i) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "PRP$"))
            {
                return NounPhraseAfter(text, i, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
        }
        return ImmutableArray<Participant>.Empty;
    }

    /// <summary>A simple noun phrase starting at <paramref name="start"/>: determiners, numbers, adjectives, nouns, possessives.</summary>
    private static Participant? NounPhraseAfter(AnnotatedText text, int start, int end)
    {
        var i = start;
        var lastNoun = -1;
        while (i < end)
        {
            var pos = text.PosOf(i) ?? "";
            if (pos is "NN" or "NNS" or "NNP" or "NNPS") lastNoun = i;
            else if (pos is "DT" or "JJ" or "JJR" or "JJS" or "CD" or "PRP$" or "POS" or "VBN" or "VBG" || text.WordOf(i) == "-") { }
            else break;
            i++;
        }
        if (lastNoun < start) return null;
        var span = text.Span(start, lastNoun + 1);
        EntityMention? entity = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= span.StartToken && m.Span.EndToken <= span.EndToken && IsActorType(m.Type)) { entity = m; break; }
        }
        return new Participant(span, entity);
    }

    private sealed record PlaceMention(TokenSpan Span, KnownEntity? Known, PlaceKind Kind, string? Country, string Name);

    /// <summary>Places the text names: gazetteer places and seas, and locations only the recognizer saw.</summary>
    private static List<PlaceMention> Places(AnnotatedText text)
    {
        var places = new List<PlaceMention>();
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Entry is null) continue;
            if (m.Kind == GazetteerMatchKind.Maritime)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                places.Add(new PlaceMention(span, m.Entry.Entity, PlaceKind.Sea, null, span.Text));
            }
            else if (m.Kind == GazetteerMatchKind.Entity && m.Entry.Place != PlaceKind.None)
            {
                places.Add(new PlaceMention(text.Span(m.StartToken, m.EndToken), m.Entry.Entity, m.Entry.Place, m.Entry.Country, m.Entry.Name));
            }
        }
        foreach (var e in text.Entities)
        {
            if (e.Type is not (EntityType.Gpe or EntityType.Loc) || e.Known is not null) continue;
            if (places.Any(p => p.Span.Overlaps(e.Span))) continue;
            places.Add(new PlaceMention(e.Span, null, PlaceKind.Region, null, e.Name.Text));
        }
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
        // A sea match holds the place it names ("off the coast of Venezuela"): keep the sea.
        places.RemoveAll(p => p.Kind != PlaceKind.Sea && places.Any(o => o.Kind == PlaceKind.Sea && o != p && o.Span.StartToken <= p.Span.StartToken && p.Span.EndToken <= o.Span.EndToken));
        return places;
    }

    /// <summary>Where it happened: a place after a place preposition in the clause, nearest the trigger; then any such place in the sentence.</summary>
    private static EventPlace? LocationOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, List<PlaceMention> places)
    {
        PlaceMention? best = null;
        var bestScore = int.MaxValue;
        foreach (var p in places)
        {
            if (!sentence.Contains(p.Span.StartToken)) continue;
            var governed = p.Kind == PlaceKind.Sea || AfterPlacePreposition(text, p.Span.StartToken, sentence) || PrecededByPlaceWord(text, p.Span.StartToken, sentence);
            if (!governed) continue;
            var inClause = clause.Contains(p.Span.StartToken);
            var distance = p.Span.StartToken >= trigger.Span.EndToken ? p.Span.StartToken - trigger.Span.EndToken : (trigger.Span.StartToken - p.Span.EndToken) * 2;
            var score = distance + (inClause ? 0 : 40);
            if (score < bestScore) { best = p; bestScore = score; }
        }
        if (best is null) return null;
        var known = best.Known;
        return new EventPlace(best.Span, best.Kind == PlaceKind.Sea ? best.Span.Text : best.Name)
        {
            Country = best.Country,
            Latitude = best.Kind == PlaceKind.Sea ? null : known?.Latitude,
            Longitude = best.Kind == PlaceKind.Sea ? null : known?.Longitude,
            Precision = best.Kind switch
            {
                PlaceKind.City => "city",
                PlaceKind.Admin1 => "admin1",
                PlaceKind.Country => "country",
                PlaceKind.Sea => "sea",
                _ => "region",
            },
            Known = known,
        };
    }

    /// <summary>"in Caribbean waters", "in the Eastern Pacific Ocean", "inside Mexico", "in international waters in the Caribbean".</summary>
    private static bool PrecededByPlaceWord(AnnotatedText text, int token, TokenSpan sentence)
    {
        for (var i = token - 1; i >= sentence.StartToken && token - i <= 3; i--)
        {
            if (PlacePrepositions.Contains(text.WordOf(i))) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NNP")) return false;
        }
        return false;
    }

    private static TimeMention? TimeOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger)
    {
        TimeMention? best = null;
        var bestScore = int.MaxValue;
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken)) continue;
            var distance = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30);
            if (distance < bestScore) { best = t; bestScore = distance; }
        }
        return best;
    }

    /// <summary>"the 15 strikes": a number right before a plural trigger noun counts the events.</summary>
    private static CountRange? CountOf(AnnotatedText text, TriggerMatch trigger)
    {
        if (text.PosOf(trigger.Span.EndToken - 1) is not "NNS") return null;
        foreach (var n in text.Numbers)
        {
            if (n.Span.StartToken >= trigger.Span.StartToken || n.Span.EndToken < trigger.Span.StartToken - 1) continue;
            if (n.Span.EndToken > trigger.Span.EndToken) continue;
            if (n.Max is null || n.Min != n.Max && n.Max < n.Min) continue;
            var start = n.Span.StartToken > 0 && text.WordOf(n.Span.StartToken - 1) is "the" or "The" ? n.Span.StartToken - 1 : n.Span.StartToken;
            return new CountRange(n.Min, n.Max, text.Span(start, trigger.Span.EndToken));
        }
        return null;
    }

    private static ImmutableArray<EventQuantity> QuantitiesOf(AnnotatedText text, TokenSpan clause, CountRange? killed, CountRange? injured)
    {
        var result = ImmutableArray.CreateBuilder<EventQuantity>();
        foreach (var n in text.Numbers)
        {
            if (!clause.Contains(n.Span.StartToken) || n.Unit is null || n.Max is null || n.Min != n.Max) continue;
            if (killed?.Span.Overlaps(n.Span) == true || injured?.Span.Overlaps(n.Span) == true) continue;
            var unit = TroopWords.Contains(n.Unit) ? "troops" : PersonWords.Contains(n.Unit) ? "people" : null;
            if (unit is null) continue;
            result.Add(new EventQuantity(n.Min, unit, n.Span));
        }
        return result.ToImmutable();
    }
}
