using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>A modality with how sure the classifier is of it (0–1).</summary>
public readonly record struct ModalityReading(Modality Modality, double Confidence);

/// <summary>
/// Decides whether an event is asserted, planned, considered, hypothetical, negated or denied from the
/// words that govern its predicate: the auxiliaries, modals and negation of its verb group, then the words
/// it hangs from: the verb or adjective an infinitive complements ("preparing to send"), the verb a gerund
/// complements ("denied carrying out"), the verb or noun an event noun is the object of ("has not ruled out
/// an operation", "plans for a deployment"), or, for a subject noun, its own verb group ("a deployment is
/// not imminent"). A conditional clause around the predicate, or a modal under a conditional in the same
/// sentence, makes it hypothetical. Report frames ("officials said") are transparent: the attribution
/// carries the hedge. Negation or a modal in another clause does not reach the predicate, since only these
/// links are followed ("It's not clear how many troops would be deployed": planned, not negated).
/// </summary>
public sealed partial class ModalityClassifier
{
    /// <summary>The shared classifier.</summary>
    public static readonly ModalityClassifier Default = new();

    private const int MaxHops = 5;

    /// <summary>What a governing word does to the events under it.</summary>
    private enum Cue : byte
    {
        None,
        /// <summary>Report and other transparent frames: no change ("said", "reported").</summary>
        Transparent,
        /// <summary>The event happens: "began to", "managed to", "tried to".</summary>
        Factive,
        Plan,
        Consider,
        Hypothetical,
        Deny,
        /// <summary>The event does not happen: "refused to", "failed to", "called off", "prevented".</summary>
        Prevent,
        /// <summary>"ruled out": negated; not ruled out: considered.</summary>
        RuleOut,
        /// <summary>Future modals and "going to": planned; negated: negated.</summary>
        Future,
        /// <summary>could, can: considered; "could not" is negated.</summary>
        Possible,
        /// <summary>may, might, should, "possibly": considered, negated or not.</summary>
        Maybe,
    }

    // The cue words, by base form. Derived by hand from English grammar and from the kinds of errors seen on the
    // factuality TRAIN splits (MEANTIME, UW); no item of any data set is listed.
    private static readonly FrozenDictionary<string, Cue> VerbCues = Inflect(new Dictionary<string, Cue>
    {
        // Intention, preparation, decision, commitment, order.
        ["plan"] = Cue.Plan, ["prepare"] = Cue.Plan, ["intend"] = Cue.Plan, ["aim"] = Cue.Plan, ["schedule"] = Cue.Plan,
        ["seek"] = Cue.Plan, ["want"] = Cue.Plan, ["propose"] = Cue.Plan, ["pledge"] = Cue.Plan, ["promise"] = Cue.Plan,
        ["vow"] = Cue.Plan, ["threaten"] = Cue.Plan, ["order"] = Cue.Plan, ["decide"] = Cue.Plan, ["agree"] = Cue.Plan,
        ["vote"] = Cue.Plan, ["authorize"] = Cue.Plan, ["authorise"] = Cue.Plan, ["approve"] = Cue.Plan, ["expect"] = Cue.Plan,
        ["hope"] = Cue.Plan, ["wish"] = Cue.Plan, ["offer"] = Cue.Plan, ["plot"] = Cue.Plan, ["conspire"] = Cue.Plan,
        ["commit"] = Cue.Plan, ["resolve"] = Cue.Plan, ["arrange"] = Cue.Plan, ["mean"] = Cue.Plan, ["need"] = Cue.Plan,
        ["require"] = Cue.Plan, ["instruct"] = Cue.Plan, ["direct"] = Cue.Plan, ["tell"] = Cue.Transparent, ["vowed"] = Cue.Plan,
        ["scramble"] = Cue.Plan, ["gear"] = Cue.Plan, ["poise"] = Cue.Plan, ["slate"] = Cue.Plan, ["mobilize"] = Cue.Plan,
        ["postpone"] = Cue.Plan, ["delay"] = Cue.Plan, ["await"] = Cue.Plan, ["anticipate"] = Cue.Plan, ["predict"] = Cue.Plan,
        ["forecast"] = Cue.Plan, ["project"] = Cue.Plan,
        // Deliberation, advocacy, fear, doubt.
        ["consider"] = Cue.Consider, ["weigh"] = Cue.Consider, ["discuss"] = Cue.Consider, ["mull"] = Cue.Consider,
        ["debate"] = Cue.Consider, ["explore"] = Cue.Consider, ["contemplate"] = Cue.Consider, ["study"] = Cue.Consider,
        ["review"] = Cue.Consider, ["examine"] = Cue.Consider, ["evaluate"] = Cue.Consider, ["assess"] = Cue.Consider,
        ["ponder"] = Cue.Consider, ["entertain"] = Cue.Consider, ["eye"] = Cue.Consider, ["float"] = Cue.Consider,
        ["suggest"] = Cue.Consider, ["recommend"] = Cue.Consider, ["urge"] = Cue.Consider, ["ask"] = Cue.Consider,
        ["request"] = Cue.Consider, ["advocate"] = Cue.Consider, ["demand"] = Cue.Consider, ["fear"] = Cue.Consider,
        ["worry"] = Cue.Consider, ["warn"] = Cue.Consider, ["doubt"] = Cue.Consider, ["question"] = Cue.Consider,
        ["wonder"] = Cue.Consider, ["negotiate"] = Cue.Consider, ["press"] = Cue.Consider, ["lobby"] = Cue.Consider,
        ["encourage"] = Cue.Consider, ["invite"] = Cue.Consider, ["hesitate"] = Cue.Consider, ["risk"] = Cue.Consider,
        ["imagine"] = Cue.Hypothetical, ["suppose"] = Cue.Hypothetical, ["assume"] = Cue.Hypothetical,
        // Denial.
        ["deny"] = Cue.Deny, ["refute"] = Cue.Deny, ["dismiss"] = Cue.Deny, ["rebut"] = Cue.Deny, ["disavow"] = Cue.Deny,
        // Prevention and refusal.
        ["refuse"] = Cue.Prevent, ["fail"] = Cue.Prevent, ["decline"] = Cue.Prevent, ["avoid"] = Cue.Prevent,
        ["refrain"] = Cue.Prevent, ["forgo"] = Cue.Prevent, ["cancel"] = Cue.Prevent, ["abandon"] = Cue.Prevent,
        ["prevent"] = Cue.Prevent, ["thwart"] = Cue.Prevent, ["foil"] = Cue.Prevent, ["avert"] = Cue.Prevent,
        ["scrap"] = Cue.Prevent, ["forbid"] = Cue.Prevent, ["ban"] = Cue.Prevent, ["bar"] = Cue.Prevent,
        ["stop"] = Cue.Prevent, ["oppose"] = Cue.Consider, ["reject"] = Cue.Prevent, ["veto"] = Cue.Prevent,
        ["neglect"] = Cue.Prevent, ["omit"] = Cue.Prevent, ["forget"] = Cue.Prevent, ["cease"] = Cue.Prevent,
        // Implicatives that assert their complement.
        ["manage"] = Cue.Factive, ["begin"] = Cue.Factive, ["start"] = Cue.Factive, ["continue"] = Cue.Factive,
        ["resume"] = Cue.Factive, ["try"] = Cue.Factive, ["attempt"] = Cue.Factive, ["help"] = Cue.Factive,
        ["keep"] = Cue.Factive, ["proceed"] = Cue.Factive, ["use"] = Cue.Factive, ["dare"] = Cue.Factive,
        // Report frames.
        ["say"] = Cue.Transparent, ["report"] = Cue.Transparent, ["announce"] = Cue.Transparent, ["claim"] = Cue.Transparent,
        ["state"] = Cue.Transparent, ["add"] = Cue.Transparent, ["confirm"] = Cue.Transparent, ["allege"] = Cue.Transparent,
        ["note"] = Cue.Transparent, ["believe"] = Cue.Transparent, ["think"] = Cue.Transparent, ["know"] = Cue.Transparent,
        ["show"] = Cue.Transparent, ["indicate"] = Cue.Transparent, ["accuse"] = Cue.Transparent,
    });

    /// <summary>Nouns that govern an event through "to", "of", "for", "on" or "about": "plans to", "the threat of".</summary>
    private static readonly FrozenDictionary<string, Cue> NounCues = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase)
    {
        ["plan"] = Cue.Plan, ["plans"] = Cue.Plan, ["threat"] = Cue.Plan, ["threats"] = Cue.Plan, ["decision"] = Cue.Plan,
        ["order"] = Cue.Plan, ["orders"] = Cue.Plan, ["bid"] = Cue.Plan, ["intention"] = Cue.Plan, ["intentions"] = Cue.Plan,
        ["intent"] = Cue.Plan, ["goal"] = Cue.Plan, ["aim"] = Cue.Plan, ["readiness"] = Cue.Plan, ["willingness"] = Cue.Plan,
        ["preparation"] = Cue.Plan, ["preparations"] = Cue.Plan, ["pledge"] = Cue.Plan, ["promise"] = Cue.Plan,
        ["proposal"] = Cue.Plan, ["proposals"] = Cue.Plan, ["vow"] = Cue.Plan, ["schedule"] = Cue.Plan, ["agreement"] = Cue.Plan,
        ["prospect"] = Cue.Consider, ["prospects"] = Cue.Consider, ["possibility"] = Cue.Consider, ["risk"] = Cue.Consider,
        ["fear"] = Cue.Consider, ["fears"] = Cue.Consider, ["danger"] = Cue.Consider, ["chance"] = Cue.Consider,
        ["chances"] = Cue.Consider, ["likelihood"] = Cue.Consider, ["option"] = Cue.Consider, ["options"] = Cue.Consider,
        ["talk"] = Cue.Consider, ["talks"] = Cue.Consider, ["idea"] = Cue.Consider, ["call"] = Cue.Consider,
        ["calls"] = Cue.Consider, ["demand"] = Cue.Consider, ["demands"] = Cue.Consider, ["speculation"] = Cue.Consider,
        ["warning"] = Cue.Consider, ["warnings"] = Cue.Consider, ["question"] = Cue.Consider, ["prediction"] = Cue.Plan,
        ["denial"] = Cue.Deny, ["denials"] = Cue.Deny, ["refusal"] = Cue.Prevent, ["failure"] = Cue.Prevent,
        ["attempt"] = Cue.Factive, ["attempts"] = Cue.Factive, ["effort"] = Cue.Factive, ["efforts"] = Cue.Factive,
        ["report"] = Cue.Transparent, ["reports"] = Cue.Transparent, ["claim"] = Cue.Transparent, ["claims"] = Cue.Transparent,
        ["allegation"] = Cue.Transparent, ["allegations"] = Cue.Transparent,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Plan verbs that plan only through an infinitive: their object noun names what happened ("ordered strikes").</summary>
    private static readonly FrozenSet<string> InfinitiveOnlyPlans = FrozenSet.ToFrozenSet(
        ["ordered", "authorized", "authorised", "approved", "directed", "instructed", "required", "needed", "offered", "arranged"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns whose "that" clause is their content ("fears that"), not a relative clause.</summary>
    private static readonly FrozenSet<string> ThatComplementNouns = FrozenSet.ToFrozenSet(
        ["fear", "fears", "speculation", "possibility", "chance", "chances", "likelihood", "risk", "danger", "prospect", "warning", "warnings"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Adjectives and participles before "to" or after a copula: "ready to", "likely to", "a strike is imminent".</summary>
    private static readonly FrozenDictionary<string, Cue> AdjectiveCues = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase)
    {
        ["ready"] = Cue.Plan, ["prepared"] = Cue.Plan, ["poised"] = Cue.Plan, ["set"] = Cue.Plan, ["due"] = Cue.Plan,
        ["about"] = Cue.Plan, ["going"] = Cue.Future, ["expected"] = Cue.Plan, ["willing"] = Cue.Plan, ["eager"] = Cue.Plan,
        ["determined"] = Cue.Plan, ["keen"] = Cue.Plan, ["scheduled"] = Cue.Plan, ["slated"] = Cue.Plan, ["bound"] = Cue.Plan,
        ["supposed"] = Cue.Plan, ["imminent"] = Cue.Plan, ["planned"] = Cue.Plan, ["intended"] = Cue.Plan, ["upcoming"] = Cue.Plan,
        ["impending"] = Cue.Plan, ["future"] = Cue.Plan, ["proposed"] = Cue.Plan, ["threatened"] = Cue.Plan, ["pending"] = Cue.Plan,
        ["likely"] = Cue.Possible, ["unlikely"] = Cue.Possible, ["possible"] = Cue.Possible, ["potential"] = Cue.Possible,
        ["probable"] = Cue.Possible, ["able"] = Cue.Possible, ["reluctant"] = Cue.Consider, ["prospective"] = Cue.Consider,
        ["conceivable"] = Cue.Possible, ["feasible"] = Cue.Possible, ["hypothetical"] = Cue.Hypothetical, ["unable"] = Cue.Prevent,
        ["foiled"] = Cue.Prevent, ["thwarted"] = Cue.Prevent, ["averted"] = Cue.Prevent, ["cancelled"] = Cue.Prevent,
        ["canceled"] = Cue.Prevent, ["aborted"] = Cue.Prevent, ["would-be"] = Cue.Plan,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Cue> Modals = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase)
    {
        ["will"] = Cue.Future, ["would"] = Cue.Future, ["shall"] = Cue.Future, ["'ll"] = Cue.Future, ["’ll"] = Cue.Future,
        ["wo"] = Cue.Future, ["'d"] = Cue.Future, ["’d"] = Cue.Future, ["must"] = Cue.Future,
        ["could"] = Cue.Possible, ["might"] = Cue.Maybe, ["may"] = Cue.Maybe, ["can"] = Cue.Possible, ["ca"] = Cue.Possible,
        ["should"] = Cue.Maybe, ["ought"] = Cue.Maybe,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Negations = FrozenSet.ToFrozenSet(["not", "n't", "n’t", "never", "no", "neither", "nor"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> NegativeSubjects = FrozenSet.ToFrozenSet(["nobody", "none", "nothing", "neither", "noone"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "'m", "’m",
         "have", "has", "had", "having", "'ve", "’ve", "do", "does", "did", "get", "got", "gets", "getting"],
        StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> HedgeAdverbs = FrozenSet.ToFrozenSet(
        ["possibly", "perhaps", "maybe", "probably", "likely", "potentially", "conceivably", "supposedly"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Conditionals = FrozenSet.ToFrozenSet(["if", "unless", "lest", "provided", "providing", "assuming"], StringComparer.OrdinalIgnoreCase);
    /// <summary>Words before "if" that make it "whether": "unclear if", "asked if".</summary>
    private static readonly FrozenSet<string> WhetherIfGovernors = FrozenSet.ToFrozenSet(
        ["unclear", "clear", "know", "knew", "known", "ask", "asked", "asking", "asks", "wonder", "wondered", "wondering", "see",
         "determine", "decide", "sure", "certain", "question", "unknown", "tell", "doubt", "check", "investigate", "investigating"],
        StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> OccurVerbs = FrozenSet.ToFrozenSet(
        ["happen", "happens", "happened", "happening", "occur", "occurs", "occurred", "occurring", "take", "takes", "took", "taken",
         "come", "comes", "came", "begin", "begins", "began", "begun", "start", "starts", "started", "proceed", "proceeded", "go",
         "goes", "went", "gone", "carry", "carried", "materialize", "materialized", "materialise", "materialised", "be", "is",
         "are", "was", "were", "been", "exist", "existed"],
        StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> NounPhraseTags = FrozenSet.ToFrozenSet(
        ["DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "HYPH", "``", "''"],
        StringComparer.Ordinal);

    /// <summary>The modality of the event named by <paramref name="trigger"/> in <paramref name="sentence"/>.</summary>
    public Modality Classify(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var head = trigger.Head >= trigger.Span.StartToken && trigger.Head < trigger.Span.EndToken ? trigger.Head : trigger.Span.StartToken;
        return ClassifyAt(text, sentence, head).Modality;
    }

    /// <summary>
    /// The modality of the predicate at token <paramref name="head"/> (a verb, an event noun or a predicate
    /// adjective) in <paramref name="sentence"/>, with a confidence.
    /// </summary>
    public ModalityReading ClassifyAt(AnnotatedText text, TokenSpan sentence, int head)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!sentence.Contains(head)) throw new ArgumentOutOfRangeException(nameof(head), "The predicate must lie in the sentence.");
        var reading = ClassifyByWords(text, sentence, head);
        return reading.Modality == Modality.Asserted ? ThroughSyntax(text, sentence, head, reading) : reading;
    }

    /// <summary>The modality the words around the predicate give, following its chain of governors by word order.</summary>
    private ModalityReading ClassifyByWords(AnnotatedText text, TokenSpan sentence, int head)
    {

        var state = new Findings();
        var current = head;
        for (var hop = 0; hop < MaxHops && current >= 0; hop++)
        {
            current = IsNoun(text, current)
                ? StepFromNoun(text, sentence, current, ref state)
                : StepFromVerb(text, sentence, current, ref state);
            if (state.Stop) break;
            state.Hops++;
        }

        var place = Place(text, sentence, head);
        if (place == Cue.Hypothetical || (place == Cue.None && state.Modal != Cue.None && state.ModalHop == 0 && HasConditional(text, sentence)))
        {
            if (state.Final is not (Cue.Deny)) return new ModalityReading(Modality.Hypothetical, 0.7);
        }
        if (state.Final == Cue.None && state.Fallback != Cue.None)
        {
            state.Final = state.Fallback;
            state.FinalNegated = state.Negated;
        }
        if (state.Final != Cue.None) return Decide(state.Final, state);
        if (place == Cue.Consider) return new ModalityReading(state.Negated ? Modality.Negated : Modality.Considered, 0.6);
        if (state.Modal == Cue.Maybe) return new ModalityReading(Modality.Considered, 0.7);
        if (state.Negated) return new ModalityReading(Modality.Negated, state.Hops == 0 ? 0.85 : 0.7);
        if (state.Modal == Cue.Possible) return new ModalityReading(Modality.Considered, 0.75);
        if (state.Modal == Cue.Future) return new ModalityReading(Modality.Planned, 0.75);
        return new ModalityReading(Modality.Asserted, state.Hops == 0 ? 0.8 : 0.7);
    }

    private static ModalityReading Decide(Cue cue, Findings state)
    {
        var confidence = state.Hops <= 1 ? 0.8 : 0.65;
        return cue switch
        {
            Cue.Deny => new ModalityReading(state.FinalNegated ? Modality.Considered : Modality.Denied, confidence),
            Cue.RuleOut => new ModalityReading(state.FinalNegated ? Modality.Considered : Modality.Negated, confidence),
            Cue.Prevent => new ModalityReading(Modality.Negated, confidence),
            Cue.Hypothetical => new ModalityReading(Modality.Hypothetical, confidence),
            _ when state.FinalNegated && cue != Cue.Maybe => new ModalityReading(Modality.Negated, confidence),
            Cue.Consider or Cue.Possible or Cue.Maybe => new ModalityReading(Modality.Considered, confidence),
            Cue.Plan or Cue.Future => new ModalityReading(Modality.Planned, confidence),
            _ => new ModalityReading(Modality.Asserted, confidence),
        };
    }

    /// <summary>What the classifier found along the chain of governors, innermost first.</summary>
    private struct Findings
    {
        /// <summary>A negation on the predicate's own verb group or on a transparent governor.</summary>
        public bool Negated;
        /// <summary>The first modal met (on the predicate or a transparent governor).</summary>
        public Cue Modal;
        public int ModalHop;
        /// <summary>The first lexical cue that decides the modality (plan, consider, deny ...), and whether it was negated.</summary>
        public Cue Final;
        public bool FinalNegated;
        public int Hops;
        public bool Stop;
        /// <summary>A modifier's cue ("the planned strike", "a possible attack"), used when nothing governs more strongly.</summary>
        public Cue Fallback;
        /// <summary>The next hop is the verb an event noun is the object of.</summary>
        public bool ViaObject;

        /// <summary>Records a verb group's negation and modal, and a governing word's cue.</summary>
        public void Take(Cue cue, bool negated, Cue modal)
        {
            if (Final != Cue.None) { Stop = true; return; }
            if (cue is Cue.None or Cue.Transparent or Cue.Factive)
            {
                // A transparent governor passes its own verb group on: "would mainly use drones to strike", "did not begin to".
                if (negated) Negated = true;
                if (modal != Cue.None && Modal == Cue.None) { Modal = modal; ModalHop = Hops; }
                return;
            }
            Final = cue;
            // The governor's own negation: "did not plan to"; a negated predicate under a plan: "plans not to".
            FinalNegated = negated || (Negated && cue is Cue.Plan or Cue.Consider or Cue.Future or Cue.Possible or Cue.Maybe);
            // "could plan to", "may decide to": only considered.
            if (!negated && modal is Cue.Possible or Cue.Maybe && cue == Cue.Plan) Final = Cue.Possible;
            Stop = true;
        }
    }

    /// <summary>A verb's group (auxiliaries, modals, negation to its left), then the word it hangs from. Returns the next token to look at, or -1.</summary>
    private static int StepFromVerb(AnnotatedText text, TokenSpan sentence, int verb, ref Findings state)
    {
        var negated = false;
        var modal = Cue.None;
        var toIndex = -1;
        var i = verb - 1;
        // "were to happen", "is to visit": an infinitive after a form of "be" is planned; after "were" under "if" hypothetical.
        for (; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w)) { if (!w.Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true; else break; continue; }
            if (Modals.TryGetValue(w, out var m)) { if (modal == Cue.None) modal = m; continue; }
            if (w.Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                // "to" right before a gerund or a finite verb is a preposition ("in addition to selling").
                if (i == verb - 1 && text.PosOf(verb) is "VBG" or "VBD" or "VBZ") break;
                toIndex = i;
                break;
            }
            if (Auxiliaries.Contains(w)) continue;
            if (HedgeAdverbs.Contains(w)) { if (modal == Cue.None) modal = Cue.Maybe; continue; }
            var tag = text.PosOf(i);
            if (tag is "RB" or "RBR" or "RBS" && !w.Equals("as", StringComparison.OrdinalIgnoreCase)) continue;
            break;
        }
        // "nobody was killed"
        if (i >= sentence.StartToken && NegativeSubjects.Contains(text.WordOf(i))) negated = true;
        if (i > sentence.StartToken && text.WordOf(i).Equals("one", StringComparison.OrdinalIgnoreCase) && text.WordOf(i - 1).Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true;
        // "no longer"
        if (verb > sentence.StartToken + 1 && text.WordOf(verb - 1).Equals("longer", StringComparison.OrdinalIgnoreCase) && text.WordOf(verb - 2).Equals("no", StringComparison.OrdinalIgnoreCase)) negated = true;

        // The verb's own cue when it is itself the predicate under a governor (first hop: the predicate itself carries no cue).
        var own = state.Hops == 0 ? Cue.None : VerbCueAt(text, verb);
        // "ordered troops to deploy" is planned; "ordered drone strikes" reports strikes that happened.
        if (state.ViaObject && own == Cue.Plan && InfinitiveOnlyPlans.Contains(text.WordOf(verb))) own = Cue.None;
        state.ViaObject = false;

        if (toIndex >= 0)
        {
            state.Take(own, negated, modal);
            if (state.Stop) return -1;
            return GovernorOfInfinitive(text, sentence, toIndex, ref state);
        }

        state.Take(own, negated, modal);
        if (state.Stop) return -1;

        // A gerund complement: "considered launching", "denied carrying out", "talked about sending", "without firing".
        var tagV = text.PosOf(verb);
        var first = i + 1; // first word of the verb group
        if (tagV == "VBG" && first == verb)
        {
            var j = verb - 1;
            if (j >= sentence.StartToken)
            {
                var w = text.WordOf(j);
                if (w.Equals("without", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                if (w.Equals("of", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("instead", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                if (w is "about" or "of" or "on" or "from" or "against" or "for" or "into" && j > sentence.StartToken)
                {
                    if (w == "from" && VerbCueAt(text, j - 1) is Cue.Prevent) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
                    if (NounCues.TryGetValue(text.WordOf(j - 1), out var nc)) { state.Take(nc, false, Cue.None); return state.Stop ? -1 : j - 1; }
                    if (IsVerb(text, j - 1)) return j - 1;
                    return -1;
                }
                if (IsVerb(text, j) && !Auxiliaries.Contains(w)) return j;
                if (text.PosOf(j) is "RP" && j > sentence.StartToken && IsVerb(text, j - 1)) return j - 1;
            }
        }
        // A finite verb in a "that" complement of a denial: "denied that its forces attacked".
        return ComplementGovernor(text, sentence, first, ref state);
    }

    /// <summary>The verb, adjective or noun an infinitive at "to" complements: "preparing to", "ready to", "plans to", "ordered troops to".</summary>
    private static int GovernorOfInfinitive(AnnotatedText text, TokenSpan sentence, int to, ref Findings state)
    {
        var j = to - 1;
        while (j >= sentence.StartToken && text.PosOf(j) is "RB" && !Negations.Contains(text.WordOf(j))) j--;
        if (j < sentence.StartToken) { state.Take(Cue.Plan, false, Cue.None); return -1; }
        var w = text.WordOf(j);
        if ((w.Equals("order", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("in", StringComparison.OrdinalIgnoreCase))
            || (w.Equals("as", StringComparison.OrdinalIgnoreCase) && j > sentence.StartToken && text.WordOf(j - 1).Equals("so", StringComparison.OrdinalIgnoreCase)))
        {
            state.Take(Cue.Plan, false, Cue.None);
            return -1;
        }
        // "is to visit", "were to happen"
        if (Auxiliaries.Contains(w) && IsBe(w))
        {
            var negated = j > sentence.StartToken && Negations.Contains(text.WordOf(j - 1));
            state.Take(w.Equals("were", StringComparison.OrdinalIgnoreCase) ? Cue.Hypothetical : Cue.Plan, negated, Cue.None);
            return -1;
        }
        if (AdjectiveCues.TryGetValue(w, out var adjective) && !IsNoun(text, j))
        {
            var (negated, modal) = GroupBefore(text, sentence, j);
            state.Take(adjective, negated, modal);
            return -1;
        }
        if (NounCues.TryGetValue(w, out var noun) && IsNoun(text, j))
        {
            state.Take(noun, false, Cue.None);
            return state.Stop ? -1 : j;
        }
        if (IsVerb(text, j)) return j;
        // "ordered troops to", "use drones to": skip the object.
        for (var k = j; k >= sentence.StartToken && j - k < 5; k--)
        {
            var tag = text.PosOf(k);
            if (IsVerb(text, k) && !Auxiliaries.Contains(text.WordOf(k))) return k;
            if (tag is null || !(NounPhraseTags.Contains(tag) || tag is "PRP" or "IN" or "CC")) break;
        }
        state.Take(Cue.Plan, false, Cue.None);
        return -1;
    }

    /// <summary>An event noun: its determiners and modifiers ("no", "possible"), its own verb group when it is a subject, then the verb or noun it is the object of.</summary>
    private static int StepFromNoun(AnnotatedText text, TokenSpan sentence, int noun, ref Findings state)
    {
        var j = noun - 1;
        for (; j >= sentence.StartToken; j--)
        {
            var w = text.WordOf(j);
            if (w.Equals("no", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.None, true, Cue.None); continue; }
            if (AdjectiveCues.TryGetValue(w, out var adjective) && text.PosOf(j) is "JJ" or "VBN" or "NN" or "RB")
            {
                // "the planned strike": decides unless a governor says more ("called off the planned strike").
                if (state.Fallback == Cue.None) state.Fallback = adjective;
                continue;
            }
            if (text.PosOf(j) is not { } tag || !NounPhraseTags.Contains(tag)) break;
        }
        // A subject: its verb group ("a deployment isn't imminent", "the plan would expand", "the strike did not happen").
        SubjectVerb(text, sentence, noun, ref state);
        if (state.Stop || j < sentence.StartToken) return -1;

        var word = text.WordOf(j);
        var wordTag = text.PosOf(j);
        // "ruled out an operation", "called off the strike", "carried out the strike"
        if ((wordTag is "RP" || word.Equals("out", StringComparison.OrdinalIgnoreCase) || word.Equals("off", StringComparison.OrdinalIgnoreCase))
            && j > sentence.StartToken && IsVerb(text, j - 1))
        {
            var particle = PhrasalCue(text.WordOf(j - 1), word);
            if (particle == Cue.None) return j - 1;
            var (negated, modal) = GroupBefore(text, sentence, j - 1);
            state.Take(particle, negated, modal);
            return -1;
        }
        // The object of a verb: "launched a strike", "considered an operation".
        if (IsVerb(text, j) && !(Auxiliaries.Contains(word) && IsBe(word))) { state.ViaObject = true; return j; }
        if (wordTag is "IN" or "TO" && j > sentence.StartToken)
        {
            if (word.Equals("without", StringComparison.OrdinalIgnoreCase)) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
            var g = j - 1;
            var governor = text.WordOf(g);
            // "plans for a deployment", "the threat of strikes", "talk of war"; "no plans for" is negated.
            if (NounCues.TryGetValue(governor, out var cue) && IsNoun(text, g) && word is "of" or "for" or "on" or "about" or "to" or "over")
            {
                state.Take(cue, HasNo(text, sentence, g), Cue.None);
                return state.Stop ? -1 : g;
            }
            if (word is "from" && VerbCueAt(text, g) == Cue.Prevent) { state.Take(Cue.Prevent, false, Cue.None); return -1; }
            // "killed in a strike": the event shares the verb's modality.
            if (IsVerb(text, g) && !Auxiliaries.Contains(governor)) return g;
            // "the use of drone strikes": the event shares its head noun's modality.
            if (word.Equals("of", StringComparison.OrdinalIgnoreCase) && IsNoun(text, g)) return g;
        }
        // "would include ground operations and drone strikes": the second conjunct shares the first's governor.
        if (word is "and" or "or" or ",")
        {
            for (var k = j - 1; k >= sentence.StartToken && j - k <= 10; k--)
            {
                if (IsVerb(text, k) && !(Auxiliaries.Contains(text.WordOf(k)) && IsBe(text.WordOf(k)))) return k;
                if (text.PosOf(k) is not { } t || !(NounPhraseTags.Contains(t) || t is "IN" or "CC" or "," or "TO")) break;
            }
        }
        return -1;
    }

    /// <summary>Whether a noun's determiners hold "no": "no plans".</summary>
    private static bool HasNo(AnnotatedText text, TokenSpan sentence, int noun)
    {
        for (var i = noun - 1; i >= sentence.StartToken && noun - i <= 3; i--)
        {
            if (text.WordOf(i).Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NN" or "NNS" or "CD")) return false;
        }
        return false;
    }

    /// <summary>For a subject noun: the finite verb group after it, with predicate adjectives and "happen" verbs.</summary>
    private static void SubjectVerb(AnnotatedText text, TokenSpan sentence, int noun, ref Findings state)
    {
        var k = noun + 1;
        // Skip a short complement of the noun: "the strike on the boat".
        var limit = Math.Min(sentence.EndToken, noun + 7);
        while (k < limit)
        {
            var tag = text.PosOf(k);
            if (tag is "MD" or "VBD" or "VBZ" or "VBP" || Negations.Contains(text.WordOf(k))) break;
            if (tag is null || !(NounPhraseTags.Contains(tag) || tag is "IN" or "TO")) return;
            if (text.WordOf(k) is "that" or "which" or "who") return;
            k++;
        }
        if (k >= limit || Negations.Contains(text.WordOf(k)) && text.WordOf(k).Equals("no", StringComparison.OrdinalIgnoreCase)) return;
        var negated = false;
        var modal = Cue.None;
        for (; k < sentence.EndToken; k++)
        {
            var w = text.WordOf(k);
            if (Negations.Contains(w) && !w.Equals("no", StringComparison.OrdinalIgnoreCase)) { negated = true; continue; }
            if (Modals.TryGetValue(w, out var m)) { if (modal == Cue.None) modal = m; continue; }
            if (HedgeAdverbs.Contains(w)) { if (modal == Cue.None) modal = Cue.Maybe; continue; }
            if (text.PosOf(k) is "RB") continue;
            if (Auxiliaries.Contains(w) && k + 1 < sentence.EndToken && (Negations.Contains(text.WordOf(k + 1)) || text.PosOf(k + 1) is "VBN" or "VBG" or "JJ" or "RB" or "VB" or "TO" or "MD")) continue;
            break;
        }
        if (k >= sentence.EndToken) return;
        var word = text.WordOf(k);
        if (AdjectiveCues.TryGetValue(word, out var adjective))
        {
            state.Take(adjective, negated, modal);
            return;
        }
        if (word.Equals("ruled", StringComparison.OrdinalIgnoreCase) && k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("out", StringComparison.OrdinalIgnoreCase))
        {
            state.Take(Cue.RuleOut, negated, modal);
            return;
        }
        // Only "happen" verbs pass their negation to the subject: "the strike did not happen", not "the strike did not kill anyone".
        state.Take(Cue.None, negated && OccurVerbs.Contains(word), modal);
    }

    /// <summary>For a finite verb: a "that" complement of a denial or of "deny reports that".</summary>
    private static int ComplementGovernor(AnnotatedText text, TokenSpan sentence, int groupStart, ref Findings state)
    {
        for (var k = groupStart - 1; k >= sentence.StartToken && groupStart - k <= 8; k--)
        {
            var w = text.WordOf(k);
            if (w is "," or ";" or ":" or "and" or "but" or "or" or "—" or "–") return -1;
            if (!w.Equals("that", StringComparison.OrdinalIgnoreCase) || text.PosOf(k) is "DT" && k + 1 < groupStart && text.PosOf(k + 1) is not ("DT" or "NN" or "NNS" or "NNP" or "PRP")) continue;
            var g = k - 1;
            if (g < sentence.StartToken) return -1;
            var gw = text.WordOf(g);
            // "denials that", "fears that", "the possibility that"; not a relative clause ("talks that were interrupted").
            if (NounCues.TryGetValue(gw, out var nc) && IsNoun(text, g) && (nc == Cue.Deny || ThatComplementNouns.Contains(gw))) { state.Take(nc, false, Cue.None); return -1; }
            if (NounCues.TryGetValue(gw, out nc) && nc == Cue.Transparent && g > sentence.StartToken) g--;
            while (g > sentence.StartToken && text.PosOf(g) is "DT" or "JJ" or "RB") g--;
            var cue = VerbCueAt(text, g);
            if (cue is Cue.Deny or Cue.Consider or Cue.Hypothetical)
            {
                var (negated, modal) = GroupBefore(text, sentence, g);
                state.Take(cue, negated, modal);
            }
            return -1;
        }
        return -1;
    }

    /// <summary>Negation and modal in the verb group ending just before <paramref name="word"/>.</summary>
    private static (bool Negated, Cue Modal) GroupBefore(AnnotatedText text, TokenSpan sentence, int word)
    {
        var negated = false;
        var modal = Cue.None;
        for (var i = word - 1; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (Negations.Contains(w) && !w.Equals("no", StringComparison.OrdinalIgnoreCase)) { negated = true; continue; }
            if (Modals.TryGetValue(w, out var m)) { if (modal == Cue.None) modal = m; continue; }
            if (Auxiliaries.Contains(w) || text.PosOf(i) is "RB") continue;
            break;
        }
        return (negated, modal);
    }

    private static Cue PhrasalCue(string verb, string particle)
    {
        if (particle.Equals("out", StringComparison.OrdinalIgnoreCase) && verb.StartsWith("rul", StringComparison.OrdinalIgnoreCase)) return Cue.RuleOut;
        if (particle.Equals("off", StringComparison.OrdinalIgnoreCase) && verb.StartsWith("call", StringComparison.OrdinalIgnoreCase)) return Cue.Prevent;
        if (particle.Equals("off", StringComparison.OrdinalIgnoreCase) && verb.StartsWith("hold", StringComparison.OrdinalIgnoreCase)) return Cue.Prevent;
        if (particle.Equals("for", StringComparison.OrdinalIgnoreCase) && verb.StartsWith("call", StringComparison.OrdinalIgnoreCase)) return Cue.Consider;
        return Cue.None;
    }

    /// <summary>Where the predicate sits: in a conditional clause (hypothetical), a "whether" clause (considered), else nowhere special.</summary>
    private static Cue Place(AnnotatedText text, TokenSpan sentence, int head)
    {
        for (var i = head - 1; i >= sentence.StartToken; i--)
        {
            var w = text.WordOf(i);
            if (w is ";" or ":" || w == ",") return Cue.None;
            if (w.Equals("whether", StringComparison.OrdinalIgnoreCase)) return Cue.Consider;
            if (Conditionals.Contains(w))
            {
                if (i > sentence.StartToken && text.WordOf(i - 1).Equals("as", StringComparison.OrdinalIgnoreCase)) return Cue.None;
                if (w.Equals("if", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && WhetherIfGovernors.Contains(text.WordOf(i - 1))) return Cue.Consider;
                return Cue.Hypothetical;
            }
            if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && text.WordOf(i - 1).Equals("in", StringComparison.OrdinalIgnoreCase))
            {
                return Cue.Hypothetical;
            }
        }
        return Cue.None;
    }

    private static bool HasConditional(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (w.Equals("if", StringComparison.OrdinalIgnoreCase) || w.Equals("unless", StringComparison.OrdinalIgnoreCase))
            {
                if (i > sentence.StartToken && (text.WordOf(i - 1).Equals("as", StringComparison.OrdinalIgnoreCase) || WhetherIfGovernors.Contains(text.WordOf(i - 1)))) continue;
                return true;
            }
            if (w.Equals("case", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken && text.WordOf(i - 1).Equals("in", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool IsVerbGroupEnd(AnnotatedText text, TokenSpan sentence, int i) =>
        i > sentence.StartToken && (Auxiliaries.Contains(text.WordOf(i - 1)) || text.PosOf(i - 1) is "MD");

    private static Cue VerbCueAt(AnnotatedText text, int i) => VerbCues.TryGetValue(text.WordOf(i), out var cue) ? cue : Cue.None;

    private static bool IsBe(string w) =>
        w is "is" or "are" or "was" or "were" or "be" or "am" or "'s" or "’s" or "'re" or "’re" or "Is" or "Are" or "Was" or "Were";

    private static bool IsVerb(AnnotatedText text, int i) => text.PosOf(i) is { } tag && tag.StartsWith("VB", StringComparison.Ordinal);

    private static bool IsNoun(AnnotatedText text, int i) => text.PosOf(i) is { } tag && tag.StartsWith("NN", StringComparison.Ordinal);

    /// <summary>Every inflected form of each base verb (s, ed, ing; doubling and e-dropping), so lookups need no lemmatizing.</summary>
    private static FrozenDictionary<string, Cue> Inflect(Dictionary<string, Cue> bases)
    {
        var forms = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (b, cue) in bases)
        {
            foreach (var form in Forms(b)) forms.TryAdd(form, cue);
        }
        // Irregular pasts of cue verbs.
        (string Form, string Base)[] irregular =
        [
            ("said", "say"), ("told", "tell"), ("thought", "think"), ("knew", "know"), ("known", "know"), ("shown", "show"),
            ("sought", "seek"), ("meant", "mean"), ("began", "begin"), ("begun", "begin"), ("kept", "keep"), ("forbade", "forbid"),
            ("forbidden", "forbid"), ("forgot", "forget"), ("forgotten", "forget"), ("forwent", "forgo"), ("forgone", "forgo"),
        ];
        foreach (var (form, b) in irregular) if (bases.TryGetValue(b, out var cue)) forms[form] = cue;
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Forms(string b)
    {
        yield return b;
        var last = b[^1];
        var consonantY = last == 'y' && b.Length > 1 && !"aeiou".Contains(b[^2], StringComparison.Ordinal);
        yield return b.EndsWith('s') || b.EndsWith("sh", StringComparison.Ordinal) || b.EndsWith("ch", StringComparison.Ordinal) || last is 'x' or 'o' ? b + "es"
            : consonantY ? b[..^1] + "ies" : b + "s";
        if (last == 'e') { yield return b + "d"; yield return b[..^1] + "ing"; yield break; }
        if (consonantY) { yield return b[..^1] + "ied"; yield return b + "ing"; yield break; }
        yield return b + "ed";
        yield return b + "ing";
        // Short consonant-vowel-consonant verbs double: plan → planned, bar → barred, scrap → scrapped, vet.
        if (b.Length >= 3 && !"aeiouwxy".Contains(last, StringComparison.Ordinal) && "aeiou".Contains(b[^2], StringComparison.Ordinal) && !"aeiou".Contains(b[^3], StringComparison.Ordinal))
        {
            yield return b + last + "ed";
            yield return b + last + "ing";
        }
    }
}
