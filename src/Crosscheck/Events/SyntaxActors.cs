using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Who did it, read from the parse: an event's actor is its subject, or its agent when passive ("was struck by a
/// drone"), found through coordination and control (a verb with no subject of its own takes its governor's: "attacked
/// and sank", "began to shell"), a gerund adjunct ("…, killing four") and a relative clause ("rebels who attacked", the
/// noun the clause modifies), a gerund after a preposition ("training forces after bombing ships": the clause's
/// subject). An event noun takes a compound, possessive or nationality actor ("US strikes", "Russia's attack",
/// "Thai shelling"), its
/// "by" phrase, or, as the object of a light verb (data/events/syntax-roles.txt: "carried out three strikes"), that
/// verb's subject, and so does the object of a plain verb ("has established diplomatic ties"). Reported speech gives no
/// actor: the subject of "said", "called" or "condemned" did not strike (speech verbs and other event words are not
/// climbed through, nor is a clausal complement).
/// </summary>
internal static partial class SyntaxActors
{
    /// <summary>What <see cref="OwnActor"/> gives for a verb whose subject is its victim: no actor, and none further up.</summary>
    private const int Victim = -2;

        /// <summary>How many governors a subject is looked for through.</summary>
    private const int MaxHops = 4;

    /// <summary>The token heading the actor phrase of the event at <paramref name="head"/>, or -1 when the parse gives none.</summary>
    public static int ActorOf(AnnotatedText text, int head, Func<int, bool> isEventWord) => ActorOf(text, head, isEventWord, out _);

    /// <summary>
    /// As <see cref="ActorOf(AnnotatedText, int, Func{int, bool})"/>; <paramref name="claimed"/> says whether the actor is
    /// one by its own claim of the event ("X claimed responsibility for the attack").
    /// </summary>
    public static int ActorOf(AnnotatedText text, int head, Func<int, bool> isEventWord, out bool claimed)
    {
        claimed = false;
        // A gerund after a preposition ("… is training forces after bombing ships") is its clause's doing, however the
        // parse attached it: the subject of the nearest governing clause that has one.
        if (text.PosOf(head) == "VBG" && head > 0 && text.PosOf(head - 1) == "IN" && OwnActor(text, head) < 0)
        {
            // "accused troops of killing", "blamed the militia for shelling": the one accused did it.
            if (RoleWords.ObjectControlCases.Contains(text.WordOf(head - 1).ToLowerInvariant()) && ObjectBefore(text, head) is var accused and >= 0)
                return accused;
            for (var up = text.HeadOf(head); up >= 0; up = text.HeadOf(up))
            {
                if (OwnActor(text, up) is var subject and >= 0 && subject != head) return subject;
            }
        }
        // "the two people killed in last week's U.S. strike", "died in a Russian attack": an outcome with no doer of its own
        // takes the side its attack noun names.
        if (OwnActor(text, head) < 0 && InAttackOf(text, head) is var side and >= 0) return side;
        var t = head;
        for (var hop = 0; hop <= MaxHops && t >= 0; hop++)
        {
            if (OwnActor(text, t) is var own and (>= 0 or Victim)) return own >= 0 ? own : -1;
            if (Claimant(text, t) is var claimant and >= 0)
            {
                claimed = true;
                return claimant;
            }
            var relation = text.RelationOf(t) ?? "";
            var governor = text.HeadOf(t);
            if (governor < 0) return -1;
            // A conjunct shares its first conjunct's subject only as a verb of a verb: a noun joined to a clause ("…, which
            // Trump said killed three, and the Sept. 2 attack") has no subject from that clause.
            // A clause opened by a subordinator ("as the US military kept up its strikes", misparsed as a conjunct) is no
            // coordinated verb and shares no subject.
            // "Petro has called the strikes murder": a judgement's predicate ("murder", "an act of aggression") is no
            // doing of the one who judges, so an object complement climbs to no speech or judging verb.
            var climbs = relation is "xcomp" && !IsSpeechVerb(text, governor) || relation == "conj" && IsVerb(text, t) == IsVerb(text, governor) && !HasMark(text, t)
                || (relation == "advcl" && text.PosOf(t) == "VBG")
                || (relation is "obj" or "nsubj:pass" && IsLightVerb(text, governor))
                // "carried out two strikes", the particle misread as the noun's preposition: a light verb's object all the same.
                || (relation == "obl" && IsNoun(text, t) && IsLightVerb(text, governor) && governor + 1 < t && text.HeadOf(governor + 1) == t
                    && text.RelationOf(governor + 1) == "case")
                // "Sri Lanka has established diplomatic ties": the object of a plain verb is its subject's doing, unless
                // the verb says or judges it or is an event of its own ("condemned the attack").
                || (relation == "obj" && IsVerb(text, governor) && !isEventWord(governor) && !IsSpeechVerb(text, governor)
                    && !IsUndergoVerb(text, governor))
                // "has killed dozens of people in strikes": the strikes are the killing's.
                // Not "killed 40 villagers three days after an attack": an event set in time against the killing is another's.
                || (relation == "obl" && IsNoun(text, t) && CasualtyFinder.IsOutcomeWord(text.WordOf(governor)) && !SyntaxGrouping.SetInTime(text, t));
            if (!climbs) return -1;
            t = governor;
        }
        return -1;
    }

    /// <summary>
    /// The object of the verb of blaming or crediting a gerund hangs from ("accused troops of killing"), or the object the
    /// gerund itself describes when the parse hangs it there ("accused the army of executing"); -1 when the nearest
    /// governing verb is no such verb or has no object.
    /// </summary>
    private static int ObjectBefore(AnnotatedText text, int gerund)
    {
        var up = text.HeadOf(gerund);
        if (up >= 0 && text.RelationOf(up) == "obj" && IsNoun(text, up) && IsObjectControl(text, text.HeadOf(up))) return up;
        for (var hop = 0; up >= 0 && hop < 2; hop++, up = text.HeadOf(up))
        {
            if (!IsVerb(text, up)) continue;
            if (!IsObjectControl(text, up)) return -1;
            var sentence = text.SentenceOf(up);
            for (var d = up + 1; d < gerund && d < sentence.EndToken; d++)
            {
                if (text.HeadOf(d) == up && text.RelationOf(d) == "obj" && IsNoun(text, d)) return d;
            }
            return -1;
        }
        return -1;
    }

    /// <summary>
    /// "The U.S. military said it carried out a strike", "Russia said it struck": "it" as the subject of what a speech
    /// verb reports stands for that verb's subject when the subject is a body (a country, an organisation, an armed group, or one of
    /// the <c>@institution-nouns</c> of syntax-roles.txt), which speaks of its own act; a person is never "it". "they"
    /// stands for such a body in the plural ("US forces said they carried out a strike"); a participle of saying speaks for
    /// the subject of its clause ("X claimed the attack, saying it had killed 20"). The subject's token, or
    /// <paramref name="actor"/> otherwise.
    /// </summary>
    public static int SpeakerForPronoun(AnnotatedText text, int actor)
    {
        var they = text.WordOf(actor).Equals("they", StringComparison.OrdinalIgnoreCase);
        if (!they && !text.WordOf(actor).Equals("it", StringComparison.OrdinalIgnoreCase) || text.RelationOf(actor) != "nsubj") return actor;
        var clause = text.HeadOf(actor);
        if (clause < 0 || text.RelationOf(clause) != "ccomp" || text.HeadOf(clause) is var speech && speech < 0 || !IsSpeechVerb(text, speech)) return actor;
        var sentence = text.SentenceOf(actor);
        // "X claimed the attack, saying it had killed 20": a participle of saying with no subject of its own speaks for
        // the subject of the clause it hangs from.
        if (text.PosOf(speech) == "VBG" && text.RelationOf(speech) is "advcl" or "xcomp" or "conj" && !HasChild(text, speech, "nsubj", _ => true)
            && text.HeadOf(speech) is var governor and >= 0) speech = governor;
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
        {
            // "US forces said they had carried out a strike": "they" for a plural body ("forces", "the militants").
            if (text.HeadOf(d) == speech && text.RelationOf(d) == "nsubj")
                return IsBody(text, d) && (!they || text.PosOf(d) is "NNS" or "NNPS" || RoleWords.InstitutionNouns.Contains(text.WordOf(d).ToLowerInvariant())) ? d : actor;
        }
        return actor;
    }

    /// <summary>A body that can be "it": an institution noun, or a country or organisation named by the word itself.</summary>
    private static bool IsBody(AnnotatedText text, int token)
    {
        if (!IsNoun(text, token)) return false;
        if (RoleWords.InstitutionNouns.Contains(text.WordOf(token).ToLowerInvariant())) return true;
        return text.EntityAt(token) is { } m && m.Type is EntityType.Org or EntityType.Gpe or EntityType.Group;
    }

    /// <summary>Whether a subordinator ("as", "while", "because") hangs from the verb: it opens a clause of its own.</summary>
    private static bool HasMark(AnnotatedText text, int t)
    {
        var sentence = text.SentenceOf(t);
        for (var d = sentence.StartToken; d < t; d++)
        {
            if (text.HeadOf(d) == t && text.RelationOf(d) == "mark") return true;
        }
        return false;
    }

    /// <summary>An actor the token's own dependents give: agent of a passive, subject, a relative clause's noun, an event noun's compound, possessive or "by" phrase.</summary>
    private static int OwnActor(AnnotatedText text, int t)
    {
        var sentence = text.SentenceOf(t);
        var passive = false;
        int subject = -1, agent = -1, modifier = -1;
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
        {
            if (text.HeadOf(d) != t || d == t) continue;
            switch (text.RelationOf(d))
            {
                case "aux:pass" or "nsubj:pass":
                    passive = true;
                    break;
                case "cop":
                    // "It was the 15th strike": the subject of a copula names the event, it did not act.
                    return -1;
                case "nsubj":
                    subject = d;
                    break;
                case "obl:agent":
                    agent = d;
                    break;
                case "obl" or "nmod" when HasCase(text, d, "by"):
                    agent = d;
                    break;
                // ("The Pacific strike": a sea or a region says where, not who.)
                case "compound" or "nmod:poss" when IsNoun(text, t) && modifier < 0 && IsNamey(text, d) && !text.InTime(d)
                    && text.EntityAt(d) is not { Type: EntityType.Loc or EntityType.Facility }:
                    modifier = d;
                    break;
                // "Armenian shelling", "Thai artillery fire": a nationality adjective on an event noun names its side.
                case "amod" when IsNoun(text, t) && modifier < 0 && text.EntityAt(d) is { Type: EntityType.Norp, Known.Country: not null }:
                    modifier = d;
                    break;
            }
        }
        if (agent >= 0) return agent;
        if (passive) return -1;
        // "two crew members died": who dies, drowns or succumbs undergoes the event; the subject is a victim, and no actor
        // (a conjunct, "… died and three were wounded", finds none there either).
        if (subject >= 0 && IsVerb(text, t) && CasualtyFinder.TellsDeath(text.WordOf(t))) return Victim;
        if (subject >= 0)
        {
            // "rebels who attacked the post": the relative pronoun stands for the noun.
            if (RoleWords.RelativePronouns.Contains(text.WordOf(subject)) && text.RelationOf(t) == "acl:relcl") return text.HeadOf(t);
            // "A bomb exploded near a convoy", "a shell hit the school": the munition is the means, not who attacked.
            return RoleWords.MunitionNouns.Contains(text.WordOf(subject)) ? -1 : subject;
        }
        return modifier;
    }

    /// <summary>
    /// For an outcome word ("killed", "died", "wounded") with an "in" or "during" phrase whose noun names its own side
    /// ("in the U.S. strike", "during Thai shelling"): that side's token; -1 otherwise.
    /// </summary>
    private static int InAttackOf(AnnotatedText text, int outcome)
    {
        if (!(text.PosOf(outcome) ?? "").StartsWith("VB", StringComparison.Ordinal) || !CasualtyFinder.IsOutcomeWord(text.WordOf(outcome))) return -1;
        var sentence = text.SentenceOf(outcome);
        ImmutableArray<TriggerMatch>? attacks = null;
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
        {
            if (text.HeadOf(d) != outcome || text.RelationOf(d) != "obl" || !IsNoun(text, d)) continue;
            if (!HasCase(text, d, "in") && !HasCase(text, d, "during")) continue;
            // Only an attack word: "killed in Kyiv's Obolon district" names a place's owner, no side.
            attacks ??= TriggerLexicon.Default.Match(text, sentence);
            if (!attacks.Value.Any(m => m.Entry.Type == PloverType.Assault && m.Span.Contains(d))) continue;
            if (OwnActor(text, d) is var side and >= 0) return side;
        }
        return -1;
    }

    internal static bool HasCase(AnnotatedText text, int d, string word)
    {
        var sentence = text.SentenceOf(d);
        for (var c = sentence.StartToken; c < d; c++)
        {
            if (text.HeadOf(c) == d && text.RelationOf(c) == "case" && text.WordOf(c).Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsNoun(AnnotatedText text, int t) => text.PosOf(t) is { } p && p.StartsWith("NN", StringComparison.Ordinal);

    /// <summary>A proper noun: "US strikes", "Russia's attack"; not "drug boats", "boat strikes" or an unresolved "its".</summary>
    private static bool IsNamey(AnnotatedText text, int d) => text.PosOf(d) is "NNP" or "NNPS";

    private static bool IsVerb(AnnotatedText text, int t) => text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal);

    private static bool IsObjectControl(AnnotatedText text, int t) =>
        t >= 0 && IsVerb(text, t) && Lemmas.Candidates(text.WordOf(t)).Any(RoleWords.ObjectControlVerbs.Contains);

    internal static bool IsSpeechVerb(AnnotatedText text, int t) => Lemmas.Candidates(text.WordOf(t)).Any(RoleWords.SpeechVerbs.Contains);

    /// <summary>"survived", "suffered", "witnessed": the subject underwent or saw the event in the object.</summary>
    private static bool IsUndergoVerb(AnnotatedText text, int t) => Lemmas.Candidates(text.WordOf(t)).Any(RoleWords.UndergoVerbs.Contains);

    internal static bool IsLightVerb(AnnotatedText text, int t) =>
        text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && Lemmas.Candidates(text.WordOf(t)).Any(RoleWords.LightVerbs.Contains);
}
