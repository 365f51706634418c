using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Attack words that name no one attack: fighting between two countries, a front's many attacks, a series' running count.
public sealed partial class TollCues
{
    /// <summary>
    /// "Nine people died after Laos and Vietnam traded fire", "killed after day-long airstrikes and rocket
    /// fire between Laos and Vietnam": when a sentence's attack words are each an exchange or clash (the "reciprocal"
    /// words of the data file) or the fighting's many attacks (<see cref="IsManyAttacks"/>), and one of them has two
    /// countries as its sides (its subject, or for a noun what hangs from it), its counts are the fighting's toll along
    /// a front, not one attack's dead.
    /// </summary>
    private TokenSpan? TwoSidedFighting(AnnotatedText text, TokenSpan sentence)
    {
        if (_reciprocal.Count == 0 || !SyntaxScope.HasParse(text, sentence)) return null;
        TokenSpan? found = null;
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || CasualtyFinder.IsOutcomeWord(t.Span.Text)) continue;
            var reciprocal = IsReciprocal(text, t.Span);
            if (!reciprocal && !IsManyAttacks(text, sentence, t.Span)) return null;
            var head = SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken);
            var sides = text.PosOf(head) is { } pos && pos.StartsWith("VB", StringComparison.Ordinal) ? SubjectOf(text, sentence, head) : head;
            // Without a subject in the parse, the words right before the attack word ("after Laos and Vietnam exchanged fire").
            // The words before a front's many attacks name their victims as often as their sides ("Ukrainian civilians were
            // killed in Russian shelling"): only what hangs from them names those sides.
            var twoSides = sides >= 0 && CountriesUnder(text, sentence, sides) >= 2 || reciprocal && CountriesBefore(text, sentence, t.Span.StartToken) >= 2;
            // An exchange needs its two sides; the many attacks of a front need none, but give the sides when they name them.
            if (twoSides) found ??= t.Span;
            else if (reciprocal) return null;
        }
        return found;
    }

    private bool IsReciprocal(AnnotatedText text, TokenSpan trigger) =>
        Lemmas.Candidates(text.WordOf(trigger.StartToken)).Any(_reciprocal.Contains) || _reciprocal.Contains(text.WordOf(trigger.StartToken));

    /// <summary>
    /// "in airstrikes and artillery shelling", "killed in rocket fire by Vietnamese forces": an attack noun in the plural or
    /// a mass noun, with no determiner, possessive or number of its own ("a strike", "the shelling", "Monday's raid", "two
    /// strikes") and nothing hanging from it but its agent or its two sides ("by", "between"), in a sentence that names no
    /// place below a country, is a front's many attacks, no one event. False without a parse.
    /// </summary>
    private static bool IsManyAttacks(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (text.PosOf(head) is not ("NN" or "NNS") && !IsNounGerund(text, head)) return false;
        foreach (var d in new Token(text, head).Dependents)
        {
            if (d.Relation is "det" or "nmod:poss" or "nummod") return false;
            if (d.Relation is "nmod" or "acl" or "acl:relcl" && !SyntaxActors.HasCase(text, d.Index, "by") && !SyntaxActors.HasCase(text, d.Index, "between")) return false;
        }
        // The entities are in text order.
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Loc or EntityType.Facility)) continue;
            if (m.Known is not { Country: { } code } known || Gazetteer.Default.Country(code)?.Entity.Key != known.Key) return false;
        }
        return true;
    }

    /// <summary>Attack words that name no one attack: campaign words ("clashes"), a front's many attacks, an exchange between two countries.</summary>
    private bool NamesNoOneAttack(AnnotatedText text, TokenSpan sentence, TokenSpan trigger) =>
        trigger.Length == 1 && IsCampaignWord(text, trigger.StartToken) || IsManyAttacks(text, sentence, trigger)
        || IsReciprocal(text, trigger) && TwoSidedFighting(text, sentence) is not null || TalliesASeries(text, sentence, trigger);

    /// <summary>
    /// "Since March, the navy has destroyed 23 vessels and killed at least 90 people": an attack verb whose object is a
    /// series' running count (<see cref="SeriesInPerfect"/>) tallies many attacks; it names no one attack.
    /// </summary>
    private bool TalliesASeries(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var verb = SyntaxScope.HeadOf(text, trigger.StartToken, trigger.EndToken);
        if (!(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal)) return false;
        foreach (var n in text.NumbersStartingIn(sentence.StartToken, sentence.EndToken))
        {
            if (n.Span.StartToken > verb && SeriesInPerfect(text, sentence, n) is { } cue && cue.Start <= verb && verb < cue.End) return true;
        }
        return false;
    }

    /// <summary>How many different countries the entities in the six words before <paramref name="token"/> name, within its clause.</summary>
    private static int CountriesBefore(AnnotatedText text, TokenSpan sentence, int token)
    {
        var from = token;
        while (from - 1 >= sentence.StartToken && token - from < 6 && !ClauseBreaks.Contains(text.WordOf(from - 1)) && text.WordOf(from - 1) != ",") from--;
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.EntitiesStartingIn(from, token))
        {
            if (m.Type is (EntityType.Gpe or EntityType.Norp) && m.Known?.Country is { } code && m.Span.EndToken <= token) countries.Add(code);
        }
        return countries.Count;
    }

    /// <summary>How many different countries the entities under <paramref name="token"/> (itself included) name.</summary>
    private static int CountriesUnder(AnnotatedText text, TokenSpan sentence, int token)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.EntitiesStartingIn(sentence))
        {
            if (m.Type is not (EntityType.Gpe or EntityType.Norp) || m.Known?.Country is not { } code) continue;
            if (m.Span.Contains(token) || SyntaxScope.IsAncestor(text, token, m.Span.StartToken)) countries.Add(code);
        }
        return countries.Count;
    }

    /// <summary>Whether the text names the country outside <paramref name="span"/>: a place in it, its name, people or bodies.</summary>
    private static bool NamedElsewhere(AnnotatedText text, string country, TokenSpan span)
    {
        foreach (var m in text.Entities)
        {
            if (m.Known?.Country == country && (m.Span.EndToken <= span.StartToken || m.Span.StartToken >= span.EndToken)) return true;
        }
        return false;
    }
}
