using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// The killed figure one article gives an incident, read from the counts of its events joined to the incident. A count
/// the article states as one (exact, or a floor: "at least 12") of an event not merely possible is the figure; a side's
/// claim ("the army claimed it killed 40") stands only where the article gives no other such count; vague counts
/// ("dozens of fighters", read as a range) and ranges ("15 to 20") stand only where it gives no count at all. Of those
/// that stand, the highest (a count only rises within one report). The record's per-report value
/// (<see cref="IncidentSummarizer"/>) and the realnews eval's event-level figure both read an article's figure so.
/// </summary>
public static class ArticleFigure
{
    /// <summary>One event's killed count, with its reporting verb and modality.</summary>
    public readonly record struct Count(decimal Min, decimal? Max, string? Verb, Modality Modality, bool ActorSpeaks = false)
    {
        /// <summary>Whether the count is one side's claim (<see cref="IsClaim(string?, bool)"/>).</summary>
        public bool Claim => IsClaim(Verb, ActorSpeaks);

        /// <summary>The count as one number: its maximum, or its minimum when it has none ("at least 12" is 12).</summary>
        public decimal Value => Max ?? Min;
    }

    /// <summary>The index of the count that is the article's figure; -1 when none is given.</summary>
    public static int Pick(IReadOnlyList<Count?> counts)
    {
        var best = -1;
        var bestRank = -1;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] is not { } c) continue;
            var rank = IsCount(c.Min, c.Max, c.Modality) ? (c.Claim ? 1 : 2) : 0;
            if (rank > bestRank || rank == bestRank && c.Value > counts[best]!.Value.Value)
            {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary>
    /// A count a figure may stand on: an exact one or a floor ("at least five"), of an event not merely said to be possible
    /// ("a second soldier may have been killed"); a range ("15 to 20") and a vague count ("dozens", read as a range) are not.
    /// </summary>
    internal static bool IsCount(decimal min, decimal? max, Modality modality) =>
        (max is null || max == min) && modality is not (Modality.Considered or Modality.Hypothetical or Modality.Planned);

    /// <summary>
    /// A count one side claims: its reporting verb is one of <c>@claim-verbs</c> ("Moscow claimed the strike killed 40
    /// soldiers"), or the one who gives it is the event's own actor ("the Front took responsibility for the raid, saying
    /// its fighters had killed 35 policemen": the attacker counting its own kills).
    /// </summary>
    /// <summary>
    /// Whether an actor's words name the speaker's own forces by a possessive pronoun ("the group said its fighters had
    /// killed 100 soldiers", "their men"): the one who gives the count is the attacker, so the count is its claim.
    /// </summary>
    public static bool SpeakersOwn(string actor, bool hasSpeaker) => hasSpeaker
        && actor.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, _] && first.ToLowerInvariant() is "its" or "their" or "our";

    /// <summary>
    /// Whether the one who gives an event's words is its own actor: the speaker's entity is an actor's (when the speaker has
    /// one), or the speaker's name and an actor's words are one name ("The Front, an armed group" and "Front"), or an
    /// actor is the speaker's own forces (<see cref="SpeakersOwn"/>). The record and the realnews eval both read it so.
    /// </summary>
    public static bool ActorSpeaks(IEnumerable<(string Text, string? Key)> actors, string? speaker, string? speakerKey) =>
        speaker is not null && actors.Any(a => (speakerKey is not null ? a.Key == speakerKey : OneName(a.Text, speaker)) || SpeakersOwn(a.Text, true));

    /// <summary>Whether an actor's words and a speaker's name are one name, neither a pronoun (both over three letters).</summary>
    private static bool OneName(string actor, string speaker) => speaker.Length > 3 && actor.Length > 3
        && (actor.Contains(speaker, StringComparison.OrdinalIgnoreCase) || speaker.Contains(actor, StringComparison.OrdinalIgnoreCase));

    internal static bool IsClaim(string? verb, bool actorSpeaks) => actorSpeaks || verb is not null && IncidentWords.ClaimVerbs.Contains(verb);
}
