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
/// links are followed ("Nobody knows how many ships the navy would send": planned, not negated).
/// </summary>
public sealed partial class ModalityClassifier
{
    /// <summary>The shared classifier.</summary>
    public static readonly ModalityClassifier Default = new();

    private const int MaxHops = 5;

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
        return FreeChoice(text, sentence, head, reading.Modality == Modality.Asserted ? ThroughSyntax(text, sentence, head, reading) : reading);
    }

    /// <summary>
    /// An event noun a free-choice determiner opens ("any strike would need approval", "would answer any incursion") names
    /// no particular event: planned or considered, it is only imagined; asserted, negated or denied, it stays so.
    /// </summary>
    private static ModalityReading FreeChoice(AnnotatedText text, TokenSpan sentence, int head, ModalityReading reading)
    {
        if (reading.Modality is not (Modality.Planned or Modality.Considered) || !IsNoun(text, head)) return reading;
        for (var i = head - 1; i >= sentence.StartToken && head - i <= 4; i--)
        {
            if (FreeChoiceDeterminers.Contains(text.WordOf(i))) return new ModalityReading(Modality.Hypothetical, Math.Min(reading.Confidence, 0.7));
            if (text.PosOf(i) is not { } tag || !NounPhraseTags.Contains(tag)) break;
        }
        return reading;
    }

    /// <summary>
    /// The modality the words around the predicate give, following its chain of governors by word order. A sentence that
    /// opens with a conditional clause ("If approved, the bill would be the first to permit strikes") conditions its main
    /// clause: what the main clause plans or weighs is only imagined.
    /// </summary>
    private ModalityReading ClassifyByWords(AnnotatedText text, TokenSpan sentence, int head)
    {
        var reading = ReadChain(text, sentence, head);
        return reading.Modality is Modality.Planned or Modality.Considered && AfterOpeningCondition(text, sentence, head)
            ? new ModalityReading(Modality.Hypothetical, Math.Min(reading.Confidence, 0.7)) : reading;
    }

    /// <summary>Whether the sentence opens (after quotes and a conjunction) with a conditional clause that ends at a comma before <paramref name="head"/>.</summary>
    private static bool AfterOpeningCondition(AnnotatedText text, TokenSpan sentence, int head)
    {
        var first = sentence.StartToken;
        while (first < head && text.PosOf(first) is "``" or "''" or "CC") first++;
        if (first >= head || !OpeningConditionals.Contains(text.WordOf(first))) return false;
        for (var i = first + 1; i < head; i++)
        {
            if (text.WordOf(i) == ",") return true;
            if (text.WordOf(i) is ";" or ":") return false;
        }
        return false;
    }

    /// <summary>The modality the chain of governors by word order gives.</summary>
    private ModalityReading ReadChain(AnnotatedText text, TokenSpan sentence, int head)
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

        /// <summary>The last step came from an event noun up to an outcome verb it is an oblique of ("killed in the strike").</summary>
        public bool ViaOutcome;

        /// <summary>Records a verb group's negation and modal, and a governing word's cue.</summary>
        /// <summary>The cue that decided is a plan or a deliberation a denial further up may still deny ("denied that it was preparing to bomb").</summary>
        public bool Deniable;

        public void Take(Cue cue, bool negated, Cue modal)
        {
            if (Final != Cue.None)
            {
                // A denial of the plan denies the planned event: "denied preparing to strike", "denied that it planned any raid".
                if (Deniable && cue == Cue.Deny) { Final = Cue.Deny; FinalNegated = negated; }
                Stop = true;
                return;
            }
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
            // The chain goes one governor further only to meet a denial.
            Deniable = Final is Cue.Plan or Cue.Consider && !FinalNegated;
            Stop = !Deniable;
        }
    }
}
