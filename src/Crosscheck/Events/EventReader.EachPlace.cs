using System.Collections.Immutable;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// One attack at each of the places its words name together ("strikes in Kandahar and Kabul").
public sealed partial class EventReader
{
    /// <summary>
    /// "Pakistan carried out strikes in Kandahar and Kabul", "shelling in Preah Vihear and Oddar
    /// Meanchey": an attack whose place is one of several joined by "and" (or a list ending in "and") took place at each,
    /// as ACLED codes one event per location. The attack keeps its place and its counts; after it come the same words at
    /// each other place (<see cref="EventMention.AtAnotherPlace"/>), with no dead or wounded, since the words do not say
    /// how they were shared. Towns, divisions and regions only: "between Thailand and Cambodia" names the sides, and
    /// "Ban Phue, Kantharalak district, Sisaket province", with no "and", names one place by what holds it.
    /// </summary>
    private ImmutableArray<EventMention> AtEachPlace(AnnotatedText text, ImmutableArray<EventMention> events, List<PlaceMention> places, ImmutableArray<Toll> tolls)
    {
        ImmutableArray<EventMention>.Builder? builder = null;
        var told = new HashSet<Toll>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            builder?.Add(e);
            if (e.Type != PloverType.Assault || e.AtAnotherPlace) continue;
            var sentence = text.SentenceOf(e.Trigger.StartToken);
            // "killed at least nine people across the country, including five in Kyiv": the toll's part at a place is that place's attack.
            if (Included(text, sentence, places, tolls, told, e) is { Count: > 0 } parts)
            {
                if (builder is null)
                {
                    builder = ImmutableArray.CreateBuilder<EventMention>(events.Length + parts.Count);
                    builder.AddRange(events, i + 1);
                }
                foreach (var (p, killed, injured) in parts)
                {
                    // "…across the country, including seven in Dnipro" read at Dnipro: the part is the attack's own count.
                    if (e.Location is { } own && string.Equals(own.Name, PlaceOf(text, sentence, places, p).Name, StringComparison.OrdinalIgnoreCase))
                        builder[^1] = e = e with { Fatalities = killed ?? e.Fatalities, Injured = injured ?? e.Injured };
                    else builder.Add(e with { Location = PlaceOf(text, sentence, places, p), Fatalities = killed, Injured = injured, Quantities = [], AtAnotherPlace = true });
                }
                continue;
            }
            if (e.Location is not { Precision: "city" or "admin1" or "region" or "sea" } at) continue;
            // A place handed on from another sentence is not one of these words' places.
            if (!sentence.Contains(at.Span.StartToken)) continue;
            // Seas joined by "and" name a route or a border as often as two attacks; only their own counts split them.
            var others = at.Precision == "sea" ? [] : JoinedPlaces(text, sentence, places, at);
            var gapped = others.Count == 0 ? Gapped(text, sentence, places, e, at.Span) : [];
            // "killing three in the port city of Odesa and two in Kharkiv": when the place taken is not the one the first
            // count closes, the first count's place is the first attack's, and the rest are read from it.
            // The place taken first ("missiles struck Zaporizhzhia overnight, killing five in Pavlohrad and two in Dnipro")
            // stays an attack of the same words, with no count of its own, unless a count names it.
            EventMention? struck = null;
            if (gapped.Count == 0 && others.Count == 0 && PlaceOfCount(text, sentence, places, e) is { } first && first.Span.StartToken != at.Span.StartToken
                && first.Kind is PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Region)
            {
                gapped = Gapped(text, sentence, places, e, first.Span);
                if (gapped.Count > 0)
                {
                    if (!string.Equals(first.Name, at.Name, StringComparison.OrdinalIgnoreCase) && !gapped.Exists(g => string.Equals(g.Place.Name, at.Name, StringComparison.OrdinalIgnoreCase)))
                        struck = e with { Fatalities = null, Injured = null, Quantities = [], AtAnotherPlace = true };
                    e = e with { Location = PlaceOf(text, sentence, places, first) };
                }
            }
            if (gapped.Count > 0)
            {
                // "carried out two strikes, killing four in the Caribbean and two in the eastern Pacific": as many strikes as
                // places with a count, one at each.
                if (struck is null && e.Count is { Max: { } n } c && c.Min == n && n == gapped.Count + 1) e = e with { Count = null };
                if (builder is null)
                {
                    builder = ImmutableArray.CreateBuilder<EventMention>(events.Length + gapped.Count);
                    builder.AddRange(events, i + 1);
                }
                // "killed two people in Odesa and injured five in Mykolaiv": a count told at a later place is that place's, not the first's.
                var end = gapped[^1].Place.Span.StartToken;
                e = e with
                {
                    Fatalities = e.Fatalities is { } f && f.Span.StartToken > e.Location!.Span.StartToken && f.Span.StartToken < end ? null : e.Fatalities,
                    Injured = e.Injured is { } h && h.Span.StartToken > e.Location!.Span.StartToken && h.Span.StartToken < end ? null : e.Injured,
                };
                builder[^1] = e;
                if (struck is not null) builder.Add(struck);
                foreach (var (p, killed, injured) in gapped)
                {
                    builder.Add(e with { Location = PlaceOf(text, sentence, places, p), Fatalities = killed, Injured = injured, Quantities = [], AtAnotherPlace = true });
                }
                continue;
            }
            if (others.Count == 0) continue;
            if (builder is null)
            {
                builder = ImmutableArray.CreateBuilder<EventMention>(events.Length + others.Count);
                builder.AddRange(events, i + 1);
            }
            foreach (var p in others)
            {
                builder.Add(e with { Location = PlaceOf(text, sentence, places, p), Fatalities = null, Injured = null, Quantities = [], AtAnotherPlace = true });
            }
        }
        return builder?.ToImmutable() ?? events;
    }

    /// <summary>
    /// "Two people were killed in Odesa and three in Dnipro", "four were wounded in Sumy, two in Kharkiv and one in Lviv":
    /// counts after the first place with their verb left out, each with its own place, are the same outcome at that place,
    /// another attack of the same words with its own count. Empty when the words after the place are not such.
    /// </summary>
    private static List<(PlaceMention Place, CountRange? Killed, CountRange? Injured)> Gapped(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, EventMention e, TokenSpan at)
    {
        var result = new List<(PlaceMention, CountRange?, CountRange?)>();
        var k = FirstPlaceFrom(places, at.StartToken);
        if (k >= places.Count || places[k].Span.StartToken != at.StartToken || at.StartToken - 1 <= sentence.StartToken) return result;
        // The outcome the first place closes: the count whose words end right before its "in" ("in the southern port city
        // of Odesa": past the words that describe the place).
        var before = PrepositionOfPlace(text, at.StartToken, sentence);
        if (before <= sentence.StartToken) return result;
        var killed = e.Fatalities is { } f && f.Span.EndToken >= before - 1 && f.Span.EndToken <= before;
        var injured = e.Injured is { } h && h.Span.EndToken >= before - 1 && h.Span.EndToken <= before;
        if (killed == injured || text.WordOf(before).ToLowerInvariant() is not ("in" or "near" or "at")) return result;
        return Chain(text, sentence, places, k, killed);
    }

    /// <summary>
    /// The counts told place by place after the place at <paramref name="k"/>: ", two in Kharkiv", "and one in Lviv" (the
    /// outcome left out: the dead when <paramref name="killed"/>, else the hurt), "and three were injured in Sumy", "and
    /// injured five in Mykolaiv" (the outcome told again, which says which). Seas follow a sea only.
    /// </summary>
    private static List<(PlaceMention Place, CountRange? Killed, CountRange? Injured)> Chain(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, int k, bool killed)
    {
        var result = new List<(PlaceMention, CountRange?, CountRange?)>();
        var sea = places[k].Kind == PlaceKind.Sea;
        for (var j = k; j + 1 < places.Count; j++)
        {
            var from = places[j].Span.EndToken;
            var next = places[j + 1];
            if (next.Span.StartToken >= sentence.EndToken || !(sea ? next.Kind == PlaceKind.Sea : next.Kind is PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Region)) break;
            var i = from;
            if (i < next.Span.StartToken && (DivisionNouns.Contains(text.WordOf(i)) || RoleWords.AreaNouns.Contains(text.WordOf(i)))) i++;
            if (i < next.Span.StartToken && text.WordOf(i) == ",") i++;
            if (i < next.Span.StartToken && text.WordOf(i) == "and") i++;
            if (i == from || i >= next.Span.StartToken) break;
            var start = i;
            // "and injured five in Mykolaiv": the outcome's verb before the count.
            var dead = CasualtyFinder.TellsDead(text.WordOf(i));
            if (dead is not null) i++;
            var numbers = text.NumbersStartingIn(i, i + 1);
            // "and one in Lviv": the recognizer leaves a bare "one" alone.
            var one = numbers.Length == 0 && text.WordOf(i).Equals("one", StringComparison.OrdinalIgnoreCase);
            if (numbers.Length == 0 && !one) break;
            var (min, max, numberEnd) = one ? (1m, (decimal?)1m, i + 1) : (numbers[0].Min, numbers[0].Max, numbers[0].Span.EndToken);
            i = numberEnd;
            // "three people in Dnipro", "three more in Dnipro": a noun or "more"/"others" may follow the number.
            while (i < next.Span.StartToken && i - numberEnd < 2 && text.PosOf(i) is "NNS" or "NN" or "JJR" or "RBR") i++;
            var end = dead is null ? numberEnd : i;
            // "and three were injured in Sumy": the outcome's verb after the count.
            if (dead is null)
            {
                var v = i;
                while (v < next.Span.StartToken && v - i < 2 && text.WordOf(v).ToLowerInvariant() is "were" or "was" or "have" or "has" or "had" or "been") v++;
                if (v > i && v < next.Span.StartToken && CasualtyFinder.TellsDead(text.WordOf(v)) is { } after)
                {
                    dead = after;
                    i = end = v + 1;
                }
            }
            if (i >= next.Span.StartToken || text.WordOf(i).ToLowerInvariant() is not ("in" or "near" or "at")) break;
            if (i + 1 < next.Span.StartToken && PrepositionOfPlace(text, next.Span.StartToken, sentence) != i) break;
            var count = new CountRange(min, max, text.Span(start, end));
            var isDead = dead ?? killed;
            result.Add((next, isDead ? count : null, isDead ? null : count));
        }
        return result;
    }

    /// <summary>
    /// "strikes killed at least nine people across the country, including five in Kyiv and two in Odesa": the parts of a
    /// toll of dead or hurt that ", including" tells at towns, divisions or regions, each the count of an attack there.
    /// Read for the first attack of the sentence whose words come before the toll's end; empty when there is none.
    /// </summary>
    private static List<(PlaceMention Place, CountRange? Killed, CountRange? Injured)> Included(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, ImmutableArray<Toll> tolls, HashSet<Toll> told, EventMention e)
    {
        foreach (var t in tolls)
        {
            // A running toll ("since the war began") counts no one attack's dead.
            if (told.Contains(t) || t.Since is not null || t.SinceDate is not null || t.Counts is not (TollMeasure.Killed or TollMeasure.Injured) || !sentence.Contains(t.Span.StartToken) || e.Trigger.StartToken >= t.Span.EndToken) continue;
            if ((t.Counts == TollMeasure.Killed ? e.Fatalities : e.Injured) is not null) continue;
            // ", including" within a few words after the toll's count, no clause break between.
            var at = -1;
            for (var i = t.Span.EndToken; i + 2 < sentence.EndToken && i - t.Span.EndToken <= 5; i++)
            {
                if (ClauseBreaks.Contains(text.WordOf(i))) break;
                if (text.WordOf(i) == "," && text.WordOf(i + 1).Equals("including", StringComparison.OrdinalIgnoreCase)) { at = i + 2; break; }
            }
            if (at < 0) continue;
            var numbers = text.NumbersStartingIn(at, at + 1);
            if (numbers.Length == 0 || numbers[0].Unit is not null) continue;
            var i2 = numbers[0].Span.EndToken;
            while (i2 < sentence.EndToken && i2 - numbers[0].Span.EndToken < 2 && text.PosOf(i2) is "NNS" or "NN") i2++;
            if (i2 >= sentence.EndToken || text.WordOf(i2).ToLowerInvariant() is not ("in" or "near" or "at")) continue;
            var k = FirstPlaceFrom(places, i2 + 1);
            if (k >= places.Count || places[k].Span.StartToken >= sentence.EndToken || places[k].Span.StartToken - i2 > 6
                || places[k].Kind is not (PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Region) || PrepositionOfPlace(text, places[k].Span.StartToken, sentence) != i2) continue;
            var killed = t.Counts == TollMeasure.Killed;
            var count = new CountRange(numbers[0].Min, numbers[0].Max, numbers[0].Span);
            var result = new List<(PlaceMention, CountRange?, CountRange?)> { (places[k], killed ? count : null, killed ? null : count) };
            result.AddRange(Chain(text, sentence, places, k, killed));
            told.Add(t);
            return result;
        }
        return [];
    }

    /// <summary>
    /// The place whose preposition comes right after the event's count of dead or wounded ("killing three people in the
    /// southern port city of Odesa" → Odesa); null when no count of the event is so followed.
    /// </summary>
    private static PlaceMention? PlaceOfCount(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, EventMention e)
    {
        foreach (var c in new[] { e.Fatalities, e.Injured })
        {
            if (c is null || !sentence.Contains(c.Span.StartToken)) continue;
            for (var k = FirstPlaceFrom(places, c.Span.EndToken); k < places.Count && places[k].Span.StartToken < sentence.EndToken && places[k].Span.StartToken - c.Span.EndToken <= 8; k++)
            {
                var prep = PrepositionOfPlace(text, places[k].Span.StartToken, sentence);
                if (prep == c.Span.EndToken || prep == c.Span.EndToken + 1) return places[k];
            }
        }
        return null;
    }

    /// <summary>The other towns, divisions or regions joined to <paramref name="at"/> in one list that "and" closes, in text order.</summary>
    private static List<PlaceMention> JoinedPlaces(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, EventPlace at)
    {
        var k = FirstPlaceFrom(places, at.Span.StartToken);
        if (k >= places.Count || places[k].Span.StartToken != at.Span.StartToken) return [];
        // The list runs from the first place joined to the next by a comma or "and" to the last; it counts only when "and" closes it.
        var first = k;
        while (first > 0 && Link(text, sentence, places[first - 1].Span, places[first].Span) is not Joint.None) first--;
        var last = k;
        var closed = false;
        while (last + 1 < places.Count && Link(text, sentence, places[last].Span, places[last + 1].Span) is var joint and not Joint.None)
        {
            last++;
            closed = joint == Joint.And;
        }
        if (last > k && !closed || last == k && (first == k || Link(text, sentence, places[k - 1].Span, places[k].Span) != Joint.And)) return [];
        // "on the road between Afgoye and Mogadishu": places "between" joins bound one stretch, not an attack at each.
        if (places[first].Span.StartToken > sentence.StartToken && text.WordOf(places[first].Span.StartToken - 1) is "between" or "Between") return [];
        var result = new List<PlaceMention>();
        for (var j = first; j <= last; j++)
        {
            var p = places[j];
            if (j == k || p.Kind is not (PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Region)) continue;
            if (string.Equals(p.Name, at.Name, StringComparison.OrdinalIgnoreCase) || result.Any(o => string.Equals(o.Name, p.Name, StringComparison.OrdinalIgnoreCase))) continue;
            result.Add(p);
        }
        return result;
    }

    private enum Joint { None, Comma, And }

    /// <summary>
    /// How two places of a sentence are joined: "Kandahar and Kabul", "Kandahar province and Kabul", "Kunar, Paktika",
    /// ", and the Kyiv region" (an area word after the first and "the" before the second allowed).
    /// </summary>
    private static Joint Link(AnnotatedText text, TokenSpan sentence, TokenSpan a, TokenSpan b)
    {
        if (b.StartToken >= sentence.EndToken || a.EndToken <= sentence.StartToken || a.EndToken > b.StartToken) return Joint.None;
        var i = a.EndToken;
        if (i < b.StartToken && (DivisionNouns.Contains(text.WordOf(i)) || RoleWords.AreaNouns.Contains(text.WordOf(i)))) i++;
        var joint = Joint.None;
        if (i < b.StartToken && text.WordOf(i) == ",") { joint = Joint.Comma; i++; }
        if (i < b.StartToken && text.WordOf(i) == "and") { joint = Joint.And; i++; }
        // "in Spin Boldak and in Kurram": the first place's preposition told again before the second.
        if (joint == Joint.And && i < b.StartToken && text.WordOf(i) is "in" or "near" or "at"
            && PrepositionOfPlace(text, a.StartToken, sentence) is var first and >= 0 && text.WordOf(first) == text.WordOf(i)) i++;
        if (i < b.StartToken && text.WordOf(i) is "the") i++;
        return i == b.StartToken ? joint : Joint.None;
    }
}
