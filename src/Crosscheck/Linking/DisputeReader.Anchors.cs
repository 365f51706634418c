using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Which event a dispute is about: a disputable event of its sentence, the allegation told before, else the article's first news.</summary>
internal static partial class DisputeReader
{
    /// <summary>
    /// Events a party can dispute as a fact of an incident: attacks, seizures and deployments told as fact (or denied), not
    /// the talks, appeals and accusations around them ("Thailand is urging a UN mission, while Cambodia denies the allegations").
    /// </summary>
    private static bool Disputable(EventFacts e) => IncidentMatcher.ClassOf(e.Modality) == ModalityClass.Factual
        && e.Type is PloverType.Assault or PloverType.Coerce or PloverType.Mobilize;

    /// <summary>The token of the event's trigger word in the sentence, or -1.</summary>
    private static int TriggerToken(AnnotatedText text, TokenSpan sentence, EventFacts e)
    {
        var first = e.Trigger.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null) return -1;
        for (var t = sentence.StartToken; t < sentence.EndToken; t++)
        {
            if (text.StartOf(t) >= e.Start && text.EndOf(t) <= e.End && string.Equals(text.WordOf(t), first, StringComparison.OrdinalIgnoreCase)) return t;
        }
        return -1;
    }

    /// <summary>
    /// The event the dispute is about: a disputable event of its sentence, nearest the cue. A deny verb whose object is
    /// neither a claim nor a responsibility ("denies the presence of militants", "denied any links to the gang") disputes that
    /// thing: only an event its object holds. The speaker's own further words ("denied retaliating and claimed the attacks
    /// wounded civilians") are not what is denied, and a mutual blame is for the news, never for a fight it recalls nor for
    /// an attack told as one side's own act ("Thailand launched air strikes …, as both sides traded blame for the fighting"). Without one,
    /// a denied allegation ("denied these allegations", "reject the claims") is the one told in the sentence before (passing
    /// over up to two that tell no event, such as a quote; when that sentence holds another party's dispute, the event it
    /// disputes), none when that sentence tells no single event (the allegation is of something else: "Pakistan accuses the Taliban of
    /// sheltering militants") or when its own sentence tells the allegation ("X claims …, a charge Y denies"); else the
    /// article's first disputable reported news ("disputed the account").
    /// </summary>
    private static string? AnchorOf(AnnotatedText text, IReadOnlyList<EventFacts> events, TokenSpan sentence, int cue, string kind, int? claim,
        IReadOnlyList<DisputeFacts>? earlier = null, bool mutual = false)
    {
        var denial = kind == "denial";
        var parsed = SyntaxScope.HasParse(text, sentence);
        var cueStart = text.StartOf(cue);
        // Only a true object names what is denied: with a parse its "obj", never a day ("denied today that …").
        var other = claim is { } o && !ClaimNouns.Contains(text.WordOf(o)) && !ResponsibilityNouns.Contains(text.WordOf(o).ToLowerInvariant())
            && !text.InTime(o) && (!parsed || text.HeadOf(o) == cue && text.RelationOf(o) == "obj");
        var inSentence = events.Where(e => e.Start < sentence.End && e.End > sentence.Start && Disputable(e)
                && !string.Equals(e.Trigger, text.WordOf(cue), StringComparison.OrdinalIgnoreCase))
            .Where(e => kind != "blame" || e.Salience != "background")
            .Where(e => !mutual || !OneSided(e))
            // The party's own denial of harm ("denied that civilians were killed") is its account, not the event it disputes.
            // and what it says after ("… and said the jets hit a rebel depot") is its own account too.
            .Where(e => kind != "victims" || e.Modality != Modality.Denied && (!IsVerb(text, cue, DenyVerbs) || TriggerToken(text, sentence, e) < cue))
            // Who the dead were is said of an attack, not of a seizure the speaker tells beside it ("the dead were men seized at a market").
            .Where(e => kind != "victims" || e.Type == PloverType.Assault)
            // "no civilians were killed": the party's own kill word is its account, not the event it disputes.
            .Where(e => kind != "victims" || TriggerToken(text, sentence, e) is not (var k and > 0) || k <= cue || k > cue + 3 || !KillWords.Contains(text.WordOf(k).ToLowerInvariant()))
            .Where(e => !parsed || !(kind is "denial" or "dispute") || TriggerToken(text, sentence, e) is var t && t < 0
                || (other ? t == claim || Within(text, t, claim!.Value) : !InConjunct(text, t, cue)))
            .OrderBy(e => denial && e.Modality == Modality.Denied ? 0 : 1).ThenBy(e => Math.Abs(e.Start - cueStart)).ThenBy(e => e.Start).ToList();
        if (inSentence.Count > 0) return inSentence[0].Id;
        if (other) return null;
        // "denied reports that the convoy had been carrying ballots": the clause denied tells something else than an attack.
        if (kind is "denial" or "dispute" && parsed && DeniedClause(text, events, cue, claim) is not null) return null;
        if (claim is { } c && AllegationNouns.Contains(text.WordOf(c)))
        {
            for (var t = sentence.StartToken; t < cue; t++)
            {
                if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && Lemmas.Candidates(text.WordOf(t)).Prepend(text.WordOf(t).ToLowerInvariant())
                        .Any(l => AllegationVerbs.Contains(l, StringComparer.OrdinalIgnoreCase))) return null;
            }
            // The sentence before that tells anything: a quote or a remark between that tells no event is passed over
            // ("… killed them at a checkpoint. \"He sold apples,\" his brother said. The police denied the allegations.").
            var index = text.SentenceIndexOf(sentence.StartToken) - 1;
            while (index > 0 && index >= text.SentenceIndexOf(sentence.StartToken) - MaxEventlessBefore
                && !events.Any(e => e.Start < text.Sentences[index].End && e.End > text.Sentences[index].Start)) index--;
            if (index < 0) return null;
            var previous = text.Sentences[index];
            // "Herders said the victims were civilians. The army rejected the accusations": the allegation is another party's
            // dispute, of the event that one disputes.
            if (earlier?.LastOrDefault(d => d.Start >= previous.Start && d.Start < sentence.Start && d.Event is not null) is { } disputed) return disputed.Event;
            return events.Where(e => e.Start < previous.End && e.End > previous.Start && Disputable(e) && !e.Plural)
                .OrderBy(e => denial && e.Modality == Modality.Denied ? 0 : 1).ThenByDescending(e => e.Start).FirstOrDefault()?.Id;
        }
        var before = events.Where(e => e.Modality == Modality.Asserted && e.Start < sentence.Start && Disputable(e) && (kind != "victims" || e.Type == PloverType.Assault)).ToList();
        var news = before.Where(e => e.Salience == "main").OrderBy(e => e.Start).FirstOrDefault() ?? before.OrderBy(e => e.Start).FirstOrDefault();
        // Two sides blaming each other blame each other for the fighting told before, not for a strike told first.
        if (mutual && before.Where(e => e.Salience == "main" && Reciprocal(e)).OrderBy(e => e.Start).FirstOrDefault() is { } fight) return fight.Id;
        // A mutual blame after news told as one side's own act ("Thailand launched air strikes …") is for the fighting as a
        // whole, not for that attack: none.
        return mutual && news is not null && OneSided(news) ? null : news?.Id;
    }

    /// <summary>
    /// Whether the event is told as one side's own act ("Thailand launched air strikes"): its actors name one country. Two
    /// sides blaming each other dispute who started the fighting, not an attack one of them is told as making.
    /// </summary>
    private static bool OneSided(EventFacts e) => e.Actors.Select(a => a.Country).OfType<string>().Distinct(StringComparer.Ordinal).Count() == 1
        && !Reciprocal(e);

    /// <summary>Whether the event's trigger tells both sides fighting (@reciprocal-words: "clashed", "exchanged", "fighting").</summary>
    private static bool Reciprocal(EventFacts e) => e.Trigger.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } word
        && Lemmas.Candidates(word).Prepend(word.ToLowerInvariant()).Any(ReciprocalWords.Contains);

    /// <summary>The lemmas of the article's disputable events' trigger words ("ambushed" → "ambush"), which name the attack again.</summary>
    private static HashSet<string> AttackLemmas(IReadOnlyList<EventFacts> events) => events.Where(Disputable)
        .Select(e => e.Trigger.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant()).OfType<string>()
        .SelectMany(w => Lemmas.Candidates(w).Prepend(w)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly System.Collections.Frozen.FrozenSet<string> ResponsibilityClauseWords = IncidentWords.DisputeSet("responsibility-clause-words");

    /// <summary>
    /// The clause a denial contests, when it tells an act: a verb clause of the claim noun ("denied reports that the convoy had
    /// been carrying ballots", "reports claiming …") or of the deny verb with no noun object ("denied that the convoy carried …");
    /// null when there is none, when it names an attack, seizure or deployment however told ("rejected allegations that its
    /// fighters carried out the ambush") or when it tells who was behind the event (@responsibility-clause-words,
    /// @responsibility-nouns: "denied that its forces were involved").
    /// </summary>
    private static int? DeniedClause(AnnotatedText text, IReadOnlyList<EventFacts> events, int cue, int? claim)
    {
        var noun = claim is { } c && ClaimNouns.Contains(text.WordOf(c)) ? c : -1;
        // A noun object other than a claim noun is what is denied; a noun inside the "that" clause ("denied that the village
        // was left unguarded") is no object.
        if (claim is { } o && noun < 0 && text.HeadOf(o) == cue && text.RelationOf(o) == "obj") return null;
        // The parse hangs "that …" on the noun or on the verb: both are read.
        foreach (var d in (noun >= 0 ? text[noun].Dependents : []).Concat(text[cue].Dependents))
        {
            if (d.Relation is not ("acl" or "ccomp") || text.PosOf(d.Index) is not { } p || !p.StartsWith("VB", StringComparison.Ordinal)) continue;
            var clause = d.Index;
            // "reports claiming that …": the clause of the saying.
            if (noun >= 0 && SyntaxActors.IsSpeechVerb(text, clause)
                && text[clause].Dependents.FirstOrDefault(x => x.Relation == "ccomp" && text.PosOf(x.Index) is { } q && q.StartsWith("VB", StringComparison.Ordinal)) is { Index: > 0 } said)
                clause = said.Index;
            // Beside a claim noun only a clause "that" opens ("reports that …"), not a participle describing it ("the figure as exaggerated").
            else if (noun >= 0 && !text[clause].Dependents.Any(x => x.Relation == "mark" && text.WordOf(x.Index).Equals("that", StringComparison.OrdinalIgnoreCase))) continue;
            var sentence = text.SentenceOf(clause);
            for (var t = sentence.StartToken; t < sentence.EndToken; t++)
            {
                if (t != clause && !Within(text, t, clause)) continue;
                var w = text.WordOf(t).ToLowerInvariant();
                if (ResponsibilityClauseWords.Contains(w) || ResponsibilityNouns.Contains(w)) return null;
                // "rejected allegations that its fighters carried out the ambush": an attack the clause names, however told.
                if (events.Any(e => e.Type is PloverType.Assault or PloverType.Coerce or PloverType.Mobilize && TriggerToken(text, sentence, e) == t)
                    || AttackLemmas(events).Overlaps(Lemmas.Candidates(w).Prepend(w))) return null;
            }
            return clause;
        }
        return null;
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> ReciprocalWords = IncidentWords.DisputeSet("reciprocal-words");

    /// <summary>How many sentences telling no event a denied allegation's sentence may stand after the one that tells it.</summary>
    private const int MaxEventlessBefore = 2;

    /// <summary>
    /// Whether the token lies in a clause conjoined to the cue's verb ("denied X and claimed Y": Y), or after a verb conjoined
    /// to it when the parse hung what follows elsewhere ("denied the allegations and insisted those killed were insurgents who
    /// had opened fire", its root the noun).
    /// </summary>
    private static bool InConjunct(AnnotatedText text, int token, int cue)
    {
        foreach (var d in text[cue].Dependents)
        {
            if (d.Relation is "conj" && d.Index < token && text.PosOf(d.Index) is { } p && p.StartsWith("VB", StringComparison.Ordinal)
                && text.SentenceOf(d.Index).StartToken == text.SentenceOf(token).StartToken) return true;
        }
        for (var t = token; t >= 0; t = text.HeadOf(t))
        {
            if (text.HeadOf(t) == cue) return text.RelationOf(t) is "conj" or "parataxis";
        }
        return false;
    }
}
