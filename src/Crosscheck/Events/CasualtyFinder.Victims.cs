using Crosscheck.Language;

namespace Crosscheck.Events;

// The victim phrases and how many people they count.
public sealed partial class CasualtyFinder
{
    private readonly record struct VictimPhrase(decimal Min, decimal? Max, int Start, int End, bool Anaphoric, bool Additional, bool Pronoun);

    /// <summary>
    /// The victims named by the noun phrase that starts (forward) or ends (backward) at <paramref name="at"/>,
    /// with their count: a number, "a"/"one"/a singular noun/a name/"he" for one, "both" for two, "no one" for none.
    /// Null when the phrase names no people or no count.
    /// </summary>
    private static VictimPhrase? Victims(AnnotatedText text, TokenSpan sentence, int at, bool forward)
    {
        int start, end;
        (int Start, int End)? apposition = null;
        if (forward)
        {
            // "killed a total of six people": the count is what follows "a total of".
            if (at + 3 < sentence.EndToken && text.WordOf(at).Equals("a", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(at + 1).Equals("total", StringComparison.OrdinalIgnoreCase) && text.WordOf(at + 2).Equals("of", StringComparison.OrdinalIgnoreCase)) at += 3;
            start = at;
            end = at;
            // "killing at least 6 civilians"
            foreach (var n in text.NumbersStartingIn(at, at + 1))
            {
                if (n.Span.EndToken <= sentence.EndToken) { end = n.Span.EndToken; break; }
            }
            // "injured 64 overnight": a time after the count is not part of the victims.
            while (end < sentence.EndToken && end - start < 10 && InPhrase(text, end, end == start) && !(end > start && text.InTime(end))) end++;
            // "killing dozens of farmers", "wounding hundreds of people": the people after "of" are what a vague count counts.
            if (end > start && end + 1 < sentence.EndToken && text.WordOf(end).Equals("of", StringComparison.OrdinalIgnoreCase) && IsScalePlural(text, start, end)
                && InPhrase(text, end + 1, false) && !IsVerbLike(text, end + 1))
            {
                end++;
                while (end < sentence.EndToken && end - start < 12 && InPhrase(text, end, false) && !text.InTime(end)) end++;
            }
            // "killed a man, his wife and their three children": kin set off by commas, each opened by "his", "her" or "their",
            // and closed by "and" (the joiners below take the last part).
            if (end > start && KinListEnd(text, sentence, end) is { } kin) end = kin;
            // "his wife and daughter", "a man and a woman", "his five children as well as his wife"
            // "the deaths of five workers and injuries to 20 others": a noun of the dead or the hurt after "and" opens another count.
            while (JoinerLength(text, sentence, end) is var joiner and > 0 && end + joiner < sentence.EndToken && InPhrase(text, end + joiner, true) && !IsVerbLike(text, end + joiner)
                && !OpensCasualtyNoun(text, end + joiner))
            {
                end += joiner;
                while (end < sentence.EndToken && end - start < 20 && InPhrase(text, end, false)) end++;
            }
            // "a family of five": the count after "of" is the victims'.
            if (end - start <= 3 && end + 2 <= sentence.EndToken && text.WordOf(end - 1).ToLowerInvariant() is "family" or "household"
                && text.WordOf(end).Equals("of", StringComparison.OrdinalIgnoreCase) && TollCues.NumberStartingAt(text, end + 1) is { Min: > 1 } familySize)
                return new VictimPhrase(familySize.Min, familySize.Max, start, familySize.Span.EndToken, false, false, false);
            // Trailing possessive or apposition is left out: "his wife, 36," stays "his wife".
        }
        else
        {
            end = at;
            // "11 civilians—including several children—were killed", "11 civilians (two of them children) were killed": an
            // aside in dashes or brackets between the victims and their verb is not part of them.
            if (end - 2 > sentence.StartToken && text.WordOf(end - 1) is "—" or "–" or ")")
            {
                var open = text.WordOf(end - 1) == ")" ? "(" : text.WordOf(end - 1);
                for (var k = end - 2; k > sentence.StartToken && end - k <= 16; k--)
                {
                    if (text.WordOf(k) is ";" or ":" || text.WordOf(k) is "—" or "–" or "(" or ")" && text.WordOf(k) != open) break;
                    if (text.WordOf(k) != open) continue;
                    end = k;
                    break;
                }
            }
            // "14 people in Thailand were injured": a place after the victims is not part of them.
            if (PlaceBefore(text, sentence, end) is { } placeStart) end = placeStart;
            // "Three people aboard the vessel were killed": where the victims were is not part of them either.
            if (AboardBefore(text, sentence, end) is { } aboard) end = aboard;
            // "five other men from Urgun District were killed": nor where they came from.
            if (FromPlaceBefore(text, sentence, end) is { } from) end = from;
            // "Jane Doe, 23, of Chicago, was": the victim is the phrase before the first comma of the apposition.
            if (end - 1 >= sentence.StartToken && text.WordOf(end - 1) == ",")
            {
                var firstComma = -1;
                for (var j = end - 2; j >= sentence.StartToken && end - j <= 14; j--)
                {
                    var wj = text.WordOf(j);
                    // "In a strike on Monday, 11 civilians, including several children, were killed": the aside's own comma
                    // ends the victims; a comma before them belongs to the words that open the sentence.
                    if (wj.Equals("including", StringComparison.OrdinalIgnoreCase) && j - 2 >= sentence.StartToken && text.WordOf(j - 1) == ","
                        && text.PosOf(j - 2) is "NN" or "NNS" or "NNP" or "NNPS")
                    {
                        firstComma = j - 1;
                        break;
                    }
                    if (wj == "," && j - 1 >= sentence.StartToken && text.PosOf(j - 1) is "NNP" or "NN" or "NNS" or "NNPS") firstComma = j;
                    // "At least ten people, including a woman, were killed": an aside that opens with "including" is no verb.
                    if (text.PosOf(j) is { } pj && pj.StartsWith("VB", StringComparison.Ordinal) && !wj.Contains('-', StringComparison.Ordinal) && !InRelativeClause(text, sentence, j)
                        && !(wj.Equals("including", StringComparison.OrdinalIgnoreCase) && j - 1 >= sentence.StartToken && text.WordOf(j - 1) == ",")) break;
                    if (wj is ";" or ":" or "(" or ")") break;
                }
                if (firstComma < 0) return null;
                apposition = (firstComma + 1, end - 1);
                end = firstComma;
            }
            start = end;
            // A pronoun is a whole phrase: "told investigators he was shot" names one victim, "he".
            // "In April a Laotian guard was shot dead": a time before the victims is not part of them.
            while (start - 1 >= sentence.StartToken && end - start < 10 && !(start < end && IsPronoun(text.WordOf(start)))
                && InPhrase(text, start - 1, start - 1 == end - 1) && !text.InTime(start - 1)) start--;
            // "at least 64 people": the number's words belong to the phrase.
            start = NumberStartBefore(text, sentence, start);
            // "a man and a woman were shot"
            // "shot in the thigh and forearm and a 23-year-old man", "three people dead and nine others": the part before "and" must name people.
            // "At least 23 soldiers and more than 200 militants": the second part's number words come first. "since
            // Wednesday and 87 others": a day before "and" is no one.
            // "three players (A, B and C) alongside five other men": "alongside" joins like "and", past a bracketed aside.
            // "two drummers along with five other guests": "along with", "together with" and "as well as" join like "and", but
            // not after a comma (a count of casualties, then an aside of who was among them, then "along with" four guards killed:
            // the guards are counted on their own).
            while (JoinerEndingAt(text, sentence, start - 1) is var joiner and > 0 && start - joiner - 1 >= sentence.StartToken && end - start < 16
                && (joiner == 1 || text.WordOf(start - joiner - 1) != ",")
                && AsideBefore(text, sentence, start - joiner) is var last && InPhrase(text, last, true) && !text.InTime(last)
                && (NamesPerson(text, last) || CountedAgentPlural(text, last) || SharesNoun(text, sentence, last, start) || SharesAdjectivesNoun(text, last, end)))
            {
                start = last + 1;
                while (start - 1 >= sentence.StartToken && end - start < 20 && InPhrase(text, start - 1, false)) start--;
                start = NumberStartBefore(text, sentence, start);
            }
            // "Omar, Bilal, Tariq, and four other men": a list of names before the last part, each one person.
            if (NameListBefore(text, sentence, start) is { } list && end - list < 24) start = list;
            // "a young mother of three", "the father of two": the victim is the noun before "of"; in "A total of 28 people
            // were killed" the count is what follows it.
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase)
                && text.PosOf(start - 2) is "NN" or "NNP" && text.WordOf(start - 2).ToLowerInvariant() is not ("one" or "total"))
                return Victims(text, sentence, start - 1, forward: false);
            // "27 members of a single family", "five residents of the village": counted people named by a plural noun
            // before "of" are the victims, not what they belong to.
            if (start - 3 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && text.PosOf(start - 2) is "NNS"
                && (PersonNouns.Contains(text.WordOf(start - 2)) || IsAgentPlural(text.WordOf(start - 2)))
                && (NumberEndingAt(text, start - 2) is not null || text.PosOf(start - 3) is "JJ" && NumberEndingAt(text, start - 3) is not null))
                return Victims(text, sentence, start - 1, forward: false);
            // "one of the victims", "two of them"
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && NumberEndingAt(text, start - 1) is { } partitive)
                return new VictimPhrase(partitive.Min, partitive.Max, partitive.Span.StartToken, end, true, false, false);
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && text.WordOf(start - 2) is "one" or "One")
                return new VictimPhrase(1, 1, start - 2, end, true, false, false);
            // "both of the injured", "both of them": two, named before.
            if (start - 2 >= sentence.StartToken && text.WordOf(start - 1).Equals("of", StringComparison.OrdinalIgnoreCase) && text.WordOf(start - 2) is "both" or "Both")
                return new VictimPhrase(2, 2, start - 2, end, true, false, false);
        }
        if (end <= start) return null;
        // "Isaac Duran, a 19-year-old Latino, was shot": a name set off by an age names one person, whatever the recognizer
        // took the name for (a place, an organisation).
        // "Drone strike kills family", "a household was wiped out": one family is at least two people, not one.
        if (Count(text, start, end) is { } counted)
            return counted is { Min: 1, Max: 1 } && text.WordOf(end - 1).ToLowerInvariant() is "family" or "household" && text.PosOf(end - 1) is "NN"
                && NumberAt(text, start, end) is null && !Enumerable.Range(start, end - start).Any(t => JoinerLength(text, t, end) > 0)
                ? counted with { Min = 2, Max = null } : counted;
        if (apposition is not { } a) return null;
        // "The victims, John Smith, 24, and Mark Jones, 31, were taken": a group the text does not count, then its members by
        // name and age, one each.
        if (text.PosOf(end - 1) is "NNS" && NamesPeople(text, start, end) && NamesWithAges(text, a.Start, a.End) is { } members)
            return new VictimPhrase(members, members, start, a.End, true, false, false);
        return GivesAge(text, a.Start, a.End) && AllProperNouns(text, start, end) ? new VictimPhrase(1, 1, start, end, true, false, false) : null;
    }

    /// <summary>
    /// Where a list of kin after a victim phrase ends (", his wife, her son" up to the "and" that closes it) when the phrase
    /// ends at <paramref name="at"/> with a comma; null unless every part opens with "his", "her" or "their", names people
    /// and the list ends in "and" (", his brother said" is no list).
    /// </summary>
    private static int? KinListEnd(AnnotatedText text, TokenSpan sentence, int at)
    {
        var end = at;
        int? closed = null;
        while (end + 2 < sentence.EndToken && text.WordOf(end) == "," && text.WordOf(end + 1).ToLowerInvariant() is "his" or "her" or "their")
        {
            var part = end + 1;
            var k = part + 1;
            while (k < sentence.EndToken && k - part < 6 && InPhrase(text, k, false)) k++;
            if (k == part + 1 || !NamesPeople(text, part, k)) return null;
            end = k;
            if (k < sentence.EndToken && (text.WordOf(k) == "and" || k + 1 < sentence.EndToken && text.WordOf(k) == "," && text.WordOf(k + 1) == "and")) closed = k;
        }
        return closed;
    }

    private static NumberMention? NumberAt(AnnotatedText text, int start, int end)
    {
        foreach (var n in text.NumbersStartingIn(start, end))
        {
            if (n.Span.EndToken <= end) return n;
        }
        return null;
    }

    /// <summary>
    /// The victims the parse gives an outcome word when the words around it gave none: the noun that is its subject
    /// ("11 civilians—including several children—were killed": an aside the word window cannot cross) or, with
    /// <paramref name="objectOf"/>, its object ("killed over 200 Taliban": a group named by its proper noun), counted
    /// by the number hanging from that noun (the number right before it). The noun must name people (a person noun, an
    /// agent plural or a proper noun); null otherwise or without a parse.
    /// </summary>
    private static VictimPhrase? ParsedVictims(AnnotatedText text, TokenSpan sentence, int outcome, bool objectOf)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        foreach (var d in new Token(text, outcome).Dependents)
        {
            if (!(objectOf ? d.HasRelation("obj") : d.HasRelation("nsubj"))) continue;
            var noun = d.Index;
            if (text.PosOf(noun) is not ("NNS" or "NNP" or "NNPS") || !(PersonNouns.Contains(text.WordOf(noun)) || IsAgentPlural(text.WordOf(noun)) || text.PosOf(noun) is "NNP" or "NNPS")) return null;
            if (NumberEndingAt(text, noun) is not { } number || IsAge(text, number) || !d.DependentsWith("nummod").Any(n => number.Span.Contains(n.Index))) return null;
            return new VictimPhrase(number.Min, number.Max, number.Span.StartToken, noun + 1, false, false, false);
        }
        return null;
    }

    private static NumberMention? NumberEndingAt(AnnotatedText text, int token)
    {
        // Numbers do not overlap: only the last one starting before it can end there.
        var before = text.NumbersStartingIn(0, token);
        return before.Length > 0 && before[^1].Span.EndToken == token ? before[^1] : null;
    }
}
