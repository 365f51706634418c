using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// The scopes that make a count a toll without a cue word: a whole country, many divisions, a past or current span.
public sealed partial class TollCues
{
    /// <summary>
    /// "Six people were killed and 13 injured in Ukraine": a count over a whole country in a clause that names no attack
    /// of its own is the total of many ("across the country" and "many parts of" are cues in the data file). A clause with
    /// its attack ("killed in Pakistan when a bomb exploded") stays that attack's count.
    /// </summary>
    private TokenSpan? WholeCountry(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        // "Four people died and a further 21 were hurt in Ukraine": the place closes both counts of the clause.
        while (to < sentence.EndToken && !ClauseBreaks.Contains(text.WordOf(to)) && text.WordOf(to) != ",") to++;
        foreach (var m in text.EntitiesStartingIn(from + 1, to))
        {
            var at = m.Span.StartToken - 1;
            if (m.Span.EndToken > to || at >= start && at < end || m.Type != EntityType.Gpe) continue;
            if (!text.WordOf(at).Equals("in", StringComparison.OrdinalIgnoreCase) && !text.WordOf(at).Equals("across", StringComparison.OrdinalIgnoreCase)) continue;
            if (m.Known is not { Country: { } code } known || Gazetteer.Default.Country(code)?.Entity.Key != known.Key) continue;
            // "in Cambodia's Oddar Meanchey province" names a province.
            if (m.Span.EndToken < sentence.EndToken && text.WordOf(m.Span.EndToken) is "'s" or "’s" or "'" or "’") continue;
            // "A barrage killed at least nine people across Ukraine": spread across a whole country, a count sums up many
            // places' dead whatever names the attacks; "in Ukraine" beside one attack stays its count.
            if (!text.WordOf(at).Equals("across", StringComparison.OrdinalIgnoreCase) && NamesAnAttack(text, sentence, from, to)) return null;
            return text.Span(at, m.Span.EndToken);
        }
        return ManyDivisions(text, sentence, from, to, start, end);
    }

    /// <summary>
    /// "Missiles struck cities across Ukraine overnight, killing at least 12 people", "an attack on several cities,
    /// killing 11": a count in a participle clause after a comma sums up the places its main clause spread over (a whole
    /// country after "across", two or more divisions, "across the country"), however far they stand; the words, or null.
    /// </summary>
    private TokenSpan? ManyPlacesBeforeParticiple(AnnotatedText text, TokenSpan sentence, int start)
    {
        // The participle that opens the count's words or stands right before them ("killing at least 11"), after a comma.
        var p = start;
        while (p > sentence.StartToken && start - p < 3 && text.PosOf(p) != "VBG") p--;
        if (p <= sentence.StartToken || text.PosOf(p) != "VBG" || text.WordOf(p - 1) != ",") return null;
        var comma = p - 1;
        var from = comma;
        while (from - 1 >= sentence.StartToken && !ClauseBreaks.Contains(text.WordOf(from - 1))) from--;
        for (var i = from; i < comma; i++)
        {
            if (text.WordOf(i).ToLowerInvariant() is not ("across" or "throughout" or "nationwide")) continue;
            foreach (var (words, since) in CuesStarting(text.WordOf(i)))
            {
                if (!since && CueMatches(text, i, comma, words)) return text.Span(i, i + words.Length);
            }
        }
        return WholeCountry(text, sentence, from, comma, start, start);
    }

    /// <summary>
    /// "wounded in six regions", "killed across eight regions of Ukraine", "in several provinces": a count located in two
    /// or more of a country's divisions (the <c>division</c> nouns of the data file, after "in" or "across" and a number,
    /// or a word of many, or as a verb's object) sums up the dead of many places; the words, or null. Divisions that an attack told in a "when" or
    /// "where" clause after the count hit ("four were killed when drones struck houses in two districts") are that attack's.
    /// </summary>
    private TokenSpan? ManyDivisions(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        for (var i = from; i + 1 < to; i++)
        {
            // "in six regions", "across eight regions", "an attack on several cities", "struck two towns".
            if (i >= start && i < end || text.WordOf(i).ToLowerInvariant() is not ("in" or "across" or "on") && text.PosOf(i) is not ("VBD" or "VBN")) continue;
            if (i >= end && AttackClauseBefore(text, sentence, end, i)) continue;
            var k = i + 1;
            if (NumberStartingAt(text, k) is { } n)
            {
                if (n.Min < 2 || n.Span.StartToken < end && n.Span.EndToken > start) continue;
                // "in six regions": the number's unit may be the noun itself.
                if (n.Unit is { } unit && _divisions.Contains(unit) && n.Span.EndToken <= to) return text.Span(i, n.Span.EndToken);
                k = n.Span.EndToken;
            }
            else if (text.WordOf(k).ToLowerInvariant() is "several" or "multiple" or "many" or "various" or "numerous") k++;
            else continue;
            while (k < to && k - i < 5 && text.PosOf(k) is "JJ" or "NNP") k++;
            if (k < to && _divisions.Contains(text.WordOf(k))) return text.Span(i, k + 1);
        }
        return null;
    }

    /// <summary>"this summer", "in October" before the article's date: a count over a past month, season or year sums it up.</summary>
    private static TokenSpan? PastSpan(AnnotatedText text, int from, int to, int start, int end)
    {
        if (text.Published is not { } published) return null;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.StartToken < end && start < t.Span.EndToken) continue;
            if (t.Precision is TimePrecision.Month or TimePrecision.Season or TimePrecision.Year && t.End is { } last && last < published) return t.Span;
        }
        return null;
    }

    /// <summary>
    /// "September was the deadliest month of the year, with 310 civilians killed", "Last year was the bloodiest yet, with
    /// more than 900 dead": a past month, season or year that opens the sentence as the subject of "be" is what a count of
    /// many after ", with" sums up; its words, or null.
    /// </summary>
    internal TokenSpan? PastSpanSubject(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        // The count's own words, or a toll's that open with the subject: past them to the count after ", with".
        if (start == sentence.StartToken)
        {
            for (var k = start; k + 2 < end; k++)
            {
                if (text.WordOf(k) == "," && text.WordOf(k + 1).Equals("with", StringComparison.OrdinalIgnoreCase)) { start = k + 2; break; }
            }
        }
        if (start - 2 <= sentence.StartToken || !text.WordOf(start - 1).Equals("with", StringComparison.OrdinalIgnoreCase) || text.WordOf(start - 2) != ","
            || !CountsMany(text, start, end)) return null;
        // A bare month name ("September was …") is a time the recognizer leaves to context: any month but the article's own is past.
        var first = text.WordOf(sentence.StartToken);
        var past = PastSpan(text, sentence.StartToken, start - 2, start, end) is { } span && span.StartToken <= sentence.StartToken + 1 ? span
            : Lexicon.IsMonth(first) && Lexicon.IsFullMonthName(first) && text.Published is { } published && Lexicon.MonthOf(first) != published.Month
                ? text.Span(sentence.StartToken, sentence.StartToken + 1) : (TokenSpan?)null;
        if (past is not { } p || p.EndToken >= start - 2) return null;
        return text.WordOf(p.EndToken).ToLowerInvariant() is "was" or "became" or "has" or "had" or "remains" or "remained" ? p : null;
    }

    /// <summary>
    /// "the third deadly strike on the city this week": the week or month the article is published in, within the clause
    /// window of an ordinal, is the span it counts in; the cue, or null.
    /// </summary>
    internal Cue? CurrentSpan(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        if (text.Published is not { } published) return null;
        var (from, to) = Window(text, sentence, start, end);
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.Length == 0) continue;
            if (t.Precision is TimePrecision.Week or TimePrecision.Month && t.Start is { } first && t.End is { } last && first <= published && last >= published) return new Cue(t.Span.StartToken, t.Span.EndToken, false);
        }
        return null;
    }

    /// <summary>
    /// "28 people have been killed in the province this month", "14 people have died in attacks this week": the week or
    /// month the article is published in, with a count of many under a verb in the present perfect, is a total so far;
    /// "a bombing killed 12 earlier this month" is that bombing's. Null when none, or without a parse.
    /// </summary>
    private static TokenSpan? CurrentSpanInPerfect(AnnotatedText text, TokenSpan sentence, int from, int to, int start, int end)
    {
        if (text.Published is not { } published || !CountsMany(text, start, end) || !SyntaxScope.HasParse(text, sentence)) return null;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken < from || t.Span.EndToken > to || t.Span.StartToken < end && start < t.Span.EndToken) continue;
            if (t.Precision is not (TimePrecision.Week or TimePrecision.Month) || t.Start is not { } first || t.End is not { } last || first > published || last < published) continue;
            var verb = SyntaxScope.HeadOf(text, start, end);
            for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
            if (verb >= 0 && PresentPerfect(text, sentence, verb)) return t.Span;
        }
        return null;
    }

    /// <summary>Whether [start, end) holds a number of two or more, or a plural with none ("people were killed").</summary>
    private static bool CountsMany(AnnotatedText text, int start, int end)
    {
        foreach (var n in text.NumbersStartingIn(start, end)) return n.Min >= 2;
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is "NNS" or "NNPS") return true;
        }
        return false;
    }

    /// <summary>
    /// "an outbreak of fighting which has left four dead", "the renewed fighting", "an escalation in fighting": a gerund after
    /// "of", "in", "amid", "during", a determiner or an
    /// adjective, with no object of its own, is the noun a tagger may take for a verb ("accused of fighting the army" has one).
    /// Opening the sentence, it is the noun when it is the subject: the sentence's finite verb follows with no comma between
    /// ("Fighting between the army and rebels has killed 80"; "Fighting the rebels, troops killed six" has an object).
    /// </summary>
    private static bool IsNounGerund(AnnotatedText text, int i)
    {
        if (text.PosOf(i) != "VBG") return false;
        if (text.SentenceOf(i) is var sentence && sentence.StartToken == i) return SubjectGerund(text, sentence, i);
        if (i == 0) return false;
        var before = text.PosOf(i - 1);
        if (!(text.WordOf(i - 1).ToLowerInvariant() is "of" or "in" or "amid" or "during" || before is "DT" or "JJ" or "JJR" or "JJS" or "PRP$")) return false;
        return !new Token(text, i).Dependents.Any(d => d.HasRelation("obj"));
    }

    private static bool SubjectGerund(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (new Token(text, i).Dependents.Any(d => d.HasRelation("obj"))) return false;
        for (var k = i + 1; k < sentence.EndToken && k - i <= 12; k++)
        {
            if (text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k)) || text.PosOf(k) is "VBG" or "VBN" && k == i + 1) return false;
            if (text.PosOf(k) is "VBZ" or "VBP" or "VBD" or "MD") return true;
        }
        return false;
    }
}
