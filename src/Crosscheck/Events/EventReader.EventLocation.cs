using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Which named place an event takes: the one its preposition governs nearest the trigger, a label, a narrower place, where part of it struck.
public sealed partial class EventReader
{
    /// <summary>Where it happened: a place after a place preposition in the clause, nearest the trigger; then any such place in the sentence.</summary>
    private EventPlace? LocationOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, List<PlaceMention> places, List<Reading>? group = null)
    {
        PlaceMention? best = null;
        var bestScore = int.MaxValue;
        for (var at = FirstPlaceFrom(places, sentence.StartToken); at < places.Count && places[at].Span.StartToken < sentence.EndToken; at++)
        {
            var p = places[at];
            var office = false;
            var governed = p.Kind == PlaceKind.Sea || AfterPlacePreposition(text, p.Span.StartToken, sentence) || PrecededByPlaceWord(text, p.Span.StartToken, sentence)
                || IsObjectOfAttack(text, sentence, p.Span, trigger) || (office = IsAreaOfOffice(text, sentence, p, trigger)) || IsLabel(text, sentence, p.Span);
            if (!governed || IsOriginOfThing(text, sentence, p.Span, trigger) || IsPlaceOfGathering(text, sentence, p.Span, trigger) || IsWhereVictimsWereTaken(text, sentence, p.Span)
                || IsWhereOthersAre(text, sentence, p.Span) || IsDestination(text, sentence, p.Span) || IsGroundOfAGroup(text, sentence, p.Span)
                || InOtherEventsPhrase(text, sentence, p.Span, trigger, group) || IsOutsideArea(text, sentence, p)
                || trigger.Entry.Type != PloverType.Mobilize && IsWhereSomethingWasSent(text, sentence, p.Span)) continue;
            if (p.Kind != PlaceKind.Sea && ModifiesAThing(text, sentence, p.Span)) continue;
            // "the Black Sea port of Odesa": a sea describing a place named after it is not where it happened.
            if (p.Kind == PlaceKind.Sea && DescribesNamedArea(text, sentence, p.Span)) continue;
            var inClause = clause.Contains(p.Span.StartToken) && !office;
            // A place after the event word ("strikes … in the Caribbean") is where it happened before one ahead of it ("focused on Venezuela with strikes").
            var distance = p.Span.StartToken >= trigger.Span.EndToken ? p.Span.StartToken - trigger.Span.EndToken : 15 + trigger.Span.StartToken - p.Span.EndToken;
            var score = distance + (inClause ? 0 : 40) + (NearLandmark(text, sentence, p) ? NearLandmarkPenalty : 0);
            if (score < bestScore) { best = p; bestScore = score; }
        }
        if (best is null) return null;
        return PlaceOf(text, sentence, places, Narrower(text, sentence, places, best, trigger));
    }

    /// <summary>
    /// "Kherson Oblast: Russian shelling killed three people": a place that opens its sentence as a label before a colon
    /// (an area noun may follow the name: "Sumy region:") heads what the sentence tells, as roundups of a day's attacks
    /// region by region do.
    /// </summary>
    private static bool IsLabel(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        if (place.StartToken != sentence.StartToken) return false;
        var next = place.EndToken;
        if (next < sentence.EndToken && RoleWords.AreaNouns.Contains(text.WordOf(next).ToLowerInvariant())) next++;
        return next < sentence.EndToken && text.WordOf(next) == ":";
    }

    /// <summary>How much farther than its words a landmark after "near" stands from the event: a named town of the clause wins over it.</summary>
    private const int NearLandmarkPenalty = 20;

    /// <summary>
    /// "shells landed in the town of Kantharalak near Prasat Ta Muen Thom": a name the gazetteers lack (a temple, a
    /// hill, a landmark) after "near" says what the place is close to, not where it is; a place the clause names
    /// otherwise is where it happened, the landmark only when there is none.
    /// </summary>
    private static bool NearLandmark(AnnotatedText text, TokenSpan sentence, PlaceMention place) =>
        place.Known is null && place.Kind == PlaceKind.Region && PrepositionOfPlace(text, place.Span.StartToken, sentence) is var at and >= 0
        && text.WordOf(at).Equals("near", StringComparison.OrdinalIgnoreCase);

    private EventPlace PlaceOf(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, PlaceMention best)
    {
        var known = best.Known;
        var point = best.Kind == PlaceKind.Sea ? SeaPointOf(best, sentence, places)
            : (known?.Latitude, known?.Longitude) is (double la, double lo) ? (la, lo) : null;
        return new EventPlace(best.Span, best.Name)
        {
            Country = best.Country,
            Latitude = point?.Lat,
            Longitude = point?.Lon,
            Precision = best.Kind switch
            {
                PlaceKind.City => "city",
                PlaceKind.Admin1 => "admin1",
                PlaceKind.Country => "country",
                PlaceKind.Sea => "sea",
                _ => "region",
            },
            Known = known,
        };
    }

    /// <summary>
    /// "in Afghanistan's eastern Paktika province", "on Afghanistan in Spin Boldak", "in Pakistan's Kurram district": a
    /// country followed within a few words of the same phrase by a division or city of its own is that narrower place.
    /// <para>
    /// With a parse, a division or city of that country that hangs, after a place preposition, under the event's own word
    /// further on is that narrower place too: "Cambodia shelled Thailand, hitting a school in Surin
    /// province" happened in Surin, told through the participle that continues the shelling.
    /// </para>
    /// </summary>
    private static PlaceMention Narrower(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, PlaceMention chosen, TriggerMatch trigger)
    {
        if (FinerAfterOwner(text, sentence, places, chosen) is { } owned) return owned;
        if (chosen.Kind != PlaceKind.Country || chosen.Country is null) return chosen;
        // "off Yemen's Red Sea coast", "in Ukraine's Black Sea waters": the country's sea coast is at sea, in that sea.
        if (CoastSeaAfter(text, places, chosen) is { } coast) return coast;
        const int within = 6;
        foreach (var p in places)
        {
            if (p.Span.StartToken < chosen.Span.EndToken) continue;
            if (p.Span.StartToken > chosen.Span.EndToken + within || p.Span.StartToken >= sentence.EndToken) break;
            if (p.Kind is not (PlaceKind.Admin1 or PlaceKind.City) || p.Country != chosen.Country) continue;
            // One phrase: no clause break between them.
            var broken = false;
            for (var i = chosen.Span.EndToken; i < p.Span.StartToken && !broken; i++) broken = text.WordOf(i) is "," or ";" or "and" or "but" or "while";
            if (!broken) return p;
        }
        if (!SyntaxScope.HasParse(text, sentence)) return chosen;
        var word = SyntaxScope.HeadOf(text, trigger.Span.StartToken, trigger.Span.EndToken);
        // "A barrage of rockets hit Ukraine, with three landing in Kyiv": the event's noun is the subject of the clause's verb,
        // from which the participle that tells of part of it hangs.
        // "Jets launched an airstrike on Cambodia, targeting X": so is the verb that takes the event's noun as what its
        // subject carried out.
        var clauseVerb = (text.RelationOf(word) is "nsubj" or "nsubj:pass"
            || text.RelationOf(word) == "obj" && text.HeadOf(word) is var light and >= 0 && Lemmas.Candidates(text.WordOf(light)).Any(RoleWords.LightVerbs.Contains))
            && text.HeadOf(word) is var v and >= 0 && text.PosOf(v) is ['V', 'B', ..] ? v : -1;
        foreach (var p in places)
        {
            if (p.Span.StartToken < chosen.Span.EndToken) continue;
            if (p.Span.StartToken >= sentence.EndToken) break;
            // A town the gazetteers lack that the attack struck lies in the country it struck ("hitting Serei Saophoan").
            var unknown = p is { Known: null, Kind: PlaceKind.Region } && (p.Country is null || p.Country == chosen.Country);
            if (!unknown && (p.Kind is not (PlaceKind.Admin1 or PlaceKind.City) || p.Country != chosen.Country)) continue;
            var head = SyntaxScope.HeadOf(text, p.Span.StartToken, p.Span.EndToken);
            if (unknown ? !AfterPlacePreposition(text, p.Span.StartToken, sentence) && StruckUnder(text, sentence, word, clauseVerb, p.Span.StartToken, head)
                : AfterPlacePreposition(text, p.Span.StartToken, sentence) ? UnderInOneClause(text, word, head) || ViaParticiple(text, clauseVerb, head)
                : StruckUnder(text, sentence, word, clauseVerb, p.Span.StartToken, head))
                return unknown ? p with { Country = chosen.Country } : p;
        }
        return chosen;
    }

    /// <summary>Whether the word is a noun a name may be set beside after a comma ("the capital, Kyiv", "the border town, Kantharalak").</summary>
    private static bool NamesBeside(AnnotatedText text, int noun) =>
        text.PosOf(noun) is "NN" && (text.WordOf(noun) is "capital" || RoleWords.AreaNouns.Contains(text.WordOf(noun)));

    /// <summary>
    /// "Drones attacked Ukraine before dawn, two of them hitting the capital, Kyiv": a place (or the noun it is set
    /// beside) that is the object of a verb of hitting hanging under the event's word is where part of it struck.
    /// </summary>
    private static bool StruckUnder(AnnotatedText text, TokenSpan sentence, int word, int clauseVerb, int start, int head)
    {
        // The noun the name is set beside, by the parse or by the words ("the capital, Kyiv" whatever the parse made of it).
        if (text.RelationOf(head) == "appos" && text.HeadOf(head) is var noun and >= 0 && noun < head) head = noun;
        else if (start - 2 >= sentence.StartToken && text.WordOf(start - 1) == "," && NamesBeside(text, start - 2)) head = start - 2;
        // "targeting the town of X": the area noun the place names.
        else if (text.RelationOf(head) == "nmod" && text.HeadOf(head) is var area and >= 0 && area < head && RoleWords.AreaNouns.Contains(text.WordOf(area))) head = area;
        if (text.RelationOf(head) != "obj" || text.HeadOf(head) is not (var verb and >= 0) || verb == word) return false;
        return Lemmas.Candidates(text.WordOf(verb)).Any(RoleWords.ImpactVerbs.Contains) && (UnderInOneClause(text, word, verb) || ViaParticiple(text, clauseVerb, verb));
    }

    /// <summary>Whether <paramref name="token"/> hangs, in one clause, under an adverbial clause of <paramref name="verb"/> ("hit Ukraine, with three landing in Kyiv").</summary>
    private static bool ViaParticiple(AnnotatedText text, int verb, int token)
    {
        if (verb < 0) return false;
        for (var (t, depth) = (token, 0); t >= 0 && depth < 64; t = text.HeadOf(t), depth++)
        {
            if (text.HeadOf(t) == verb) return text.RelationOf(t) == "advcl";
            if (text.RelationOf(t) is "conj" or "parataxis" && text.PosOf(t) is ['V', 'B', ..]) return false;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="token"/> hangs under <paramref name="ancestor"/> with no clause joined by "and" or set beside
    /// on the way ("killed eight in Afghanistan, and officials in Kabul condemned it": Kabul is the second clause's).
    /// </summary>
    private static bool UnderInOneClause(AnnotatedText text, int ancestor, int token)
    {
        for (var (t, depth) = (token, 0); t >= 0 && depth < 64; t = text.HeadOf(t), depth++)
        {
            if (t == ancestor) return true;
            if (text.RelationOf(t) is "conj" or "parataxis" && text.PosOf(t) is ['V', 'B', ..]) return false;
        }
        return false;
    }
}
