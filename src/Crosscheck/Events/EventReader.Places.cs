using System.Collections.Frozen;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Where: the places a text names, the one an event takes, points at sea.
public sealed partial class EventReader
{
    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "inside", "into", "to", "off", "near", "outside", "across", "at", "on", "over", "from", "within", "throughout", "along"],
        StringComparer.OrdinalIgnoreCase);

    private static bool AfterPlacePreposition(AnnotatedText text, int token, TokenSpan clause) => PrepositionOfPlace(text, token, clause) >= 0;

    /// <summary>
    /// The place preposition that governs the place starting at <paramref name="token"/>, past the words that describe it
    /// ("in the southern port city of Odesa" → "in"); -1 when none.
    /// </summary>
    private static int PrepositionOfPlace(AnnotatedText text, int token, TokenSpan clause)
    {
        var i = token - 1;
        // "in the capital, Kyiv", "near the border town, Kantharalak": a name set beside the noun it names is governed as that noun is.
        if (i - 1 >= clause.StartToken && text.WordOf(i) == "," && NamesBeside(text, i - 1)) i--;
        // "in the northern province of Surin", "near the town of X": the area noun's preposition governs the place.
        // "on the outskirts of Mogadishu", "at the edge of the town": so does a noun of a place's part or surroundings.
        if (i - 1 >= clause.StartToken && text.WordOf(i) == "of" && (RoleWords.AreaNouns.Contains(text.WordOf(i - 1)) || RoleWords.EdgeNouns.Contains(text.WordOf(i - 1))))
        {
            i -= 2;
            // "in the border province of Banteay Meanchey", "in the southern port city of Kherson", "in the front-line
            // eastern town of Pokrovsk": up to three describing words before the area noun, back to its "the"; a country's
            // adjective tagged as a name describes it too ("near the Tajik town of …").
            var j = i;
            while (j >= clause.StartToken && i - j < 3 && text.PosOf(j) is "NN" or "JJ" or "VBN" or "JJS" or "NNP" && !RoleWords.AreaNouns.Contains(text.WordOf(j))) j--;
            if (j < i && j >= clause.StartToken && text.WordOf(j) is "the" or "The") i = j;
        }
        // "on the road between Afgoye and the capital", "along the highway linking Gao to Ansongo": the road's preposition
        // governs the first town it runs from.
        else if (i - 1 >= clause.StartToken && text.WordOf(i) is "between" or "linking" or "connecting" or "joining" or "from"
            && RoleWords.RoadNouns.Contains(text.WordOf(i - 1).ToLowerInvariant())) i -= 2;
        // "at the Ukrainian capital Kyiv", "in the border town Kantharalak": the noun the place stands beside names it.
        else if (i >= clause.StartToken && (text.WordOf(i) is "capital" || RoleWords.AreaNouns.Contains(text.WordOf(i))) && text.PosOf(i) is "NN") i--;
        // "in the country's southeastern Khost province"
        while (i >= clause.StartToken && token - i <= 3 && text.PosOf(i) is "JJ") i--;
        if (i - 2 >= clause.StartToken && text.WordOf(i) is "'s" or "’s" && text.WordOf(i - 1) is "country" or "nation") i -= 2;
        if (i >= clause.StartToken && text.WordOf(i) is "the" or "The") i--;
        if (i < clause.StartToken || !PlacePrepositions.Contains(text.WordOf(i))) return -1;
        // "360km from the Thai capital Bangkok", "50 miles from Kyiv": a distance measured from a place says where it is not.
        return text.WordOf(i) is "from" && i - 1 >= clause.StartToken && IsDistanceUnit(text.WordOf(i - 1)) ? -1 : i;
    }

    private static bool IsDistanceUnit(string word) =>
        word.ToLowerInvariant() is "km" or "kilometres" or "kilometers" or "kms" or "miles" or "mi" or "metres" or "meters" or "m"
        || (word.Length > 2 && word.EndsWith("km", StringComparison.OrdinalIgnoreCase) && char.IsDigit(word[0]));

    /// <summary>The index of the first place (places are in text order) starting at or after <paramref name="token"/>.</summary>
    private static int FirstPlaceFrom(List<PlaceMention> places, int token)
    {
        int lo = 0, hi = places.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (places[mid].Span.StartToken < token) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void Cover(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) covered[t] = true;
    }

    private static bool IsCovered(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) if (covered[t]) return true;
        return false;
    }

    private sealed record PlaceMention(TokenSpan Span, KnownEntity? Known, PlaceKind Kind, string? Country, string Name);

    /// <summary>Places the text names: gazetteer places and seas, and locations only the recognizer saw.</summary>
    private static List<PlaceMention> Places(AnnotatedText text)
    {
        var places = new List<PlaceMention>();
        var countries = DocumentCountries(text);
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Entry is null) continue;
            if (m.Kind == GazetteerMatchKind.Maritime)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                // At sea off a country's coast or in its waters: the coastal country, as ACLED codes such events.
                places.Add(new PlaceMention(span, m.Entry.Entity, PlaceKind.Sea, m.Country, span.Text));
            }
            else if (m.Kind == GazetteerMatchKind.Entity && m.Entry.Place != PlaceKind.None)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                // A small town abroad that none of the document's countries holds is a name the gazetteer lacks.
                if (Choose(text, m, countries) is not { } entry) places.Add(new PlaceMention(span, null, PlaceKind.Region, null, span.Text));
                else places.Add(new PlaceMention(span, entry.Entity, entry.Place, entry.Country, entry.Name));
            }
        }
        // Tokens some place already covers: an entity there is that place, not another.
        var covered = new bool[text.Count + 1];
        foreach (var p in places) Cover(covered, p.Span);
        foreach (var e in text.Entities)
        {
            // A name the recognizer took for an organization is a place before a word for an area when the words make it a
            // known division or put it in one ("Oddar Meanchey province", "the Spin Boldak area of Kandahar province").
            var organization = e.Type == EntityType.Org && e.Span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(e.Span.EndToken));
            if (!(organization || e.Type is EntityType.Gpe or EntityType.Loc) || e.Known is not null) continue;
            if (IsCovered(covered, e.Span)) continue;
            if (Unknown(text, e.Span, e.Name.Text, places, countries) is not { } unknown || (organization && unknown.Known is null)) continue;
            places.Add(unknown);
            Cover(covered, e.Span);
        }
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
        // "Ban Khok, Phanom Dong Rak District, Surin Province": a division the text names after an unknown place may
        // itself have been found only among the recognizer's names, after it; look for the container again.
        for (var k = 0; k < places.Count; k++)
        {
            if (places[k] is { Known: null, Country: null, Kind: PlaceKind.Region } unknown && Container(text, unknown.Span, places) is { } holder)
                places[k] = holder with { Span = unknown.Span };
        }
        // "near the town of Jermuk" in a report from Yerevan: a place the gazetteers lack lies in the country its context gives.
        for (var k = 0; k < places.Count; k++)
        {
            if (places[k] is { Known: null, Country: null, Kind: PlaceKind.Region } bare && NamedByAreaNoun(text, bare.Span) && ContextCountry(text, places, bare.Span) is { } code)
                places[k] = bare with { Country = code };
        }
        // A sea match holds the places it names ("off the coast of Venezuela", "off Mexico's Pacific coast"): keep the sea.
        var seas = places.Where(o => o.Kind == PlaceKind.Sea).ToList();
        if (seas.Count > 0)
        {
            places.RemoveAll(p => seas.Any(o => !ReferenceEquals(o, p) && o.Span.Length > p.Span.Length
                && o.Span.StartToken <= p.Span.StartToken && p.Span.EndToken <= o.Span.EndToken));
        }
        return places;
    }

    /// <summary>
    /// The country a place the gazetteers lack lies in, by its context: the one country its sentence names, else the one
    /// country the text's first sentence (its dateline and lede) names, else the one the whole text names; null when none
    /// of these names exactly one.
    /// </summary>
    private static string? ContextCountry(AnnotatedText text, List<PlaceMention> places, TokenSpan span)
    {
        if (OnlyCountry(places, text.SentenceOf(span.StartToken)) is { } own) return own;
        if (text.Count > 0 && OnlyCountry(places, text.SentenceOf(0)) is { } lede) return lede;
        return OnlyCountry(places, text.Span(0, text.Count));
    }

    /// <summary>Whether a word for an area names the place: "the town of Jermuk", "Urgun district".</summary>
    private static bool NamedByAreaNoun(AnnotatedText text, TokenSpan span) =>
        (span.StartToken >= 2 && text.WordOf(span.StartToken - 1) == "of" && RoleWords.AreaNouns.Contains(text.WordOf(span.StartToken - 2)))
        || (span.EndToken < text.Count && RoleWords.AreaNouns.Contains(text.WordOf(span.EndToken)));

    /// <summary>The one country named as a place in the sentence; null when none or several.</summary>
    private static string? OnlyCountry(List<PlaceMention> places, TokenSpan sentence)
    {
        string? found = null;
        for (var at = FirstPlaceFrom(places, sentence.StartToken); at < places.Count && places[at].Span.StartToken < sentence.EndToken; at++)
        {
            if (places[at] is not { Kind: PlaceKind.Country, Country: { } code }) continue;
            if (found is not null && found != code) return null;
            found = code;
        }
        return found;
    }

    /// <summary>
    /// "in the city", "in the town": the city named last, in the same sentence or the one before ("A missile struck Odesa
    /// … Eleven people were injured in the city"); not a city with a name of its own after it ("the city of Lviv"), nor
    /// "the city's" (the possessive leads to another place), nor one two sentences back or more.
    /// </summary>
    private static void AddCityAnaphors(AnnotatedText text, List<PlaceMention> places)
    {
        var cities = places.Where(p => p.Kind == PlaceKind.City && p.Known is not null).ToList();
        if (cities.Count == 0) return;
        var added = new List<PlaceMention>();
        // One pass: the cities (in text order) named before each "the city" are walked once.
        var next = 0;
        PlaceMention? last = null;
        for (var i = 1; i + 1 < text.Count; i++)
        {
            if (text.WordOf(i) is not ("city" or "town") || text.WordOf(i - 1) is not ("the" or "The")) continue;
            if (text.WordOf(i + 1) is "of" or "'s" or "’s" || text.PosOf(i + 1) is "NNP") continue;
            while (next < cities.Count && cities[next].Span.EndToken <= i - 1) last = cities[next++];
            if (last is null || text.SentenceIndexOf(i) - text.SentenceIndexOf(last.Span.StartToken) > 1) continue;
            added.Add(last with { Span = text.Span(i - 1, i + 1) });
        }
        if (added.Count == 0) return;
        places.AddRange(added);
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
    }

    /// <summary>
    /// "the country" and "the nation" name the country last mentioned, by name or by demonym ("the Venezuelan
    /// government … off the coast of the country"); "off the coast of the country" is at sea off it.
    /// </summary>
    private void AddCountryAnaphors(AnnotatedText text, List<PlaceMention> places)
    {
        var added = new List<PlaceMention>();
        // Countries named so far, by place and by demonym, each in text order: one pass over the text.
        // A country qualifying the side that attacks ("a US air strike", "Israeli warplanes") is not the ground it refers to.
        var countries = places.Where(p => p.Kind == PlaceKind.Country && p.Country is not null && !QualifiesAttack(text, p.Span))
            .Select(p => (p.Span.StartToken, p.Country!)).ToList();
        var demonyms = text.Entities.Where(e => e.Type == EntityType.Norp && e.Known?.Country is not null && !QualifiesAttack(text, e.Span))
            .Select(e => (e.Span.StartToken, e.Known!.Country!)).OrderBy(e => e.StartToken).ToList();
        int nextCountry = 0, nextDemonym = 0;
        (int Start, string Code)? lastCountry = null, lastDemonym = null;
        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordOf(i) is not ("country" or "nation") || text.WordOf(i - 1) is not ("the" or "The")) continue;
            while (nextCountry < countries.Count && countries[nextCountry].StartToken < i - 1) lastCountry = countries[nextCountry++];
            while (nextDemonym < demonyms.Count && demonyms[nextDemonym].StartToken < i - 1) lastDemonym = demonyms[nextDemonym++];
            // The country named last; a demonym counts only after the last country named outright.
            var code = lastDemonym is { } d && d.Start > (lastCountry?.Start ?? -1) ? d.Code : lastCountry?.Code;
            if (code is null || Gazetteer.Country(code) is not { } country) continue;
            // "in the country's southeastern Khost province": the place is the one the possessive leads to.
            if (i + 1 < text.Count && text.WordOf(i + 1) is "'s" or "’s" && places.Any(p => p.Span.StartToken > i + 1 && p.Span.StartToken <= i + 5)) continue;
            var start = i - 1;
            var kind = PlaceKind.Country;
            if (start >= 4 && text.WordOf(start - 1) == "of" && text.WordOf(start - 2) is "coast" or "coasts" or "shores" && text.WordOf(start - 3) == "the"
                && text.WordOf(start - 4) is "off" or "Off")
            {
                start -= 4;
                kind = PlaceKind.Sea;
            }
            added.Add(new PlaceMention(text.Span(start, i + 1), country.Entity, kind, country.Country, country.Name));
        }
        if (added.Count == 0) return;
        places.AddRange(added);
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
    }

    /// <summary>A country's name or demonym right before a noun of attack or its weapon, at most one word between ("a US air strike").</summary>
    private static bool QualifiesAttack(AnnotatedText text, TokenSpan span)
    {
        for (var i = span.EndToken; i < text.Count && i <= span.EndToken + 1; i++)
        {
            if (RoleWords.AttackingNouns.Contains(text.WordOf(i).ToLowerInvariant())) return true;
            if (text.PosOf(i) is not ("NN" or "JJ")) return false;
        }
        return false;
    }

    /// <summary>Where it happened: a place after a place preposition in the clause, nearest the trigger; then any such place in the sentence.</summary>
    private EventPlace? LocationOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, List<PlaceMention> places)
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
    /// Whether the parse shows a place as where a thing comes from, not where something happened: "from" with the place
    /// hanging under a noun ("a boat from Venezuela", "migrants from Haiti").
    /// </summary>
    /// <summary>
    /// "in Afghanistan's eastern Paktika province", "on Afghanistan in Spin Boldak", "in Pakistan's Kurram district": a
    /// country followed within a few words of the same phrase by a division or city of its own is that narrower place.
    /// </summary>
    /// <para>
    /// With a parse, a division or city of that country that hangs, after a place preposition, under the event's own word
    /// further on is that narrower place too: "Cambodia shelled Thailand, hitting a school in Surin
    /// province" happened in Surin, told through the participle that continues the shelling.
    /// </para>
    private static PlaceMention Narrower(AnnotatedText text, TokenSpan sentence, List<PlaceMention> places, PlaceMention chosen, TriggerMatch trigger)
    {
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
        var clauseVerb = text.RelationOf(word) is "nsubj" or "nsubj:pass" && text.HeadOf(word) is var v and >= 0 && text.PosOf(v) is ['V', 'B', ..] ? v : -1;
        foreach (var p in places)
        {
            if (p.Span.StartToken < chosen.Span.EndToken) continue;
            if (p.Span.StartToken >= sentence.EndToken) break;
            if (p.Kind is not (PlaceKind.Admin1 or PlaceKind.City) || p.Country != chosen.Country) continue;
            var head = SyntaxScope.HeadOf(text, p.Span.StartToken, p.Span.EndToken);
            if (AfterPlacePreposition(text, p.Span.StartToken, sentence) ? UnderInOneClause(text, word, head) || ViaParticiple(text, clauseVerb, head)
                : StruckUnder(text, sentence, word, clauseVerb, p.Span.StartToken, head)) return p;
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

    /// <summary>A sea named right after a country's possessive and before "coast" or "waters" ("Yemen's Red Sea coast").</summary>
    private static PlaceMention? CoastSeaAfter(AnnotatedText text, List<PlaceMention> places, PlaceMention country)
    {
        var at = country.Span.EndToken;
        if (at >= text.Count || text.WordOf(at) is not ("'s" or "’s")) return null;
        foreach (var p in places)
        {
            if (p.Span.StartToken < at + 1) continue;
            if (p.Span.StartToken > at + 1) break;
            if (p.Kind == PlaceKind.Sea && p.Span.EndToken < text.Count && text.WordOf(p.Span.EndToken).ToLowerInvariant() is "coast" or "coastline" or "waters" or "shore" or "shores") return p;
        }
        return null;
    }

    /// <summary>
    /// A place at sea's point: its own (a named sea, or a phrase off a country); "international waters" and the like
    /// take the point of another place at sea in the sentence ("in international waters off Mexico's Pacific coast").
    /// </summary>
    private (double Lat, double Lon)? SeaPointOf(PlaceMention place, TokenSpan sentence, List<PlaceMention> places)
    {
        // "off the coast of Colombia in the Caribbean": a sea the sentence names beats the sea nearest the country.
        if (!Seas.IsSea(place.Known) && !Seas.NamesSea(place.Span))
        {
            foreach (var other in places)
            {
                if (ReferenceEquals(other, place) || other.Kind != PlaceKind.Sea || !sentence.Contains(other.Span.StartToken) || !Seas.IsSea(other.Known)) continue;
                // "off the coast of Mexico in the Pacific": of the seas its words name, the one nearest the coast's country.
                if (((place.Country is not null && place.Known is { Latitude: not null, Longitude: not null } ? Seas.Locate(other.Span, place.Known) : null) ?? Seas.Locate(other.Span, other.Known)) is { } named) return named;
            }
        }
        if (Seas.Locate(place.Span, place.Known) is { } own) return own;
        foreach (var other in places)
        {
            if (other.Kind != PlaceKind.Sea || ReferenceEquals(other, place) || !sentence.Contains(other.Span.StartToken)) continue;
            if (Seas.Locate(other.Span, other.Known) is { } point) return point;
        }
        return null;
    }

    /// <summary>"in Caribbean waters", "in the Eastern Pacific Ocean", "inside Mexico", "in international waters in the Caribbean".</summary>
    private static bool PrecededByPlaceWord(AnnotatedText text, int token, TokenSpan sentence)
    {
        for (var i = token - 1; i >= sentence.StartToken && token - i <= 3; i--)
        {
            if (PlacePrepositions.Contains(text.WordOf(i))) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NNP")) return false;
        }
        return false;
    }
}
