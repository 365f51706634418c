using Crosscheck.Language;

namespace Crosscheck.Events;

// Groups of victims named apart from an outcome verb: bodies, inverted groups, identified dead, partitives, none.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// The dead that the number before "bodies" at <paramref name="bodies"/> counts, right before it or before one describing
    /// word ("13 bodies", "four more bodies", "six charred bodies"); null when no number counts them or it is an age.
    /// </summary>
    private static Statement? CountedBodies(AnnotatedText text, TokenSpan sentence, int bodies)
    {
        var described = bodies - 1 >= sentence.StartToken && text.PosOf(bodies - 1) is "JJ" or "JJR" or "RBR" or "VBN";
        var numberEnd = described ? bodies - 1 : bodies;
        if (NumberEndingAt(text, numberEnd) is not { } n || n.Span.StartToken < sentence.StartToken || IsAge(text, n)) return null;
        var more = described && Additions.Contains(text.WordOf(bodies - 1).ToLowerInvariant());
        return new Statement(Outcome.Killed, n.Min, n.Max, n.Span.StartToken, bodies + 1, n.Span.StartToken, bodies + 1, false, more);
    }

    /// <summary>
    /// "Among the dead were six children", "Those killed included two policemen and a child", "Killed were five fighters",
    /// "among those who died were three nurses": a group of the dead at <paramref name="i"/> ("the dead", "those killed",
    /// "those who died", or an opening "Killed") and a link after it (<c>@inversion-links</c>) name the dead after the
    /// link. A form of "be" needs "among" before the group or the group to open the sentence ("the dead were taken away"
    /// names no one, "the dead were 19" is a tally); "among" or "included" (<c>@partial-links</c>) count only some of the
    /// dead, a lower bound. They are the dead, never hurt victims told before who died (the group is not anaphoric). Null
    /// when the words are no such group.
    /// </summary>
    private static Statement? Inverted(AnnotatedText text, TokenSpan sentence, int i)
    {
        var w = text.WordOf(i).ToLowerInvariant();
        var before = i - 1 >= sentence.StartToken ? text.WordOf(i - 1).ToLowerInvariant() : "";
        int groupStart;
        if (w == "dead" && before == "the") groupStart = i - 1;
        else if (KilledParticiples.Contains(w) && before is "those" or "people") groupStart = i - 1;
        else if (KilledParticiples.Contains(w) && i == sentence.StartToken) groupStart = i;
        else if (Died.Contains(w) && before == "who" && i - 2 >= sentence.StartToken && text.WordOf(i - 2).ToLowerInvariant() is "those" or "people") groupStart = i - 2;
        else return null;
        // "Those killed in Tuesday's attack on the convoy included two aid workers": where the group died may stand between it
        // and its link.
        var linkAt = LinkAfterPlace(text, sentence, i + 1);
        if (linkAt + 1 >= sentence.EndToken || !InversionLinks.Contains(text.WordOf(linkAt))) return null;
        var link = text.WordOf(linkAt);
        var among = groupStart > sentence.StartToken && text.WordOf(groupStart - 1).Equals("among", StringComparison.OrdinalIgnoreCase);
        if (BeForms.Contains(link) && !among && groupStart != sentence.StartToken) return null;
        if (Victims(text, sentence, linkAt + 1, forward: true) is not { Max: not null, Pronoun: false } named || named.Start != linkAt + 1 || named.Min <= 0) return null;
        var partial = among || PartialLinks.Contains(link);
        return new Statement(Outcome.Killed, named.Min, partial ? null : named.Max, among ? groupStart - 1 : groupStart, named.End, named.Start, named.End, false, false);
    }

    /// <summary>
    /// Where the link of an inverted group of the dead stands: <paramref name="at"/>, or past a phrase of where or when they
    /// died that opens with a preposition and holds no comma or verb ("those killed in the attack on the convoy included").
    /// </summary>
    private static int LinkAfterPlace(AnnotatedText text, TokenSpan sentence, int at)
    {
        if (at >= sentence.EndToken || text.PosOf(at) != "IN" || text.WordOf(at).ToLowerInvariant() is "as" or "that" or "because" or "if") return at;
        for (var k = at + 1; k < sentence.EndToken && k - at <= 12; k++)
        {
            var w = text.WordOf(k);
            if (InversionLinks.Contains(w) && text.PosOf(k) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) return k;
            // ("in the fighting": a gerund after a determiner is a noun.)
            if (w is "," or ";" or ":" or "—" or "–" || text.PosOf(k) is { } q && q.StartsWith("VB", StringComparison.Ordinal) && text.PosOf(k - 1) is not ("DT" or "PRP$" or "POS")) return at;
        }
        return at;
    }

    /// <summary>Whether the words are names joined by commas and "and" ("Tomas Bren and Ivo Sarl"), ending in one.</summary>
    private static bool OnlyNames(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is not ("NNP" or "NNPS") && text.WordOf(i) is not ("," or "and")) return false;
        }
        return end > start && text.PosOf(end - 1) is "NNP" or "NNPS";
    }

    /// <summary>"The dead were identified", "the wounded have been identified": the kind of victims before the verb; null for others.</summary>
    private static Outcome? IdentifiedGroup(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var k = verb - 1;
        while (k > sentence.StartToken && (BeForms.Contains(text.WordOf(k)) || text.WordOf(k).ToLowerInvariant() is "have" or "has" or "had" or "since" or "now")) k--;
        if (k == verb - 1 || k - 1 < sentence.StartToken || !text.WordOf(k - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        var group = text.WordOf(k).ToLowerInvariant();
        return group is "dead" or "deceased" or "slain" ? Outcome.Killed : group is "wounded" or "injured" ? Outcome.Injured : null;
    }

    /// <summary>
    /// Where the "no" that makes the noun at <paramref name="noun"/> a count of none stands: right before it ("no
    /// injuries") or before words of reporting ("no immediate reports of casualties", "no confirmed deaths"); null otherwise.
    /// </summary>
    private static int? NoBefore(AnnotatedText text, TokenSpan sentence, int noun)
    {
        for (var k = noun - 1; k >= sentence.StartToken && noun - k <= 4; k--)
        {
            if (text.WordOf(k).Equals("no", StringComparison.OrdinalIgnoreCase)) return k;
            if (!NoReportWords.Contains(text.WordOf(k))) return null;
        }
        return null;
    }

    /// <summary>
    /// "One of the men killed was a fisherman", "two of those wounded are children", "one of the three men killed when the
    /// boat was hit was a fisherman": a participle after the noun of a partitive describes some of the victims, with a verb
    /// of its own after it or, in the parse, as a reduced relative with no object. It states no count of them, unless the
    /// group it describes has its own number ("the three men killed"): then that is the count, not the part's one.
    /// Null when the participle is no such description.
    /// </summary>
    private static PartitiveReading? Partitive(AnnotatedText text, TokenSpan sentence, int participle)
    {
        // (A tagger may read the participle as a past tense: "the men killed was" cannot be one.)
        if (text.PosOf(participle) is not ("VBN" or "VBD") || participle + 1 >= sentence.EndToken) return null;
        var verbAfter = text.PosOf(participle + 1) is "VBD" or "VBZ" or "VBP" or "MD";
        if (!verbAfter && !(text.RelationOf(participle) == "acl" && !HasObject(text, participle))) return null;
        // Back over the noun phrase ("the men", "those", "the three people") to its "of" and the number before it.
        for (var k = participle - 1; k >= Math.Max(sentence.StartToken + 1, participle - 5); k--)
        {
            if (text.WordOf(k).Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                if (NumberEndingAt(text, k) is null && text.WordOf(k - 1) is not ("one" or "One")) return null;
                var whole = NumberEndingAt(text, participle - 1) ?? NumberEndingAt(text, participle - 2);
                return new PartitiveReading(whole is { Span.StartToken: var s } && s > k ? whole : null);
            }
            if (text.PosOf(k) is not ("DT" or "NN" or "NNS" or "JJ" or "PRP$" or "CD")) return null;
        }
        return null;
    }

    private sealed record PartitiveReading(NumberMention? Whole);

    /// <summary>Whether the parse gives the verb at <paramref name="verb"/> a direct object (false without a parse).</summary>
    private static bool HasObject(AnnotatedText text, int verb) => new Token(text, verb).Dependents.Any(d => d.Relation == "obj");
}
