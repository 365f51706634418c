using System.Collections.Immutable;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Grades an incident as Airwars grades civilian-harm claims, the first that applies:
/// <list type="number">
/// <item><c>discounted</c>: every report of it is a denial or says it did not happen;</item>
/// <item><c>contested</c>: competing claims about who did it or whether it happened (an actor or modality discrepancy),
/// or a party disputing what was reported;</item>
/// <item><c>confirmed</c>: the acting party acknowledges it: it claims the act ("claimed responsibility for the attack"),
/// or a speaker who is the incident's actor, or who speaks for the
/// actor's side as its force, commander, ministry, government or spokesperson (a speaker read as the actor counts only
/// when a report not theirs names them as the actor too) (<c>data/events/incident-words.txt</c>
/// <c>@official</c>), never a critic or a bystander (<c>@critic</c>, or another country);</item>
/// <item><c>fair</c>: two or more independent sources report it;</item>
/// <item><c>weak</c>: one source.</item>
/// </list>
/// The acting party is the actor the incident's reports of it as fact name most, never a place or a pronoun.
/// Each grade comes with its reason in words.
/// </summary>
internal static class IncidentGrade
{
    public static (Grade Grade, string Reason) Of(IReadOnlyList<EventFacts> events, ImmutableArray<string> origins,
        ImmutableArray<Discrepancy> discrepancies, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        if (events.Count > 0 && events.All(e => e.Modality is Modality.Denied or Modality.Negated))
            return (Grade.Discounted, events.Count == 1 ? "the only report denies it or says it did not happen" : "every report denies it or says it did not happen");
        if (discrepancies.FirstOrDefault(d => d.Kind is DiscrepancyKind.Dispute or DiscrepancyKind.Modality or DiscrepancyKind.Actor) is { } competing)
            return (Grade.Contested, ContestedReason(competing));
        if (Acknowledged(events, documents) is { } who) return (Grade.Confirmed, who);
        var list = string.Join(", ", origins);
        return origins.Length >= 2
            ? (Grade.Fair, $"reported by {origins.Length} independent sources ({list}); the acting side has not acknowledged it")
            : (Grade.Weak, origins.Length == 1 ? $"reported by one source ({list}) only" : "no source");
    }

    private static string ContestedReason(Discrepancy d) => d.Kind switch
    {
        DiscrepancyKind.Dispute => d.Note + ": " + Quote(d.Values[^1].Text),
        DiscrepancyKind.Modality => d.Note,
        _ => "the reports name different parties as responsible: " + string.Join(" against ", d.Values.Select(v => v.Value).Distinct(StringComparer.OrdinalIgnoreCase)),
    };

    private static string Quote(string text) => "“" + (text.Length > 160 ? text[..157].TrimEnd() + "…" : text) + "”";

    /// <summary>The acting party's acknowledgement, as a reason; null when no report of it as fact is the acting side's own word.</summary>
    internal static string? Acknowledged(IReadOnlyList<EventFacts> events, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        if (events.Count == 0) return null;
        var type = events[0].Type;
        var factual = events.Where(e => e.Type == type && e.Modality == Modality.Asserted).ToList();
        var places = IncidentTitle.PlaceWords(events);
        var actors = factual.SelectMany(e => e.Actors).Where(a => IncidentTitle.IsNamingActor(a, places)).ToList();
        if (actors.Count == 0) return null;
        var top = actors.GroupBy(a => a.EntityKey ?? a.Text.ToLowerInvariant(), StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var actorKey = top.First().EntityKey;
        var side = top.Select(a => a.Country ?? IncidentTitle.CountryOfWords(a.Text)).OfType<string>().FirstOrDefault() ?? actors.Select(a => a.Country).OfType<string>().GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
        // "The group claimed responsibility for the attack": the acting party owns the act in so many words.
        if (top.FirstOrDefault(a => a.Claimed) is { } claimant) return $"{claimant.Text}, the acting party, claimed it";
        foreach (var e in factual)
        {
            if (e.AttributionKind != AttributionKind.Named || e.Speaker is null) continue;
            if (side is not null && e.SpeakerCountry is { } sc && sc != side) continue;
            var offices = OfficesOf(e, documents);
            if (IncidentWords.HasAny(offices, IncidentWords.Critic)) continue;
            // A speaker read as the actor only in their own words may be a misread speaker ("the mayor said the attack …"):
            // the acting party must be named as such by a report that is not theirs.
            if (actorKey is not null && e.SpeakerKey == actorKey
                && factual.Any(x => x.SpeakerKey != actorKey && x.Actors.Any(a => a.EntityKey == actorKey)))
                return $"{e.Speaker}, the acting party, acknowledges it";
            if (side is not null && e.SpeakerCountry == side && IncidentWords.FirstOf(offices, IncidentWords.Official) is not null)
                return $"{e.Speaker}{Office(e, documents)}, speaking for the acting side ({side}), acknowledges it";
        }
        return null;
    }

    /// <summary>The speaker's words and every office the document or a gazetteer gives them.</summary>
    private static string OfficesOf(EventFacts e, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        var words = e.Speaker ?? "";
        if (e.SpeakerKey is { } key && documents.GetValueOrDefault(e.Document) is { } doc)
        {
            foreach (var p in doc.People.Where(p => p.Key == key)) words += " " + string.Join(" ", p.Titles) + " " + string.Join(" ", p.KnownTitles);
        }
        return words;
    }

    private static string Office(EventFacts e, IReadOnlyDictionary<string, DocumentFacts> documents) =>
        e.SpeakerKey is { } key && documents.GetValueOrDefault(e.Document)?.People.FirstOrDefault(p => p.Key == key) is { } person
            && person.Titles.Concat(person.KnownTitles).FirstOrDefault() is { } title ? $" ({title})" : "";
}
