using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>What a running toll counts.</summary>
public enum TollMeasure
{
    Killed,
    Injured,
    /// <summary>Killed and injured together ("more than 90 casualties").</summary>
    Casualties,
    Missing,
    Strikes,
    Boats,
    Other,
}

/// <summary>Contract names of <see cref="TollMeasure"/> ("killed").</summary>
public static class TollMeasures
{
    public static string Name(TollMeasure measure) => measure.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out TollMeasure measure) =>
        Enum.TryParse(name, ignoreCase: true, out measure) && Enum.IsDefined(measure);
}

/// <summary>
/// A running toll: a count that sums up a campaign or a span of time rather than one event ("raising the death toll
/// to 83", "at least 64 people have been killed since September", "the 15 strikes so far"). Its number is never also
/// an event's casualties. <see cref="Max"/> is null when the text gives no upper bound.
/// </summary>
public sealed record Toll(TollMeasure Counts, decimal Min, decimal? Max, TokenSpan Span)
{
    /// <summary>The words that give the start of what is counted ("since September", "since the start of the war"); null when none.</summary>
    public TokenSpan? Since { get; init; }

    /// <summary>The day <see cref="Since"/> names, when it names one.</summary>
    public DateOnly? SinceDate { get; init; }

    /// <summary>The day the count stood at: the statement's own date ("as of late Thursday"), else the article's; null when neither is known or the count is of a past span ("in July").</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The people counted, as the text names them ("eight civilians"); null for tallies and counts of events.</summary>
    public TokenSpan? Victims { get; init; }

    /// <summary>The sentence the toll is read from.</summary>
    public required TokenSpan Evidence { get; init; }

    public string Text => Span.Text;
}

/// <summary>Stable toll ids: "t-" and 16 hex digits of SHA-256 over the document id, the toll's offsets and what it counts.</summary>
public static class TollIds
{
    public static string Of(string document, Toll toll) =>
        DocumentId.ForKey("t-", string.Join('|', document, toll.Span.Start.ToString(CultureInfo.InvariantCulture),
            toll.Span.End.ToString(CultureInfo.InvariantCulture), TollMeasures.Name(toll.Counts)));
}
