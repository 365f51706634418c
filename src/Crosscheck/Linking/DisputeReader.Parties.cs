using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>Who speaks a dispute when the parse does not say: a quote's speaker, a body named in full before, a subject the parse misplaced.</summary>
internal static partial class DisputeReader
{
    /// <summary>
    /// The speaker of the quote the cue lies in, when the quote names one known: its resolved name, else the words naming it
    /// unless they are a pronoun (one no one named stands for); null otherwise.
    /// </summary>
    private static (string Name, string? Country)? QuoteSpeaker(AnnotatedText text, int cue, IReadOnlyList<Quote>? quotes, string kind = "")
    {
        if (quotes is null) return null;
        var at = text.StartOf(cue);
        foreach (var q in quotes)
        {
            if (at < q.Start || at >= q.End) continue;
            // "\"There were no fighters there,\" said a monk who survived the bombing": a witness, not a party.
            if (kind == "victims" && q.SpeakerSpan is { Length: > 0 } said
                && Enumerable.Range(said.StartToken, said.Length).Any(t => WitnessWords.Contains(text.WordOf(t).ToLowerInvariant()) || Witness(text, t))) return null;
            var country = q.SpeakerEntity?.Known?.Country;
            if (q.SpeakerName is { } name) return (name, country);
            if (q.SpeakerSpan is not { } span || span.Length == 0 || Enumerable.Range(span.StartToken, span.Length).Any(t => text.PosOf(t) is "PRP")) return null;
            if (Hedges.Contains(text.WordOf(span.EndToken - 1).ToLowerInvariant())) return null;
            return (span.Text, country);
        }
        return null;
    }

    /// <summary>
    /// "The ministry also rejected …": a body named by its kind alone ("the ministry", "the army") is the nearest body of that
    /// kind the text named in full before ("Cambodia's Ministry of Defense"); null when the words name it themselves or none came before.
    /// </summary>
    private static (string Name, string? Country)? BodyNamedBefore(AnnotatedText text, int token)
    {
        var head = text.WordOf(token).ToLowerInvariant();
        if (!RoleWords.InstitutionNouns.Contains(head) || text.EntityAt(token) is not null) return null;
        var phrase = SyntaxActors.PhraseOf(text, token);
        for (var t = phrase.StartToken; t < phrase.EndToken; t++)
        {
            if (t != token && (text.EntityAt(t) is not null || text.PosOf(t) is "NNP" or "NNPS" or "PRP$")) return null;
        }
        for (var k = text.Entities.Length - 1; k >= 0; k--)
        {
            var m = text.Entities[k];
            if (m.Span.EndToken > phrase.StartToken || m.Type is not (EntityType.Org or EntityType.Group)) continue;
            if (!IncidentWords.Split(m.Name.Text).Any(w => string.Equals(w, head, StringComparison.OrdinalIgnoreCase))) continue;
            // Whose body: its own country, else the country named just before it ("Cambodia's Ministry of Defense").
            var start = m.Span.StartToken;
            string? country = m.Known?.Country;
            if (k > 0 && text.Entities[k - 1] is var before && before.Type is EntityType.Gpe or EntityType.Norp && before.Span.EndToken >= start - 1
                && text.SentenceOf(before.Span.StartToken).StartToken == text.SentenceOf(start).StartToken)
            {
                country ??= before.Known?.Country;
                start = before.Span.StartToken;
            }
            return (text.Span(start, m.Span.EndToken).Text, country);
        }
        return null;
    }

    /// <summary>
    /// "The police denied the allegations and insisted those killed were insurgents", parsed with the finite deny verb describing
    /// the noun before it (its root elsewhere): that noun is its subject. A participle ("the claims denied by") is left alone.
    /// </summary>
    private static int? FiniteDescriber(AnnotatedText text, int verb)
    {
        if (text.PosOf(verb) is not ("VBD" or "VBZ" or "VBP") || text.RelationOf(verb) != "acl") return null;
        var head = text.HeadOf(verb);
        return head >= 0 && head < verb && text.PosOf(head) is "NN" or "NNS" or "NNP" or "NNPS" ? head : null;
    }

    /// <summary>A verb by which a party says something: of saying, or of denying, rejecting, calling or accusing.</summary>
    private static bool IsSayingVerb(AnnotatedText text, int t)
    {
        if (SyntaxActors.IsSpeechVerb(text, t)) return true;
        var lemmas = Lemmas.Candidates(text.WordOf(t)).Prepend(text.WordOf(t).ToLowerInvariant()).ToList();
        return lemmas.Any(l => DenyVerbs.Contains(l, StringComparer.OrdinalIgnoreCase) || RejectVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)
            || AccuseVerbs.Contains(l, StringComparer.OrdinalIgnoreCase) || CallVerbs.Contains(l, StringComparer.OrdinalIgnoreCase));
    }
}
