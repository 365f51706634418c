using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// One running toll of a campaign as one report gives it: what it counts, its value, as of which day, the words.
/// A near-copy's toll is as of its original's day (a reprint repeats the original's figure).
/// </summary>
public sealed record TollPoint(string Document, string? Outlet, string Toll, TollMeasure Counts, decimal Min, decimal? Max, DateOnly? AsOf, string Text)
{
    /// <summary>The day the toll counts from ("since Sept. 2"), when the words give one.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The words of <see cref="Since"/> ("since early September").</summary>
    public string? SinceText { get; init; }

    /// <summary>The document is a near-copy of an earlier one.</summary>
    public bool Copy { get; init; }

    /// <summary>Not taken as the campaign's figure: lower than a toll of the same measure reported as of an earlier day.</summary>
    public bool Behind { get; init; }

    /// <summary>One side's armed people ("over 200 Afghan fighters"): a side's count, not the campaign's whole.</summary>
    public bool Side { get; init; }

    public decimal Top => Max ?? Min;

    /// <summary>
    /// A vague quantity, not a count: its upper bound more than twice its lower ("dozens" is 24 to 119, "several" 3 to 9),
    /// where "about 70" (63 to 77) and "at least 12" are counts.
    /// </summary>
    public bool Vague => Max is { } max && max > 2 * Min;

    /// <summary>
    /// The figure the words state: an exact count or a lower bound as it is ("at least 12": 12), a count given about
    /// ("about 70", read 63 to 77) as the middle of its range, a vague quantity as its lower bound.
    /// </summary>
    public decimal Stated => Max is { } max && max != Min && !Vague ? Math.Floor((Min + max) / 2) : Min;
}

/// <summary>
/// A campaign's tolls as a time series: every running toll of the documents that report the campaign, in order of
/// the day they are as of. The campaign's figure is its latest credible toll: the latest that does not fall below
/// what a toll of the same measure as of an earlier day states at least (tolls of a campaign only rise; a lower later
/// figure is a report behind the news, such as a reprint of an older story or a count of one side), and that is a
/// count rather than a vague quantity ("dozens" says at least 24, so a later "about 70" is not behind it, and it is
/// the campaign's figure only when no count is given).
/// </summary>
public static class CampaignTolls
{
    /// <summary>Running tolls count the dead, strikes and boats of violence: a campaign of attacks (PLOVER ASSAULT, fighting included).</summary>
    public static bool Counts(PloverType type) => type == PloverType.Assault;

    public static ImmutableArray<TollPoint> Series(IEnumerable<string> documents, IReadOnlyDictionary<string, DocumentFacts> facts)
    {
        var points = new List<TollPoint>();
        foreach (var id in documents.Distinct(StringComparer.Ordinal))
        {
            if (!facts.TryGetValue(id, out var doc)) continue;
            var copyOf = doc.DuplicateOf is { } original && facts.TryGetValue(original, out var o) ? o : null;
            foreach (var t in doc.Tolls)
            {
                // A copy's toll dated by its own publication is the original's, as of the original's day.
                var asOf = copyOf is not null && (t.AsOf is null || t.AsOf == doc.Published) ? copyOf.Published : t.AsOf ?? doc.Published;
                points.Add(new TollPoint(doc.Id, doc.Outlet, t.Id, t.Counts, t.Min, t.Max, asOf, t.Text) { Copy = copyOf is not null, Since = t.SinceDate, SinceText = t.Since, Side = IsSide(t.Victims) });
            }
        }
        // By day (undated last), then by value (of one day's tolls the highest is the latest), copies before originals,
        // then by id: the same order however documents arrived.
        points.Sort((a, b) =>
        {
            var byDay = (a.AsOf ?? DateOnly.MaxValue).CompareTo(b.AsOf ?? DateOnly.MaxValue);
            if (byDay != 0) return byDay;
            var byValue = a.Top.CompareTo(b.Top);
            if (byValue != 0) return byValue;
            var byCopy = b.Copy.CompareTo(a.Copy);
            return byCopy != 0 ? byCopy : string.CompareOrdinal(a.Toll, b.Toll);
        });
        // What the tolls so far state at least: a later toll below it is behind ("dozens" states 24, not 119).
        var highest = new Dictionary<TollMeasure, (decimal Value, DateOnly? Day)>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (p.Side) continue;
            if (highest.TryGetValue(p.Counts, out var h) && p.Top < h.Value && h.Day < p.AsOf) points[i] = p with { Behind = true };
            if (!highest.TryGetValue(p.Counts, out h) || p.Min > h.Value) highest[p.Counts] = (p.Min, p.AsOf);
        }
        return [.. points];
    }

    /// <summary>
    /// The days a campaign spans by its tolls: from the earliest day they count from to the latest day they are as of;
    /// null without both.
    /// </summary>
    public static TimeFacts? Span(ImmutableArray<TollPoint> series)
    {
        var since = series.Select(p => p.Since).OfType<DateOnly>().DefaultIfEmpty().Min();
        var asOf = series.Select(p => p.AsOf).OfType<DateOnly>().DefaultIfEmpty().Max();
        if (since == default || asOf == default || since > asOf) return null;
        var words = series.Where(p => p.Since == since).Select(p => p.SinceText ?? p.Text).First();
        return new TimeFacts(words, since, asOf, "range");
    }

    private static bool IsSide(string? victims) =>
        victims is not null && victims.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => IncidentWords.Combatants.Contains(w.Trim(',', '.', ';')));

    /// <summary>The campaign's dead from its series: the latest credible killed toll of the whole (not one side's armed
    /// people; a count before a vague quantity), as the words state it, or null when none is given.</summary>
    public static FatalityRecord? Fatalities(ImmutableArray<TollPoint> series)
    {
        var killed = series.Where(p => p.Counts == TollMeasure.Killed && p.AsOf is not null && !p.Side).ToList();
        var latest = killed.LastOrDefault(p => !p.Behind && !p.Vague) ?? killed.LastOrDefault(p => !p.Behind);
        if (latest is null) return null;
        var asOf = latest.AsOf!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new FatalityRecord(
            killed.Min(p => p.Min), killed.Max(p => p.Top), latest.Stated,
            [.. killed.Select(p => new SourceValue(p.Document, null, p.Min, p.Max, p.Text))],
            $"the campaign's latest toll: \"{latest.Text}\" as of {asOf}{(latest.Outlet is { } o ? " (" + o + ")" : "")}");
    }
}
