namespace Crosscheck.Linking;

/// <summary>
/// What an actor or target of an event is known by across the record: its entity's merge key when its words name one
/// (<see cref="ParticipantFacts.EntityKey"/>), else its words themselves, lower-cased with their spaces collapsed, after
/// <c>w:</c> (a prefix no entity key uses), so "the administration" in two articles is one participant.
/// </summary>
public static class ParticipantKeys
{
    public const string WordsPrefix = "w:";

    public static string Of(ParticipantFacts participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return participant.EntityKey is { Length: > 0 } key ? key : WordsPrefix + string.Join(' ', participant.Text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
