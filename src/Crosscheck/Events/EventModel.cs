using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>The PLOVER event categories (2021 set) the contract codes events in.</summary>
public enum PloverType
{
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
}

/// <summary>Contract names of <see cref="PloverType"/> ("ASSAULT").</summary>
public static class PloverTypes
{
    public static string Name(PloverType type) => type.ToString().ToUpperInvariant();

    public static bool TryParse(string name, out PloverType type) =>
        Enum.TryParse(name, ignoreCase: true, out type) && Enum.IsDefined(type);
}

/// <summary>Whether the text says an event happened, is planned, weighed, conditional, did not happen or is denied.</summary>
public enum Modality
{
    Asserted,
    Planned,
    Considered,
    Hypothetical,
    Negated,
    Denied,
}

/// <summary>Contract names of <see cref="Modality"/> ("asserted").</summary>
public static class Modalities
{
    public static string Name(Modality modality) => modality.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out Modality modality) =>
        Enum.TryParse(name, ignoreCase: true, out modality) && Enum.IsDefined(modality);
}

/// <summary>Who a report is credited to.</summary>
public enum AttributionKind
{
    /// <summary>A named person or organization ("Pete Hegseth said").</summary>
    Named,
    /// <summary>Unnamed people ("two US officials", "sources familiar with the effort").</summary>
    Anonymous,
    /// <summary>A news outlet itself ("NBC News reported", "according to Reuters").</summary>
    Outlet,
    /// <summary>A document ("according to a new report", "court filings show").</summary>
    Document,
    /// <summary>The article's own voice.</summary>
    Unattributed,
}

/// <summary>Contract names of <see cref="AttributionKind"/> ("anonymous").</summary>
public static class AttributionKinds
{
    public static string Name(AttributionKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string name, out AttributionKind kind) =>
        Enum.TryParse(name, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}

/// <summary>An ACLED event and sub-event type, by the codebook's names ("Explosions/Remote violence", "Air/drone strike").</summary>
public sealed record AcledType(string EventType, string SubEventType);

/// <summary>
/// A participant of an event: the words that name it and, where the language layer linked them, the
/// entity mention inside them (whose linked entity gives the contract's <c>entity</c> id).
/// </summary>
public sealed record Participant(TokenSpan Span, EntityMention? Entity)
{
    public string Text => Span.Text;

    /// <summary>Whether the words make the participant the actor by its own claim ("X claimed responsibility for the attack").</summary>
    public bool Claimed { get; init; }
}

/// <summary>Where an event happened, as the text names it.</summary>
public sealed record EventPlace(TokenSpan Span, string Name)
{
    /// <summary>ISO 3166-1 alpha-2; null for seas and international waters.</summary>
    public string? Country { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>point | city | admin1 | country | sea | region.</summary>
    public string Precision { get; init; } = "region";
    public KnownEntity? Known { get; init; }
}

/// <summary>
/// A count given as an interval, with the words that gave it: fatalities, injured, number of events.
/// <see cref="Max"/> is null when the text gives no upper bound ("at least 6").
/// </summary>
public sealed record CountRange(decimal Min, decimal? Max, TokenSpan Span)
{
    public string Text => Span.Text;
}

/// <summary>A counted quantity of an event ("10,000 of its troops": 10000 troops).</summary>
public sealed record EventQuantity(decimal Value, string Unit, TokenSpan Span)
{
    public string Text => Span.Text;
}

/// <summary>Who the text credits a report to, how many sources, through which outlet or document, with which verb.</summary>
public sealed record Attribution(AttributionKind Kind)
{
    /// <summary>The words naming the source ("two US officials", "she", "Pete Hegseth"); null when unattributed.</summary>
    public TokenSpan? Speaker { get; init; }

    /// <summary>The speaker's entity mention (after coreference: "she" → Claudia Sheinbaum); null when none.</summary>
    public EntityMention? SpeakerEntity { get; init; }

    /// <summary>The speaker's resolved name ("Claudia Sheinbaum"); null when anonymous or unknown.</summary>
    public string? SpeakerName { get; init; }

    /// <summary>How many sources the text says stand behind it ("two US officials and one former official": 3); null when it does not say.</summary>
    public int? Count { get; init; }

    /// <summary>The outlet or document credited ("NBC News"); null when none.</summary>
    public string? Via { get; init; }

    /// <summary>The reporting verb ("told", "said", "according to"); null when none.</summary>
    public string? Verb { get; init; }

    public static readonly Attribution Unattributed = new(AttributionKind.Unattributed);
}

/// <summary>
/// One event as one article reports it: what (PLOVER type, mode, context, ACLED type), whether it
/// happened (modality), who did it to whom, where, when, how many, and who says so.
/// Every value points back into the article through its spans.
/// </summary>
public sealed record EventMention
{
    public required PloverType Type { get; init; }
    public ImmutableArray<string> Modes { get; init; } = ImmutableArray<string>.Empty;
    public ImmutableArray<string> Contexts { get; init; } = ImmutableArray<string>.Empty;
    public AcledType? Acled { get; init; }
    public required Modality Modality { get; init; }
    public ImmutableArray<Participant> Actors { get; init; } = ImmutableArray<Participant>.Empty;
    public ImmutableArray<Participant> Recipients { get; init; } = ImmutableArray<Participant>.Empty;
    public EventPlace? Location { get; init; }
    public TimeMention? Time { get; init; }
    /// <summary>
    /// Whether <see cref="Time"/> is only the day a report of the attack was made ("…, the ministry said on Tuesday"): the
    /// latest day it can have been, which the day the article's news attacks agree on replaces (<see cref="DiscourseDays"/>).
    /// </summary>
    public bool TimeIsReportDay { get; init; }
    public CountRange? Fatalities { get; init; }
    public CountRange? Injured { get; init; }
    /// <summary>How many such events the text reports ("the 15 strikes"); null for one.</summary>
    public CountRange? Count { get; init; }
    public ImmutableArray<EventQuantity> Quantities { get; init; } = ImmutableArray<EventQuantity>.Empty;
    public required Attribution Attribution { get; init; }
    public required SegmentKind Segment { get; init; }
    /// <summary>The word or phrase that names the event ("strikes", "send troops").</summary>
    public required TokenSpan Trigger { get; init; }
    /// <summary>The clause the event is read from; the contract's <c>evidence</c>.</summary>
    public required TokenSpan Evidence { get; init; }
    /// <summary>0..1: how sure the reader is of the type.</summary>
    public double Confidence { get; init; }
    /// <summary>Whether the article reports the event as its news or recalls it as background (<see cref="SalienceJudge"/>).</summary>
    public Salience Salience { get; init; } = Salience.Main;
    /// <summary>
    /// Whether the event is read from the same words as the event before it, at another of the places they name
    /// together ("strikes in Kandahar and Kabul": one attack at each); such an event has no counts of its own, as the
    /// words do not say how the dead were shared between the places (<see cref="EventReader"/>).
    /// </summary>
    public bool AtAnotherPlace { get; init; }
}

/// <summary>A quotation with its speaker.</summary>
public sealed record Quote(int Start, int End, string Text)
{
    /// <summary>The words naming the speaker where the text names them ("she", "a senior administration official").</summary>
    public TokenSpan? SpeakerSpan { get; init; }

    /// <summary>The speaker's entity mention after coreference; null for anonymous speakers.</summary>
    public EntityMention? SpeakerEntity { get; init; }

    /// <summary>The speaker's resolved name ("Claudia Sheinbaum"); null for anonymous or unknown speakers.</summary>
    public string? SpeakerName { get; init; }

    public required Attribution Attribution { get; init; }
}

/// <summary>The sourced record of one article: its events and quotes, its running tolls and its predicates.</summary>
public sealed record ArticleReading(ImmutableArray<EventMention> Events, ImmutableArray<Quote> Quotes)
{
    /// <summary>Counts that total a campaign or a span of time ("raising the death toll to 83"); none of them is an event's casualties.</summary>
    public ImmutableArray<Toll> Tolls { get; init; } = ImmutableArray<Toll>.Empty;

    /// <summary>Every verbal or eventive predicate with its modality and factuality band, whether or not it is an event's word.</summary>
    public ImmutableArray<Predicate> Predicates { get; init; } = ImmutableArray<Predicate>.Empty;

    public static readonly ArticleReading Empty = new(ImmutableArray<EventMention>.Empty, ImmutableArray<Quote>.Empty);
}

/// <summary>Stable event ids: "v-" and 16 hex digits of SHA-256 over the document id, the evidence and trigger offsets and the type.</summary>
public static class EventIds
{
    public static string Of(string document, EventMention ev) =>
        DocumentId.ForKey("v-", string.Join('|', document, ev.Evidence.Start.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ev.Evidence.End.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ev.Trigger.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), PloverTypes.Name(ev.Type))
            // The same words at another place are another event; the first keeps the id it has always had.
            + (ev.AtAnotherPlace && ev.Location is { } at ? "|@" + at.Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
}
