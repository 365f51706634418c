using Crosscheck.Language;

namespace Crosscheck.Events;

public sealed partial class ModalityClassifier
{
    /// <summary>How many syntactic governors an asserted reading is checked against.</summary>
    private const int SyntaxHops = 3;

    /// <summary>
    /// An event the words call asserted is checked against its syntactic governors, up to <see cref="SyntaxHops"/>
    /// of them, through the relations that put an event inside another's content: object, subject, complement,
    /// modifier, compound, coordination ("would involve drones striking cartel members": planned; "plans that would
    /// include strikes": planned). The first governor the words read as planned, considered or hypothetical gives its
    /// modality. A clause's own complement of saying, a relative clause, an adverbial clause and a parataxis end the
    /// climb (a report frame carries its hedge; "the boat, which was struck, would have …" is no plan to strike), as does a
    /// past link ("plans talks following the bombing": the bombing took place), and a
    /// governor's negation is never passed down ("did not say how many the strike killed" stays asserted).
    /// Without a parse the reading stays as it is.
    /// </summary>
    private ModalityReading ThroughSyntax(AnnotatedText text, TokenSpan sentence, int head, ModalityReading reading)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return reading;
        var current = head;
        for (var hop = 0; hop < SyntaxHops; hop++)
        {
            var relation = text.RelationOf(current);
            var governor = text.HeadOf(current);
            if (governor < 0 || relation is null || !Climbs(relation) || IsToldClause(text, sentence, current, relation) || !sentence.Contains(governor)) break;
            if (HasPastLink(text, sentence, current) || PastLinks.Contains(text.WordOf(governor))) break;
            // "Those behind the bombing will be punished", "an inquiry into the strike would open": an event a definite noun
            // phrase names inside another's prepositional phrase is one told already, not what the other's verb plans.
            if (hop == 0 && relation is "nmod" or "obl" && new Token(text, current).DependentsWith("case").Any() && Definite(text, current)
                && !NounCues.ContainsKey(text.WordOf(governor))) break;
            var above = ClassifyByWords(text, sentence, governor);
            if (above.Modality is Modality.Planned or Modality.Considered or Modality.Hypothetical)
                return new ModalityReading(above.Modality, Math.Min(above.Confidence, 0.7));
            if (relation == "obj" && above.Modality == Modality.Asserted && ContentVerbs.Contains(text.WordOf(governor))
                && HolderCue(text, sentence, governor) is { } held)
                return new ModalityReading(held, 0.7);
            current = governor;
        }
        return reading;
    }

    /// <summary>
    /// A clause on a noun with its own subject and a past-tense verb ("the village that the army shelled on Monday"):
    /// it tells what happened, as a relative clause does, whatever the parse calls it (a plain <c>acl</c> when "that"
    /// was read as a conjunction), so the noun's governor does not make it planned.
    /// </summary>
    private static bool IsToldClause(AnnotatedText text, TokenSpan sentence, int verb, string relation)
    {
        if (relation != "acl" || text.PosOf(verb) != "VBD") return false;
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
            if (text.HeadOf(d) == verb && text.RelationOf(d) is "nsubj" or "nsubj:pass") return true;
        return false;
    }

    /// <summary>
    /// The modality a content verb's subject gives what the verb holds: planned for a plan noun ("the plan includes
    /// raids"), considered for a consider noun ("the options include strikes"); null for any other subject or for "no
    /// plans". A subject the parse hangs on a participle of its own ("the options presented to him include") is that
    /// participle's subject.
    /// </summary>
    private static Modality? HolderCue(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var subject = -1;
        for (var d = sentence.StartToken; d < verb && subject < 0; d++)
        {
            if (text.HeadOf(d) != verb) continue;
            if (text.RelationOf(d) is "nsubj" or "nsubj:pass") subject = d;
            // "Options being weighed by the generals include": a subject's participle the parse hangs as a clause.
            else if (text.RelationOf(d) == "advcl" && text.PosOf(d) is "VBN" or "VBG" && !HasSubject(text, sentence, verb)) subject = d;
        }
        if (subject >= 0 && text.PosOf(subject) is "VBN" or "VBG")
        {
            var participle = subject;
            for (var e = sentence.StartToken; e < participle; e++)
                if (text.HeadOf(e) == participle && text.RelationOf(e) is "nsubj" or "nsubj:pass") subject = e;
        }
        if (subject < 0 || !IsNoun(text, subject) || HasNo(text, sentence, subject) || !NounCues.TryGetValue(text.WordOf(subject), out var cue)) return null;
        return cue switch { Cue.Plan => Modality.Planned, Cue.Consider => Modality.Considered, _ => null };
    }

    private static bool HasSubject(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var d = sentence.StartToken; d < sentence.EndToken; d++)
            if (text.HeadOf(d) == verb && text.RelationOf(d) is "nsubj" or "nsubj:pass") return true;
        return false;
    }

    /// <summary>Whether the noun has a definite determiner or a possessor: "the", "this", "those", "its", "Saturday's".</summary>
    private static bool Definite(AnnotatedText text, int noun) =>
        new Token(text, noun).Dependents.Any(d => d.Relation == "nmod:poss"
            || d.Relation == "det" && d.Text.ToLowerInvariant() is "the" or "this" or "that" or "these" or "those");

    /// <summary>"plans to hold talks following the bombing", "after the strike": a past link's phrase took place.</summary>
    private static bool HasPastLink(AnnotatedText text, TokenSpan sentence, int word)
    {
        for (var d = sentence.StartToken; d < word; d++)
            if (text.HeadOf(d) == word && text.RelationOf(d) is "case" or "mark" && PastLinks.Contains(text.WordOf(d))) return true;
        return false;
    }

    private static bool Climbs(string relation)
    {
        var colon = relation.IndexOf(':');
        var main = colon < 0 ? relation : relation[..colon];
        if (relation == "acl:relcl") return false;
        return main is "obj" or "iobj" or "nsubj" or "xcomp" or "nmod" or "acl" or "compound" or "conj" or "obl" or "appos" or "csubj";
    }
}
