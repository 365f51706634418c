using System.Text.Json;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// The cross-document checks of <c>eval seeds</c> (the <c>cross</c> block of the gold file): documents that share a
/// story, incidents that hold matched events from every listed document with the listed modality, origins,
/// independent sources and fatalities, discrepancies that must be flagged and ones that must not, and entities
/// whose mentions span documents.
/// </summary>
internal static class SeedsCrossEval
{
    public static (int Passed, int Checks) Score(JsonElement cross, JsonElement gold, JsonElement analysis,
        IReadOnlyDictionary<string, string> documentIdOfFile, IReadOnlyDictionary<string, string> matchedEvent, List<string> lines)
    {
        int passed = 0, checks = 0;
        void Check(bool ok, string what)
        {
            checks++;
            if (ok) passed++;
            else lines.Add("  cross miss: " + what);
        }

        var stories = Array(analysis, "stories").Select(s => Strings(s, "documents").ToHashSet(StringComparer.Ordinal)).ToList();
        foreach (var group in Array(cross, "same_story"))
        {
            var files = group.EnumerateArray().Select(f => f.GetString()!).ToList();
            var ids = files.Select(f => documentIdOfFile.GetValueOrDefault(f)).ToList();
            Check(ids.All(i => i is not null) && stories.Any(s => ids.All(i => s.Contains(i!))), $"{string.Join(" and ", files)} are not in one story");
        }

        var incidents = Array(analysis, "incidents").ToList();
        var eventDocument = Array(analysis, "events").ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("document").GetString()!, StringComparer.Ordinal);
        var goldEventsByIncident = Array(gold, "events")
            .Where(e => e.TryGetProperty("incident", out var i) && i.ValueKind == JsonValueKind.String)
            .GroupBy(e => e.GetProperty("incident").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("id").GetString()!).ToList(), StringComparer.Ordinal);
        var predictedOf = new Dictionary<string, JsonElement?>(StringComparer.Ordinal);
        foreach (var g in Array(cross, "incidents"))
        {
            var name = g.GetProperty("id").GetString()!;
            var files = Strings(g, "documents");
            var wanted = files.Select(f => documentIdOfFile.GetValueOrDefault(f)).OfType<string>().ToList();
            var matchedIds = goldEventsByIncident.GetValueOrDefault(name, []).Select(id => matchedEvent.GetValueOrDefault(id)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            // The predicted incident holding matched events from the most listed documents, then the most matched events.
            JsonElement? best = null;
            var bestCover = -1;
            var bestCount = -1;
            foreach (var i in incidents)
            {
                var held = Strings(i, "events").Where(matchedIds.Contains).ToList();
                if (held.Count == 0) continue;
                var cover = held.Select(e => eventDocument.GetValueOrDefault(e)).Distinct().Count(d => d is not null && wanted.Contains(d));
                if (cover > bestCover || (cover == bestCover && held.Count > bestCount)) { best = i; bestCover = cover; bestCount = held.Count; }
            }
            predictedOf[name] = best;
            Check(best is not null && bestCover == wanted.Count && wanted.Count == files.Count,
                $"incident {name}: no incident holds matched events from all of {string.Join(", ", files)} (best covers {Math.Max(bestCover, 0)})");
            if (best is not { } p) continue;
            if (g.TryGetProperty("modality", out var modality))
            {
                Check(p.GetProperty("modality").GetString() == modality.GetString(), $"incident {name}: modality {p.GetProperty("modality").GetString()}, gold {modality.GetString()}");
            }
            if (g.TryGetProperty("origins", out _))
            {
                var got = Strings(p, "origins");
                var want = Strings(g, "origins");
                Check(got.Count == want.Count && want.All(w => got.Any(o => string.Equals(o, w, StringComparison.OrdinalIgnoreCase))),
                    $"incident {name}: origins [{string.Join(", ", got)}], gold [{string.Join(", ", want)}]");
            }
            if (g.TryGetProperty("independent_origins", out var independent))
            {
                var got = p.GetProperty("independentSources").GetInt32();
                Check(got == independent.GetInt32(), $"incident {name}: independentSources {got}, gold {independent.GetInt32()}");
            }
            if (g.TryGetProperty("fatalities_min", out var fmin) || g.TryGetProperty("fatalities_max", out _))
            {
                var f = p.GetProperty("fatalities");
                var gotMin = f.ValueKind == JsonValueKind.Object ? f.GetProperty("min").GetDecimal() : (decimal?)null;
                var gotMax = f.ValueKind == JsonValueKind.Object ? f.GetProperty("max").GetDecimal() : (decimal?)null;
                if (g.TryGetProperty("fatalities_min", out fmin)) Check(gotMin == fmin.GetDecimal(), $"incident {name}: fatalities min {gotMin?.ToString() ?? "none"}, gold {fmin.GetDecimal()}");
                if (g.TryGetProperty("fatalities_max", out var fmax)) Check(gotMax == fmax.GetDecimal(), $"incident {name}: fatalities max {gotMax?.ToString() ?? "none"}, gold {fmax.GetDecimal()}");
            }
        }

        var discrepancies = Array(analysis, "discrepancies").ToList();
        bool Flagged(string incident, string kind) =>
            predictedOf.GetValueOrDefault(incident) is { } p
            && discrepancies.Any(d => d.GetProperty("incident").GetString() == p.GetProperty("id").GetString() && d.GetProperty("kind").GetString() == kind);
        foreach (var d in Array(cross, "discrepancies"))
        {
            var incident = d.GetProperty("incident").GetString()!;
            var kind = d.GetProperty("kind").GetString()!;
            Check(Flagged(incident, kind), $"no {kind} discrepancy flagged on {incident}");
        }
        foreach (var c in Array(cross, "consistent"))
        {
            var incident = c.GetProperty("incident").GetString()!;
            var kind = c.GetProperty("kind").GetString()!;
            Check(predictedOf.GetValueOrDefault(incident) is not null && !Flagged(incident, kind), $"a false {kind} discrepancy on {incident} (or no such incident)");
        }

        // Entities named in more than one document are one entity across them.
        var entities = Array(analysis, "entities").ToList();
        foreach (var g in Array(gold, "entities"))
        {
            if (!g.TryGetProperty("mentions", out var mentions)) continue;
            var files = mentions.EnumerateObject().Select(m => m.Name).ToList();
            if (files.Count < 2) continue;
            var canonical = g.GetProperty("canonical").GetString()!;
            var ids = files.Select(f => documentIdOfFile.GetValueOrDefault(f)).ToList();
            var holders = entities.Where(e => e.GetProperty("name").GetString() == canonical).ToList();
            Check(holders.Count == 1 && ids.All(id => id is not null && holders[0].GetProperty("mentions").EnumerateArray().Any(m => m.GetProperty("document").GetString() == id)),
                $"{canonical} is not one entity across {string.Join(", ", files)}");
        }
        return (passed, checks);
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString() ?? "")] : [];
}
