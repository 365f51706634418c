using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Where something else happened: a gathering or statement, where victims were taken or a thing sent, a thing's origin or kind.
public sealed partial class EventReader
{
    /// <summary>
    /// "followed negotiations in Switzerland", "a meeting on Monday in Abu Dhabi": a place that hangs from a noun of a
    /// gathering (data/events/syntax-roles.txt @gathering-nouns) other than the event's word is where that happened.
    /// </summary>
    private static bool IsPlaceOfGathering(AnnotatedText text, TokenSpan sentence, TokenSpan place, TriggerMatch trigger)
    {
        // "negotiations in Geneva" right before the place, whatever the parse attached the phrase to.
        var before = place.StartToken - 2;
        if (before >= sentence.StartToken && !trigger.Span.Contains(before) && text.PosOf(before) is "NN" or "NNS"
            && RoleWords.GatheringNouns.Contains(text.WordOf(before)) && text.PosOf(before + 1) is "IN") return true;
        // "a secret meeting on Monday between X and a delegation in Abu Dhabi", "a meeting … called by Cambodia and held
        // late on Friday in New York": further back, a gathering that no verb of its own clause and no event word part
        // from the place (participles that describe the gathering do not).
        for (var i = place.StartToken - 1; i >= sentence.StartToken && place.StartToken - i <= GatheringReach; i--)
        {
            if (trigger.Span.Contains(i) || text.PosOf(i) is "VBD" or "VBZ" or "VBP" or "MD" || text.WordOf(i) is ";" or ":") return false;
            if (text.PosOf(i) is "NN" or "NNS" && RoleWords.GatheringNouns.Contains(text.WordOf(i))) return true;
        }
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        if (head < 0 || text.HeadOf(head) is var governor && governor < 0 || trigger.Span.Contains(governor)) return false;
        return text.PosOf(governor) is "NN" or "NNS" && RoleWords.GatheringNouns.Contains(text.WordOf(governor));
    }

    /// <summary>
    /// "the first strike of the campaign outside the Arabian Sea", "beyond Somalia": an area (a sea, a country, a
    /// division) right after "outside" or "beyond" (data/events/syntax-roles.txt @outside-prepositions), with at most
    /// "the" between, is where it did not happen. A town after them ("outside Kabul") is its surroundings, and stays.
    /// </summary>
    private static bool IsOutsideArea(AnnotatedText text, TokenSpan sentence, PlaceMention place)
    {
        if (place.Kind == PlaceKind.City) return false;
        var i = place.Span.StartToken - 1;
        if (i >= sentence.StartToken && text.WordOf(i).Equals("the", StringComparison.OrdinalIgnoreCase)) i--;
        return i >= sentence.StartToken && RoleWords.OutsidePrepositions.Contains(text.WordOf(i).ToLowerInvariant());
    }

    /// <summary>
    /// "evacuated to the regional hospital in Ouahigouya", "airlifted to Kyiv": a town after a verb that moves victims
    /// (data/events/syntax-roles.txt @moving-verbs) and "to", with at most a few words of the destination between and no
    /// comma, is where the victims were taken, not where the attack happened ("rockets struck the hospital in Surin" is
    /// placed at Surin: the hospital there was the target). So is a town after a victim's later death and a place of care
    /// ("died in hospital in Osh": @later-death-verbs, @care-nouns).
    /// </summary>
    private static bool IsWhereVictimsWereTaken(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        var care = false;
        // "died of his wounds in a hospital in Djibouti": the cause of a later death does not count towards the reach.
        var skipped = 0;
        for (var i = place.StartToken - 1; i > sentence.StartToken && place.StartToken - i - skipped <= 6; i--)
        {
            var word = text.WordOf(i);
            if (care && i - 2 > sentence.StartToken && text.WordOf(i - 2).Equals("of", StringComparison.OrdinalIgnoreCase) && text.PosOf(i - 1) == "PRP$"
                && word.ToLowerInvariant() is "wounds" or "injuries" or "burns")
            {
                i -= 2;
                skipped += 3;
                continue;
            }
            if (word is "," or ";" or ":") return false;
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase) && RoleWords.MovingVerbs.Contains(text.WordOf(i - 1).ToLowerInvariant())) return true;
            // "three wounded soldiers died in hospital in Osh": where they died of their wounds.
            care |= RoleWords.CareNouns.Contains(word.ToLowerInvariant());
            if (care && RoleWords.LaterDeathVerbs.Contains(word.ToLowerInvariant())) return true;
            if (word.Equals("to", StringComparison.OrdinalIgnoreCase)) return false;
        }
        return false;
    }

    /// <summary>
    /// Where people other than the attack's are, by the words before the place's preposition: where people sought refuge
    /// ("sought refuge in Bunia", "took shelter in X"), where a speaker is based or speaks from ("a UN official based in Port
    /// Sudan", "speaking from Mandalay", "told reporters in Yangon", "said by telephone from Goma"). Lists in
    /// data/events/syntax-roles.txt (@refuge-verbs, @refuge-nouns, @stationed-words, @speaking-words, @audience-nouns).
    /// </summary>
    private static bool IsWhereOthersAre(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        var at = PrepositionOfPlace(text, place.StartToken, sentence);
        if (at - 1 < sentence.StartToken) return false;
        var preposition = text.WordOf(at).ToLowerInvariant();
        var before = text.WordOf(at - 1).ToLowerInvariant();
        if (preposition is "in" or "at" && RoleWords.StationedWords.Contains(before)) return true;
        // "called on Washington to stop them", "urged Kyiv to": a place addressed stands for its government.
        if (preposition is "on" or "upon" && RoleWords.AddressingVerbs.Contains(before) || at == place.StartToken - 1 && RoleWords.AddressingVerbs.Contains(preposition))
            return true;
        // "sought refuge in X", "took shelter in X": a noun of refuge after a verb of seeking ("a shelter in X" alone may be
        // what was hit).
        if (preposition is "in" or "to" && RoleWords.RefugeNouns.Contains(before) && at - 2 >= sentence.StartToken)
        {
            var verb = text.WordOf(at - 2).ToLowerInvariant();
            if (RoleWords.RefugeVerbs.Contains(verb)) return true;
        }
        if (preposition is not ("in" or "from" or "at")) return false;
        // Past whom the speaker talks to or through: "told reporters in", "told Reuters by telephone from".
        var i = at - 1;
        while (i > sentence.StartToken && at - i <= 4 && (RoleWords.AudienceNouns.Contains(text.WordOf(i)) || text.WordOf(i).ToLowerInvariant() is "by" or "via" or "a" or "the"
            || text.PosOf(i) is "NNP")) i--;
        var word = text.WordOf(i).ToLowerInvariant();
        if (RoleWords.SpeakingWords.Contains(word)) return true;
        if (word is "told" or "tells" or "telling") return i < at - 1;
        // "said from Goma": any verb of saying with "from" ("said in X that …" may still place the news).
        return preposition == "from" && text.PosOf(i) is ['V', 'B', ..] && Lemmas.Candidates(word).Any(RoleWords.SpeechVerbs.Contains);
    }

    /// <summary>
    /// "gunmen fired on a bus on its way from a shrine to Jammu", "a convoy heading to Gao was ambushed": a town after "to"
    /// that a word of a journey (data/events/syntax-roles.txt @journey-words) leads to, within a few words and no clause
    /// break or verb of its own between, is where the travellers were going, not where they were attacked.
    /// </summary>
    private static bool IsDestination(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        var at = PrepositionOfPlace(text, place.StartToken, sentence);
        if (at < 0 || !text.WordOf(at).Equals("to", StringComparison.OrdinalIgnoreCase)) return false;
        for (var i = at - 1; i >= sentence.StartToken && at - i <= JourneyReach; i--)
        {
            var word = text.WordOf(i).ToLowerInvariant();
            if (RoleWords.JourneyWords.Contains(word)) return true;
            if (word is "," or ";" or ":" || text.PosOf(i) is "VBD" or "VBZ" or "VBP" or "MD") return false;
        }
        return false;
    }

    /// <summary>How many words before "to" a word of a journey may stand ("on its way from the old temple to").</summary>
    private const int JourneyReach = 7;

    /// "sent a protest note to Bishkek": a place a verb of sending (data/events/syntax-roles.txt @sending-verbs) takes with
    /// "to" is where the thing sent went, not where the attack happened; troops sent to a place (a deployment, MOBILIZE) go
    /// where the event is, so the caller keeps that place for them.
    /// </summary>
    private static bool IsWhereSomethingWasSent(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        if (head < 0 || text.HeadOf(head) is not (var verb and >= 0)) return false;
        // "sent a note to X" may be parsed with the place under the thing sent: its verb is the one that sends.
        if (text.PosOf(verb) is "NN" or "NNS" && text.RelationOf(verb) == "obj") verb = text.HeadOf(verb);
        if (verb < 0 || text.PosOf(verb) is not ['V', 'B', ..] || !RoleWords.SendingVerbs.Contains(text.WordOf(verb).ToLowerInvariant())) return false;
        for (var d = sentence.StartToken; d < head; d++)
            if (text.HeadOf(d) == head && text.RelationOf(d) == "case" && text.WordOf(d).Equals("to", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>How many words back from a place a noun of a gathering may stand and still be where the place belongs.</summary>
    private const int GatheringReach = 20;

    /// <summary>
    /// Whether the parse shows a place as where a thing comes from, not where something happened: "from" with the place
    /// hanging under a noun ("a boat from Venezuela", "migrants from Haiti").
    /// </summary>
    private static bool IsOriginOfThing(AnnotatedText text, TokenSpan sentence, TokenSpan place, TriggerMatch? trigger = null)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        if (head < 0 || text.HeadOf(head) is var governor && governor < 0) return false;
        if (text.PosOf(governor) is not ("NN" or "NNS")) return false;
        for (var d = sentence.StartToken; d < head; d++)
        {
            if (text.HeadOf(d) != head || text.RelationOf(d) != "case") continue;
            if (text.WordOf(d).Equals("from", StringComparison.OrdinalIgnoreCase)) return true;
            // "pressure on Russia", "sanctions against Iran": what a noun other than the event's word bears on, not where.
            if (trigger is not null && !trigger.Span.Contains(governor) && RoleWords.BearingPrepositions.Contains(text.WordOf(d)) && !RoleWords.AreaNouns.Contains(text.WordOf(governor))) return true;
        }
        return false;
    }

    /// <summary>
    /// "killed in U.S. attacks on boats", "in Venezuela policy": a name that modifies a common noun after it says whose or
    /// what kind the thing is, not where; an area noun is the place itself ("in Kharkiv region", "the Kherson province"), and a
    /// site noun is there ("the Volgograd oil refinery").
    /// </summary>
    private static bool ModifiesAThing(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        if (head < 0 || text.RelationOf(head) is not ("compound" or "amod")) return false;
        var governor = text.HeadOf(head);
        return governor >= place.EndToken && text.PosOf(governor) is "NN" or "NNS" && !RoleWords.AreaNouns.Contains(text.WordOf(governor)) && SiteHead(text, head, place.EndToken) < 0;
    }

    /// <summary>
    /// "killed three, a day after a strike in the Andaman Sea killed four", "hours before the raid on the port of X": a
    /// place in the phrase of a noun that a link to another event takes (@other-event-links in
    /// data/events/syntax-roles.txt) is where that other event happened, unless the event's own words hold that noun ("The
    /// attack came two days after a strike in the Eastern Pacific killed two": the event of "attack" joined with the
    /// strike it came after is that strike, dated back by the lapse). Read
    /// from the words (the parse often errs in such sentences): the link, up to four words of the noun phrase, its noun, a
    /// place preposition and the place; a point of the day ("after dawn in the gulf") is no other event.
    /// </summary>
    private static bool InOtherEventsPhrase(AnnotatedText text, TokenSpan sentence, TokenSpan place, TriggerMatch trigger, List<Reading>? group)
    {
        var at = PrepositionOfPlace(text, place.StartToken, sentence);
        if (at - 1 <= sentence.StartToken) return false;
        var noun = at - 1;
        if (text.PosOf(noun) is not ("NN" or "NNS") || RoleWords.ClockNouns.Contains(text.WordOf(noun).ToLowerInvariant()) || trigger.Span.Contains(noun)
            || group is not null && group.Exists(r => r.Trigger.Span.Contains(noun))) return false;
        for (var k = noun - 1; k >= sentence.StartToken && noun - k <= 4; k--)
        {
            if (RoleWords.OtherEventLinks.Contains(text.WordOf(k).ToLowerInvariant())) return true;
            if (text.PosOf(k) is not ("DT" or "JJ" or "JJS" or "CD" or "PRP$" or "NN" or "NNS" or "VBN")) return false;
        }
        return false;
    }
}
