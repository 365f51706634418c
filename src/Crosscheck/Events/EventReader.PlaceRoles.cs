using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// A place as what an attack hit: its object, a site or area noun it names, an office's area.
public sealed partial class EventReader
{
    /// <summary>
    /// "Russia attacked Kyiv", "a missile strike hit Zaporizhzhia", "drones hit Kharkiv, killing two": a place that is the
    /// object of the event's word, or of a verb of hitting (data/events/syntax-roles.txt) whose subject the event's word
    /// is or from which it hangs as a participle, is where it happened.
    /// </summary>
    private static bool IsObjectOfAttack(AnnotatedText text, TokenSpan sentence, TokenSpan place, TriggerMatch trigger)
    {
        if (trigger.Entry.Type != PloverType.Assault || !SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        // "a missile struck Sumy late on Sunday" parsed with "Sumy" hanging from "late" or "Sunday" (as a compound or a
        // subject): a name is never part of the time words right after it, and stands as the object of the verb they hang from.
        if (TimeRightAfter(text, place) is { } time && time.Contains(text.HeadOf(head)) && GovernorOf(text, time) is var timeVerb and >= 0 && timeVerb < head && (text.PosOf(timeVerb) ?? "").StartsWith("VB", StringComparison.Ordinal))
        {
            var struck = SyntaxScope.HeadOf(text, trigger.Span.StartToken, trigger.Span.EndToken);
            return timeVerb == struck || Lemmas.Candidates(text.WordOf(timeVerb)).Any(RoleWords.ImpactVerbs.Contains)
                && text.HeadOf(struck) == timeVerb && text.RelationOf(struck) is "nsubj" or "advcl" or "xcomp";
        }
        // "Kunar and Paktika provinces": a place compounded into an area noun stands for it, as does a first conjunct.
        if (text.RelationOf(head) == "conj" && text.HeadOf(head) is var first and >= 0 && first < head) head = first;
        // Not a place that describes the area noun another names: "the Black Sea port of Odesa" is Odesa.
        if (text.RelationOf(head) is "compound" or "conj" && text.HeadOf(head) is var up and >= 0 && up > head && RoleWords.AreaNouns.Contains(text.WordOf(up)))
        {
            if (text.RelationOf(head) == "compound" && NamesItsArea(text, sentence, up)) return false;
            head = up;
        }
        // "a drone hit the Kadugli market": a site noun the place is compounded into (past other nouns: "the El Obeid
        // livestock market") stands for it.
        else if (text.RelationOf(head) == "compound" && SiteHead(text, head, place.EndToken) is var site and >= 0)
        {
            head = site;
            // "the attack on the Kramatorsk railway station": the site an attack noun is "on" is where it happened.
            if (text.HeadOf(site) == SyntaxScope.HeadOf(text, trigger.Span.StartToken, trigger.Span.EndToken) && text.RelationOf(site) == "nmod"
                && (HasCase(text, site, "on") || HasCase(text, site, "against"))) return true;
        }
        // "shelling hit the town of Kantharalak": the area noun the place names.
        else if (text.RelationOf(head) == "nmod" && text.HeadOf(head) is var area and >= 0 && area < head && RoleWords.AreaNouns.Contains(text.WordOf(area))) head = area;
        if (text.HeadOf(head) is not (var verb and >= 0)) return false;
        var word = SyntaxScope.HeadOf(text, trigger.Span.StartToken, trigger.Span.EndToken);
        // "Russian shelling of Kherson", "the bombardment of Sumy": a place the event's noun takes with "of" is what it hit.
        if (verb == word && text.RelationOf(head) == "nmod" && text.PosOf(word) is "NN" && HasCase(text, head, "of")) return true;
        // "Sumy was shelled overnight", "the Kyiv region came under attack": what undergoes the event is where it happened.
        if (verb == word && (text.RelationOf(head) == "nsubj:pass" || (text.RelationOf(head) == "nsubj" && UnderTheEvent(text, word)))) return true;
        if (text.RelationOf(head) != "obj") return false;
        if (verb == word) return true;
        // "A barrage of missiles targeted Ukraine overnight" read with "targeted" as a participle of "missiles": a
        // participle of hitting with an object of its own is the clause's verb, and its object is what the event hit.
        if (text.RelationOf(verb) == "acl" && text.HeadOf(verb) is var noun and >= 0 && (noun == word || text.HeadOf(noun) == word && text.RelationOf(noun) == "nmod")
            && Lemmas.Candidates(text.WordOf(verb)).Any(RoleWords.ImpactVerbs.Contains)) return true;
        // "a missile strike hit Zaporizhzhia"; "drones hit Kharkiv overnight, killing two people": the event word is the
        // subject of a verb of hitting, or a participle hanging from it.
        if (!Lemmas.Candidates(text.WordOf(verb)).Any(RoleWords.ImpactVerbs.Contains)) return false;
        if (text.HeadOf(word) == verb && text.RelationOf(word) is "nsubj" or "advcl" or "xcomp") return true;
        // "jets launched an airstrike on Tuesday, targeting Serei Saophoan": a participle of hitting that continues the verb
        // whose object the event's noun is, as what its subject carried out.
        return text.RelationOf(word) == "obj" && text.HeadOf(word) is var light and >= 0 && text.HeadOf(verb) == light && text.RelationOf(verb) == "advcl"
            && Lemmas.Candidates(text.WordOf(light)).Any(RoleWords.LightVerbs.Contains);
    }

    /// <summary>The time expression that starts right after a place ("Sumy late on Sunday"); null when none does.</summary>
    private static TokenSpan? TimeRightAfter(AnnotatedText text, TokenSpan place)
    {
        foreach (var t in text.Times)
            if (t.Span.StartToken == place.EndToken) return t.Span;
        return null;
    }

    /// <summary>The word outside a span its words hang from ("struck" for "late on Sunday"); -1 when they hang from none or from two.</summary>
    private static int GovernorOf(AnnotatedText text, TokenSpan span)
    {
        var governor = -1;
        for (var i = span.StartToken; i < span.EndToken; i++)
        {
            var up = text.HeadOf(i);
            if (span.Contains(up) || text.RelationOf(i) == "punct") continue;
            if (governor >= 0 && up != governor) return -1;
            governor = up;
        }
        return governor;
    }

    /// <summary>The site noun (@site-nouns) a place compounds into, over at most two nouns between; -1 when none.</summary>
    private static int SiteHead(AnnotatedText text, int head, int after)
    {
        var up = text.HeadOf(head);
        // "the Kramatorsk railway station": the parse may hang the name on the noun between.
        while (up >= after && up - after < 2 && text.RelationOf(up) == "compound" && text.HeadOf(up) is var next and > 0 && next > up && next - after <= 2) up = next;
        if (up < after || up - after > 2 || text.PosOf(up) is not ("NN" or "NNS")) return -1;
        return RoleWords.SiteNouns.Contains(text.WordOf(up).ToLowerInvariant()) ? up : -1;
    }

    /// <summary>Whether the place is a compound of an area noun that an "of" phrase names ("the Black Sea port of Odesa").</summary>
    private static bool DescribesNamedArea(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        return text.RelationOf(head) == "compound" && text.HeadOf(head) is var area and >= 0 && area >= place.EndToken
            && RoleWords.AreaNouns.Contains(text.WordOf(area)) && NamesItsArea(text, sentence, area);
    }

    /// <summary>Whether an area noun has an "of" phrase naming it ("port of Odesa", "town of Kantharalak").</summary>
    private static bool NamesItsArea(AnnotatedText text, TokenSpan sentence, int area)
    {
        for (var d = area + 1; d < sentence.EndToken; d++)
            if (text.HeadOf(d) == area && text.RelationOf(d) == "nmod" && text.PosOf(d) is "NNP" && HasCase(text, d, "of")) return true;
        return false;
    }

    private static bool HasCase(AnnotatedText text, int d, string word) => SyntaxActors.HasCase(text, d, word);

    /// <summary>
    /// "The governor of the Kharkiv region said drones hit …", "the mayor of Odesa said a strike …": the area of an office
    /// whose holder speaks before the event's word in the sentence; weaker than any place the event's own clause gives.
    /// So too a holder credited after it ("three civilians were injured, according to the deputy governor of Oddar
    /// Meanchey province", "…, said the mayor of Odesa").
    /// </summary>
    private static bool IsAreaOfOffice(AnnotatedText text, TokenSpan sentence, PlaceMention place, TriggerMatch trigger)
    {
        if (place.Kind is not (PlaceKind.City or PlaceKind.Admin1 or PlaceKind.Region)) return false;
        var after = place.Span.StartToken >= trigger.Span.EndToken;
        if (!after && place.Span.EndToken > trigger.Span.StartToken) return false;
        var i = place.Span.StartToken - 1;
        if (i >= sentence.StartToken && text.WordOf(i) is "the" or "The") i--;
        if (i - 1 < sentence.StartToken || text.WordOf(i) != "of" || !RoleWords.JurisdictionNouns.Contains(text.WordOf(i - 1))) return false;
        // The speech verb stands between the place and the event's word: the holder tells of the event.
        var (from, to) = after ? (trigger.Span.EndToken, i - 1) : (place.Span.EndToken, trigger.Span.StartToken);
        for (var t = from; t < to; t++)
        {
            if (text.PosOf(t) is "VBD" or "VBZ" or "VBP" && Lemmas.Candidates(text.WordOf(t)).Any(RoleWords.SpeechVerbs.Contains)) return true;
            if (after && text.WordOf(t).Equals("according", StringComparison.OrdinalIgnoreCase) && text.WordOf(t + 1) == "to") return true;
        }
        return false;
    }

    /// <summary>"under attack", "under fire": the event's noun after "under", said of its subject.</summary>
    private static bool UnderTheEvent(AnnotatedText text, int word)
    {
        for (var d = Math.Max(0, word - 3); d < word; d++)
        {
            if (text.HeadOf(d) == word && text.RelationOf(d) == "case" && text.WordOf(d).Equals("under", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
