using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// What the cross-document stage knows about one document: plain values with character offsets, no token
/// tables, so that it can be stored and reloaded and the linker can run on documents read long ago.
/// </summary>
public sealed record DocumentFacts
{
    public required string Id { get; init; }
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>The earlier document this one nearly copies; its reports trace back to that one.</summary>
    public string? DuplicateOf { get; init; }
    /// <summary>Merge keys of the entities the document names (see <see cref="EntityIndex"/>), with how often.</summary>
    public ImmutableArray<WeightedKey> Entities { get; init; } = [];
    /// <summary>Content words (lower-case lemmas of nouns, verbs, adjectives and names), with how often.</summary>
    public ImmutableArray<WeightedKey> Terms { get; init; } = [];
    public ImmutableArray<EventFacts> Events { get; init; } = [];
    /// <summary>The article's running tolls (none of them is an event's casualties).</summary>
    public ImmutableArray<TollFacts> Tolls { get; init; } = [];
    /// <summary>Outlets and documents the article credits ("told NBC News", "according to Reuters").</summary>
    public ImmutableArray<Credit> Credits { get; init; } = [];
    /// <summary>The wire agency the text is credited to by its dateline, byline or sign-off ("(AP)", "— Reuters"); see <see cref="WireCredits"/>.</summary>
    public string? Wire { get; init; }
    /// <summary>The outlet whose report the text passes on by a relay line ("Harbor Ledger reports, citing Al Jazeera"); see <see cref="WireCredits.Relay"/>.</summary>
    public string? Relay { get; init; }
    /// <summary>The first sentence of the body with a dozen words or more; rewrites of one story keep it close (<see cref="Rewrites"/>).</summary>
    public string? Lede { get; init; }
    /// <summary>
    /// The content words of the body's own sentences (quotes left out), each sentence's hashed, distinct and ascending;
    /// copies reworded a word here and there keep most of them (<see cref="SharedSentences"/>).
    /// </summary>
    public ImmutableArray<ImmutableArray<ushort>> Sentences { get; init; } = [];
    /// <summary>The people the article names, with the titles it gives them (for title discrepancies).</summary>
    public ImmutableArray<PersonTitles> People { get; init; } = [];
    /// <summary>A party's denials and disputes of the facts the article reports ("Venezuelan officials disputed the account").</summary>
    public ImmutableArray<DisputeFacts> Disputes { get; init; } = [];
    /// <summary>The analyzer that made this reading (<see cref="AnalyzerVersion"/>); null for a reading stored before versions.</summary>
    public string? Analyzer { get; init; }
}

/// <summary>
/// A party denying or contesting reported facts: what kind (<c>denial</c>, <c>dispute</c>, <c>victims</c>,
/// <c>did not happen</c>, <c>blame</c>, <c>attacker</c>, <c>target</c>, <c>place</c>), the cue words, who says so (null when the text does not say), their country when known, the event
/// the words are about (an event of their sentence, else the article's first reported news), and the sentence.
/// </summary>
public sealed record DisputeFacts(string Kind, string Cue, string? Speaker, string? SpeakerCountry, string? Event, int Start, int End, string Text);

/// <summary>A key, a weight (a count, or a tf-idf value) and, for entities, the name to show.</summary>
public readonly record struct WeightedKey(string Key, float Weight, string? Label = null);

/// <summary>One person named in a document and the titles given to them there.</summary>
public sealed record PersonTitles(string Key, string Name, ImmutableArray<string> Titles, int Start, int End)
{
    /// <summary>Every title a gazetteer lists for the person (all of them name the same person).</summary>
    public ImmutableArray<string> KnownTitles { get; init; } = [];
}

/// <summary>A credit in an article: "two US officials told NBC News" names <c>NBC News</c>, 2 sources.</summary>
public sealed record Credit(string Via, int? SourceCount, string? SourceText, int Start, int End, string Text)
{
    /// <summary>The outlet's own interview, reported here ("a commander told Reuters"): the text relays that outlet.</summary>
    public bool Interview { get; init; }
}

/// <summary>A place as the linker compares it.</summary>
/// <summary>A running toll as stored: what it counts, its range, since when and as of which day, and its words.</summary>
public sealed record TollFacts(string Id, TollMeasure Counts, decimal Min, decimal? Max, string Text, int Start, int End)
{
    public string? Since { get; init; }
    public DateOnly? SinceDate { get; init; }
    public DateOnly? AsOf { get; init; }
    /// <summary>The people counted as the text names them ("over 200 Afghan fighters"); null for tallies.</summary>
    public string? Victims { get; init; }
}

public sealed record PlaceFacts(string Text, string Name, string? Country, string Precision, double? Latitude, double? Longitude)
{
    /// <summary>
    /// For a country, the part of it the words name ("north-eastern" of "north-eastern Ukraine", "north-east" of "Ukraine's
    /// north-east"); null when they name the whole (<see cref="CountrySides"/>).
    /// </summary>
    public string? Side { get; init; }
}

/// <summary>
/// A time as the linker compares it: the words and the interval they resolve to (null when unresolved). <see cref="Basis"/>
/// is null for a time the words give the event, else what the day is assumed from (<see cref="TimeBases"/>).
/// </summary>
public sealed record TimeFacts(string Text, DateOnly? Start, DateOnly? End, string Precision, string? Basis = null);

/// <summary>What a day not given to the event by its own words is: the day of publication, or the day of a report of it.</summary>
public static class TimeBases
{
    /// <summary>No time in the words: the publication day (analysis contract <c>"basis": "publication"</c>).</summary>
    public const string Publication = "publication";

    /// <summary>The day of the saying that reports the event ("…, the ministry said on Tuesday"), not the event's own.</summary>
    public const string Report = "report";
}

/// <summary>A number range with the words that gave it.</summary>
public sealed record RangeFacts(decimal Min, decimal? Max, string Text);

/// <summary>An actor or recipient: the words, the entity merge key when the words name one, and its country when known.</summary>
public sealed record ParticipantFacts(string Text, string? EntityKey, string? Country)
{
    /// <summary>Whether the actor is one by its own claim of the act ("X claimed responsibility for the attack").</summary>
    public bool Claimed { get; init; }
}

/// <summary>A counted quantity of an event ("10,000 of its troops": 10000 troops).</summary>
public sealed record QuantityFacts(decimal Value, string Unit, string Text);

/// <summary>
/// One event as the linker sees it, with the rest of what the reader found (modes, contexts, ACLED type, injured,
/// quantities, reporting verb, confidence) so that a stored record can be served and exported without reading
/// the article again.
/// </summary>
public sealed record EventFacts
{
    public required string Id { get; init; }
    public required string Document { get; init; }
    public required PloverType Type { get; init; }
    /// <summary>PLOVER modes of the type (how).</summary>
    public ImmutableArray<string> Modes { get; init; } = [];
    /// <summary>PLOVER contexts (why).</summary>
    public ImmutableArray<string> Contexts { get; init; } = [];
    /// <summary>The ACLED codebook's event and sub-event type; null where ACLED has no type.</summary>
    public AcledType? Acled { get; init; }
    public required Modality Modality { get; init; }
    public ImmutableArray<ParticipantFacts> Actors { get; init; } = [];
    public ImmutableArray<ParticipantFacts> Recipients { get; init; } = [];
    public PlaceFacts? Location { get; init; }
    /// <summary>
    /// A place name the event's words give that no gazetteer knows ("the village of Kok-Tash", "the attack on Kok-Tash"),
    /// as written; null when none. Two reports naming the same one are of one place (<see cref="IncidentMatcher"/>).
    /// </summary>
    public string? Locality { get; init; }
    /// <summary>
    /// Whether the words call <see cref="Locality"/> a settlement ("the village of Umm Sayala", "the town of X", <c>@settlement-nouns</c>):
    /// such a place is not a city the gazetteer knows, whereas a district ("in Spin Boldak district") may hold one.
    /// </summary>
    public bool Village { get; init; }
    public TimeFacts? Time { get; init; }
    public RangeFacts? Fatalities { get; init; }
    public RangeFacts? Count { get; init; }
    public RangeFacts? Injured { get; init; }
    public ImmutableArray<QuantityFacts> Quantities { get; init; } = [];
    /// <summary>The reporting verb ("told", "said", "according to"); null when none.</summary>
    public string? Verb { get; init; }
    /// <summary>0..1: how sure the reader is of the type.</summary>
    public double Confidence { get; init; }
    public required AttributionKind AttributionKind { get; init; }
    public int? SourceCount { get; init; }
    public string? Via { get; init; }
    public string? Speaker { get; init; }
    public string? SpeakerKey { get; init; }
    /// <summary>The country of the named speaker, when a gazetteer knows it.</summary>
    public string? SpeakerCountry { get; init; }
    /// <summary>The sentence hedges the claim as second-hand ("reportedly", "is said to").</summary>
    public bool Hedged { get; init; }
    /// <summary>The event words speak of many events ("the 15 strikes", "bombing ships"), not one.</summary>
    public bool Plural { get; init; }
    /// <summary>The event words single out one of a series ("the latest", "a strike on Saturday").</summary>
    public bool Single { get; init; }
    /// <summary>
    /// The event word follows "another" ("another clash broke out in the Chong Bok area"): the words tell an event other than
    /// one told before, so it never refers back to its own report's news.
    /// </summary>
    public bool Another { get; init; }
    /// <summary>
    /// The words tell the event as what the news came after ("The escalation follows a clash on Tuesday night in X", "It comes
    /// after an airstrike hit Y"): context for the news, which starts no incident of its own (it may join one that fits it)
    /// unless its words give that attack's dead (<see cref="IncidentAnchors.CanStart"/>).
    /// </summary>
    public bool Antecedent { get; init; }
    /// <summary>
    /// The forces' answer to the report's attack, told with the attackers' dead ("troops repelled the attack and killed 40
    /// insurgents in the counter-offensive"): the attack's aftermath, which starts no incident and gives none its dead or its
    /// kind (<see cref="IncidentAnchors.CanStart"/>); it stays a mention unless a report of it alone is all it fits.
    /// </summary>
    public bool Riposte { get; init; }
    /// <summary>
    /// The event is a party's rejection or denial of what was reported about another event ("Pakistan rejected Indian allegations
    /// that militants carried out the ambush"): the dispute the disputed incident carries, which starts no incident of its own.
    /// </summary>
    public bool Disputing { get; init; }
    /// <summary>
    /// The words make the event a habit of years or months ("has carried out lethal attacks along the frontier for years"): a series,
    /// never one day's incident, whatever day its sentence has.
    /// </summary>
    public bool Habitual { get; init; }
    /// <summary>A series whose sentence names two seas ("one in the Caribbean and one in the Pacific"): never one day's incident.</summary>
    public bool Spread { get; init; }
    /// <summary>When the document reporting it was published; a single event without a resolved time happened shortly before.</summary>
    public DateOnly? Reported { get; init; }
    public required string Segment { get; init; }
    /// <summary>"main" for the document's reported news, "background" for what it recalls (facts stored before it existed read as main).</summary>
    public string Salience { get; init; } = "main";
    public required int Start { get; init; }
    public required int End { get; init; }
    public required string Evidence { get; init; }
    public string Trigger { get; init; } = "";
}
