using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// The place name an event's words give that no gazetteer knows ("the village of Kok-Tash", "Tuesday's rocket attack on
/// Kok-Tash", "in Ak-Sai"): border villages are seldom in GeoNames, and two reports naming the same one are of one place.
/// </summary>
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// The first unknown name of the event's words after a link of <c>@locality-links</c> or "in", and whether the words call
    /// it a settlement ("the village of Umm Sayala", "the town of X"); null when none. A name told after the word of another
    /// event of its type in the same words is that event's place, not this one's: "the deadliest strike in the region since
    /// an attack on a wedding in Dalvor" places the earlier attack in Dalvor, not the strike.
    /// </summary>
    internal static (string Name, bool Settlement, TokenSpan Span)? LocalityOf(AnnotatedText text, EventMention e, IReadOnlyList<EventMention>? all = null)
    {
        var words = e.Evidence;
        // A title-case headline's capitals ("Civilians Killed in Border Fighting") name nothing.
        if (words.Length == 0 || EventReader.InTitleCaseLine(text, words)) return null;
        var limit = words.EndToken;
        if (all is not null && e.Trigger.Length > 0)
        {
            foreach (var other in all)
            {
                if (ReferenceEquals(other, e) || other.Type != e.Type || other.Trigger.Length == 0) continue;
                var at = other.Trigger.StartToken;
                if (at >= e.Trigger.EndToken && at < limit) limit = at;
            }
        }
        for (var i = Math.Max(words.StartToken, 1); i + 1 < limit; i++)
        {
            // The preposition as written in lower case: a title-case headline's "Attack On Border Village" names no place.
            var link = text.WordOf(i);
            if (link.Length == 0 || !char.IsLower(link[0])) continue;
            var linked = link == "in" || LocalityLinks.Contains(text.WordOf(i - 1) + " " + link);
            if (!linked || NameAfter(text, i + 1, limit) is not { } end) continue;
            var name = text.Span(i + 1, end);
            if (UndertakingNames.Contains(text.WordOf(i + 1))) continue;
            // "The village of Lin Ta Lu" names a place whatever the tagger took its words for (a person's name, often).
            var settlement = link == "of" && SettlementNouns.Contains(text.WordOf(i - 1));
            if (Known(text, i + 1, end, settlement) || EventReader.DivisionSpeltOtherwise(text, name.Text)) continue;
            return (name.Text, settlement, name);
        }
        return null;
    }

    /// <summary>
    /// The place of an event its words put only at a village the gazetteers lack: the village's words, in the division its
    /// sentence or paragraph names ("In Zamfara state, gunmen raided Kwanar Dutsi": the division's name, country and point,
    /// admin1), else in the one country its sentence names, else in no known place.
    /// </summary>
    private static PlaceFacts LocalityPlace(AnnotatedText text, string place, TokenSpan words) =>
        EventReader.ContextDivision(text, words) is { } division
            ? new PlaceFacts(place, division.Name, division.Country, "admin1", division.Entity.Latitude, division.Entity.Longitude)
            : new PlaceFacts(place, place, EventReader.SentenceCountry(text, words), "region", null, null);

    /// <summary>The end of a capitalised name starting at <paramref name="start"/> ("Kok-Tash", "Ban Nong Ya", "Hill 350"); null when none starts there.</summary>
    private static int? NameAfter(AnnotatedText text, int start, int limit)
    {
        var end = start;
        while (end < limit)
        {
            var w = text.WordOf(end);
            if (w.Length > 0 && char.IsUpper(w[0]) && w.Any(char.IsLower)) end++;
            // A number that is part of the name ("Hill 350").
            else if (end > start && w.Length > 0 && w.All(char.IsAsciiDigit)) end++;
            // A hyphen inside the name, written without spaces ("Kok-Tash" as three tokens).
            else if (w == "-" && end > start && end + 1 < limit && text.EndOf(end - 1) == text.StartOf(end) && text.StartOf(end + 1) == text.EndOf(end)) end++;
            else break;
        }
        // "Urgun District" is Urgun: the area noun, capitalised or not, is no part of the name.
        while (end - 1 > start && RoleWords.AreaNouns.Contains(text.WordOf(end - 1).ToLowerInvariant())) end--;
        return end > start && text.Span(start, end).Text.Length >= 3 ? end : null;
    }

    /// <summary>
    /// Whether the words are not an unknown place: a gazetteer name (a city, a country, a people), a person's or an
    /// organization's name, or a time ("in March", "on Tuesday"); after a settlement's noun (<paramref name="settlement"/>: "the
    /// village of") a name tagged as a person's is still the place's.
    /// </summary>
    private static bool Known(AnnotatedText text, int start, int end, bool settlement)
    {
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Entry is not null && m.StartToken < end && start < m.EndToken) return true;
        }
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= end || m.Span.EndToken <= start) continue;
            if (m.Known is not null || m.Type is EntityType.Org or EntityType.Outlet or EntityType.Group) return true;
            if (m.Type == EntityType.Person && !settlement) return true;
        }
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < end && start < t.Span.EndToken) return true;
        }
        return false;
    }
}
