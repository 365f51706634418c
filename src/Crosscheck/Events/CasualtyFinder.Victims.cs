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
        }
        if (end <= start) return null;
        // "Isaac Duran, a 19-year-old Latino, was shot": a name set off by an age names one person, whatever the recognizer
        // took the name for (a place, an organisation).
        if (Count(text, start, end) is { } counted) return counted;
        if (apposition is not { } a) return null;
        // "The victims, John Smith, 24, and Mark Jones, 31, were taken": a group the text does not count, then its members by
        // name and age, one each.
        if (text.PosOf(end - 1) is "NNS" && NamesPeople(text, start, end) && NamesWithAges(text, a.Start, a.End) is { } members)
            return new VictimPhrase(members, members, start, a.End, true, false, false);
        return GivesAge(text, a.Start, a.End) && AllProperNouns(text, start, end) ? new VictimPhrase(1, 1, start, end, true, false, false) : null;
    }

    /// <summary>
    /// How many people a list of two or more names, each with its age, names ("John Smith, 24, and Mark Jones, 31"); null
    /// when the words [start, end) are not such a list.
    /// </summary>
    private static int? NamesWithAges(AnnotatedText text, int start, int end)
    {
        var names = 0;
        var i = start;
        while (i < end)
        {
            if (names > 0 && text.WordOf(i) is "and" or ",") { i++; continue; }
            var name = i;
            while (i < end && text.PosOf(i) is "NNP") i++;
            if (i == name || i + 2 > end || text.WordOf(i) != ",") return null;
            // The age after the name: ", 24" (the list's last one may end the words).
            if (text.NumbersStartingIn(i + 1, i + 2) is not [var age, ..] || !IsAge(text, age) && !(age.Span.EndToken == end && age.Span.Length == 1)) return null;
            names++;
            i = age.Span.EndToken;
        }
        return names >= 2 ? names : null;
    }

    /// <summary>Whether the words [start, end) give an age: "24", "a 19-year-old Latino".</summary>
    private static bool GivesAge(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.WordOf(i).Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        }
        foreach (var n in text.NumbersStartingIn(start, start + 1))
        {
            if (n.Span.EndToken <= end && IsAge(text, n)) return true;
        }
        return false;
    }

    private static bool AllProperNouns(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is not ("NNP" or "NNPS")) return false;
        }
        return true;
    }

    /// <summary>The start of a number whose words run into <paramref name="start"/> ("at least 64", "more than 200"); else <paramref name="start"/>.</summary>
    private static int NumberStartBefore(AnnotatedText text, TokenSpan sentence, int start)
    {
        // Numbers do not overlap: only the last one starting before it can hold it.
        var before = text.NumbersStartingIn(sentence.StartToken, start);
        return before.Length > 0 && start < before[^1].Span.EndToken ? before[^1].Span.StartToken : start;
    }

    /// <summary>
    /// Where "aboard the vessel", "on board the boat", "on the boat" or "in the car" starts when it ends at
    /// <paramref name="end"/> right after people ("three men aboard the vessel"); null otherwise.
    /// </summary>
    private static int? AboardBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        for (var p = end - 1; p >= sentence.StartToken + 1 && end - p <= 5; p--)
        {
            var w = text.WordOf(p).ToLowerInvariant();
            if (w is "aboard" or "onboard" || w == "board" && text.WordOf(p - 1).Equals("on", StringComparison.OrdinalIgnoreCase))
            {
                var at = w == "board" ? p - 1 : p;
                // People, or any plural before a word of being on board ("narco-terrorists aboard the vessel").
                return at - 1 >= sentence.StartToken && (NamesPerson(text, at - 1) || text.PosOf(at - 1) is "NNS" or "CD") ? at : null;
            }
            if (w is "on" or "in" && p + 1 < end && text.PosOf(end - 1) is "NN" && NamesPerson(text, p - 1) && text.PosOf(p - 1) is "NNS") return p;
            if (text.PosOf(p) is not ("DT" or "NN" or "JJ" or "NNP" or "PRP$")) return null;
        }
        return null;
    }

    /// <summary>
    /// Where "in PLACE" starts when it ends at <paramref name="end"/> right after a counted phrase ("14 people in
    /// Thailand"); null otherwise.
    /// </summary>
    private static int? PlaceBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        foreach (var m in text.EntitiesStartingIn(sentence.StartToken, end))
        {
            if (m.Span.EndToken != end || m.Type is not (EntityType.Gpe or EntityType.Loc)) continue;
            var prep = m.Span.StartToken - 1;
            if (prep - 1 < sentence.StartToken || !text.WordOf(prep).Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
            return NamesPerson(text, prep - 1) && text.PosOf(prep - 1) is not "NNP" ? prep : null;
        }
        return null;
    }

    /// <summary>
    /// The last word of the part before the "and" at <paramref name="and"/>, past an aside that opens with "including":
    /// "nine farmers, including a boy, and one guard" gives "farmers".
    /// </summary>
    private static int AsideBefore(AnnotatedText text, TokenSpan sentence, int and)
    {
        // "two drivers (Omar and Bilal) alongside": the part ends before the bracket.
        if (text.WordOf(and - 1) == ")")
        {
            for (var k = and - 2; k > sentence.StartToken && and - k <= 12; k--)
            {
                if (text.WordOf(k) == "(") return k - 1;
                if (text.WordOf(k) == ")") break;
            }
            return and - 1;
        }
        if (text.WordOf(and - 1) != ",") return and - 1;
        for (var k = and - 2; k - 1 > sentence.StartToken && and - k <= 6; k--)
        {
            if (text.WordOf(k) == ",") return and - 1;
            // Only after a group named by its noun ("11 civilians"), not a bare figure ("rose to 16, including one child, and …").
            if (text.WordOf(k).Equals("including", StringComparison.OrdinalIgnoreCase) && text.WordOf(k - 1) == ",")
                return PersonNouns.Contains(text.WordOf(k - 2)) ? k - 2 : and - 1;
        }
        return and - 1;
    }

    /// <summary>
    /// "nine Afghan and 58 Pakistani soldiers": a number and an adjective before the joiner share the noun of the group
    /// after it, which is a number, an adjective and a person noun (at <paramref name="after"/>); <paramref name="last"/>
    /// is the adjective.
    /// </summary>
    private static bool SharesNoun(AnnotatedText text, TokenSpan sentence, int last, int after)
    {
        if (text.PosOf(last) is not ("JJ" or "NNP") || NumberEndingAt(text, last) is not { } own || IsAge(text, own)) return false;
        if (TollCues.NumberStartingAt(text, after) is not { } other || other.Span.EndToken + 1 >= sentence.EndToken) return false;
        var adjective = other.Span.EndToken;
        return text.PosOf(adjective) is "JJ" or "NNP" && PersonNouns.Contains(text.WordOf(adjective + 1));
    }

    /// <summary>Whether the words [start, end) are only a vague count by a plural scale noun ("dozens", "scores", "hundreds", "thousands").</summary>
    private static bool IsScalePlural(AnnotatedText text, int start, int end) =>
        text.WordOf(end - 1).ToLowerInvariant() is "dozens" or "scores" or "hundreds" or "thousands"
        && NumberAt(text, start, end) is { } n && n.Span.StartToken == start && n.Span.EndToken == end;

    /// <summary>"two drummers", "three young porters": a plural agent noun counted by a number right before it or its one adjective.</summary>
    private static bool CountedAgentPlural(AnnotatedText text, int noun) =>
        text.PosOf(noun) is "NNS" && IsAgentPlural(text.WordOf(noun))
        && (NumberEndingAt(text, noun) is { } n && !IsAge(text, n) || noun > 0 && text.PosOf(noun - 1) is "JJ" && NumberEndingAt(text, noun - 1) is { } m && !IsAge(text, m));

    /// <summary>
    /// "dozens of local and foreign gunmen": an adjective at <paramref name="adjective"/>, "and", then adjectives and a
    /// plural person noun ending before <paramref name="end"/>, with no number among them: both adjectives describe the
    /// one group the noun names, so "and" parts nothing.
    /// </summary>
    private static bool SharesAdjectivesNoun(AnnotatedText text, int adjective, int end)
    {
        var next = adjective + 2;
        if (next >= end - 1 || text.PosOf(adjective) is not ("JJ" or "NNP") || text.WordOf(adjective + 1) != "and") return false;
        if (text.PosOf(next) is not "JJ" || Additions.Contains(text.WordOf(next))) return false;
        if (text.PosOf(end - 1) is not "NNS" || !(PersonNouns.Contains(text.WordOf(end - 1)) || IsAgentPlural(text.WordOf(end - 1)))) return false;
        for (var k = next + 1; k < end - 1; k++)
        {
            if (text.PosOf(k) is not ("JJ" or "NNP")) return false;
        }
        return !text.Numbers.Any(n => n.Span.StartToken < end && n.Span.EndToken > adjective);
    }

    /// <summary>How many words join two victim groups at <paramref name="at"/> going forward: "and" 1, "as well as" 3; else 0.</summary>
    private static int JoinerLength(AnnotatedText text, TokenSpan sentence, int at) => JoinerLength(text, at, sentence.EndToken);

    /// <summary>
    /// How many words, all before <paramref name="end"/>, join two victim groups into one count at <paramref name="at"/>:
    /// "and" and "alongside" 1, "along with" and "together with" 2, "as well as" 3; else 0.
    /// </summary>
    private static int JoinerLength(AnnotatedText text, int at, int end)
    {
        if (at >= end) return 0;
        if (IsJoiner(text.WordOf(at))) return 1;
        if (at + 1 < end && text.WordOf(at).ToLowerInvariant() is "along" or "together" && text.WordOf(at + 1).Equals("with", StringComparison.OrdinalIgnoreCase)) return 2;
        return IsAsWellAs(text, at, end) ? 3 : 0;
    }

    /// <summary>How many words of a joiner (<see cref="JoinerLength(AnnotatedText, int, int)"/>) end at <paramref name="last"/>; 0 when none does.</summary>
    internal static int JoinerEndingAt(AnnotatedText text, TokenSpan sentence, int last)
    {
        for (var length = 1; length <= 3; length++)
        {
            if (last - length + 1 >= sentence.StartToken && JoinerLength(text, last - length + 1, last + 1) == length) return length;
        }
        return 0;
    }

    /// <summary>Whether "as well as" starts at <paramref name="at"/> and ends before <paramref name="end"/>.</summary>
    private static bool IsAsWellAs(AnnotatedText text, int at, int end) =>
        at + 2 < end && text.WordOf(at).Equals("as", StringComparison.OrdinalIgnoreCase)
        && text.WordOf(at + 1).Equals("well", StringComparison.OrdinalIgnoreCase) && text.WordOf(at + 2).Equals("as", StringComparison.OrdinalIgnoreCase);

    /// <summary>A word that joins two victim groups into one count: "and", "alongside".</summary>
    private static bool IsJoiner(string word) => word == "and" || word.Equals("alongside", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a list of two or more names ends by ", and" right before <paramref name="start"/> ("Kabeer, Sibghatullah,
    /// Haroon, and five others") starts; null otherwise. Each name is one to four proper nouns.
    /// </summary>
    private static int? NameListBefore(AnnotatedText text, TokenSpan sentence, int start)
    {
        if (start - 3 < sentence.StartToken || text.WordOf(start - 1) != "and" || text.WordOf(start - 2) != "," || text.PosOf(start - 3) != "NNP") return null;
        var names = 0;
        var first = -1;
        var k = start - 3;
        while (k >= sentence.StartToken)
        {
            var nameEnd = k;
            while (k >= sentence.StartToken && nameEnd - k < 4 && text.PosOf(k) == "NNP") k--;
            if (k == nameEnd) break;
            names++;
            first = k + 1;
            if (k - 1 < sentence.StartToken || text.WordOf(k) != "," || text.PosOf(k - 1) != "NNP") break;
            k--;
        }
        return names >= 2 ? first : null;
    }

    /// <summary>
    /// Where "from PLACE" starts when it ends at <paramref name="end"/> right after people named by a plural ("five
    /// other men from Urgun District"): the place is one to four proper nouns; null otherwise.
    /// </summary>
    private static int? FromPlaceBefore(AnnotatedText text, TokenSpan sentence, int end)
    {
        var k = end - 1;
        while (k > sentence.StartToken && end - k <= 4 && text.PosOf(k) == "NNP") k--;
        if (k == end - 1 || k - 1 < sentence.StartToken || !text.WordOf(k).Equals("from", StringComparison.OrdinalIgnoreCase)) return null;
        return text.PosOf(k - 1) == "NNS" && NamesPerson(text, k - 1) ? k : null;
    }

    /// <summary>"The victim, whose name has not been released, was shot": a verb after "who", "whose" or "which" within a few words.</summary>
    private static bool InRelativeClause(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var k = verb - 1; k >= sentence.StartToken && verb - k <= 6; k--)
        {
            if (text.WordOf(k) is "who" or "whose" or "which" or "whom") return k - 1 >= sentence.StartToken && text.WordOf(k - 1) == ",";
            if (text.WordOf(k) == ",") return false;
        }
        return false;
    }

    /// <summary>Whether a noun of the dead or the hurt ("deaths", "injuries") opens the words at <paramref name="i"/>.</summary>
    private static bool OpensCasualtyNoun(AnnotatedText text, int i) =>
        (KilledNouns.Contains(text.WordOf(i)) || InjuredNouns.Contains(text.WordOf(i))) && text.PosOf(i) is { } p && p.StartsWith("NN", StringComparison.Ordinal);

    private static bool IsVerbLike(AnnotatedText text, int i) => text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && !KilledActive.Contains(text.WordOf(i));

    /// <summary>A personal pronoun; "US" in capitals is the country ("No US personnel were hurt").</summary>
    private static bool IsPronoun(string word) => word != "US" && (Pronouns.Contains(word) || PluralPronouns.Contains(word));

    /// <summary>Whether token <paramref name="i"/> can be part of a victim noun phrase; a pronoun only as the whole phrase.</summary>
    private static bool InPhrase(AnnotatedText text, int i, bool first)
    {
        var w = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        if (pos == "PRP$") return true;
        // "US" in capitals inside a phrase is the country ("No US personnel were hurt"), not the pronoun.
        if ((Pronouns.Contains(w) || PluralPronouns.Contains(w)) && !(w == "US" && !first)) return first && pos is "PRP" or "";
        if (w.Equals("no", StringComparison.OrdinalIgnoreCase) || w.Equals("nobody", StringComparison.OrdinalIgnoreCase) || w.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        // Marks the tagger took for words (">>" as a proper noun) end the phrase.
        if (pos is not ("HYPH" or "POS") && !HasLetterOrDigit(w)) return false;
        // "seven people nationwide", "40 people overall": the count's extent, not part of the people.
        if (!first && ExtentAdverbs.Contains(w)) return false;
        if (pos is "DT" or "CD" or "JJ" or "JJR" or "JJS" or "NN" or "NNS" or "NNP" or "NNPS" or "POS" or "PRP$" or "VBN" or "HYPH") return true;
        // "Three wounded soldiers died": a participle of hurt the tagger took for a past verb still describes the plural after it.
        if (!first && pos == "VBD" && InjuredParticiples.Contains(w) && text.PosOf(i + 1) is "NNS") return true;
        return w is "'s" or "’s" || w.Equals("both", StringComparison.OrdinalIgnoreCase) || w.Equals("all", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasLetterOrDigit(string word)
    {
        foreach (var c in word) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>Whether the phrase names people: a person noun, a name, an age ("a 23-year-old") or a bare count ("killing two").</summary>
    private static bool NamesPeople(AnnotatedText text, int start, int end)
    {
        var head = text.WordOf(end - 1);
        if (PersonNouns.Contains(head) || head.Contains("year-old", StringComparison.OrdinalIgnoreCase)) return true;
        // "Three cricketers were killed", "two volunteers wounded": a plural agent noun (-ers, -ors, -ists, -ians, -ees)
        // counted by a number names people the list of person nouns cannot all hold.
        if (text.PosOf(end - 1) is "NNS" && NumberAt(text, start, end) is not null && IsAgentPlural(head)) return true;
        // "killed 200 Houthis", "12 Palestinians were wounded": a capitalized plural counted by a number names a people's or
        // a group's members.
        if (IsGroupPlural(text, end - 1) && NumberAt(text, start, end) is not null) return true;
        // "a second was injured", "another was wounded"
        if (head is "another" or "Another" || end - start == 2 && text.WordOf(start) is "a" or "A" && head is "second" or "third" or "fourth") return true;
        // "near 5390 Southall Lane and died": a capitalized street word ends an address, not people.
        if (text.PosOf(end - 1) is "NNP" && StreetWords.Contains(head)) return false;
        if (text.EntityAt(end - 1) is { } m) return m.Type == EntityType.Person;
        if (text.InTime(end - 1)) return false;
        var headPos = text.PosOf(end - 1) ?? "";
        // "killing two", "left at least 12 dead": a bare count, with its own qualifier words.
        if (headPos is "CD" && (end - start <= 2 || NumberAt(text, start, end) is { } bare && bare.Span.StartToken == start && bare.Span.EndToken == end)) return !IsAgeToken(head);
        // "with over two dozen injured", "left a dozen dead", "Dozens were wounded", "wounding hundreds": a bare count whose
        // last word is a scale noun ("dozens of homes" counts homes).
        if (head.ToLowerInvariant() is "dozen" or "score" or "dozens" or "scores" or "hundreds" or "thousands" && NumberAt(text, start, end) is { } scaled
            && scaled.Span.StartToken == start && scaled.Span.EndToken == end && !(end < text.Count && text.WordOf(end).Equals("of", StringComparison.OrdinalIgnoreCase))) return true;
        // "injured 10 more", "three more were wounded": a bare count of more victims.
        if (head.Equals("more", StringComparison.OrdinalIgnoreCase) && end - 1 > start && NumberAt(text, start, end - 1) is { } more
            && more.Span.StartToken == start && more.Span.EndToken == end - 1 && !IsAge(text, more)) return true;
        if (headPos is "NNP") return true;
        // A coordination: every part must name people, check the last part's head only when it is a person.
        for (var i = start; i < end; i++)
        {
            if (text.WordOf(i) == "and" && i > start && PersonNouns.Contains(text.WordOf(i - 1))) return PersonNouns.Contains(head) || text.PosOf(end - 1) is "NNP";
        }
        return false;
    }

    /// <summary>"Houthis", "Afghans", "Palestinians": a capitalized plural inside a sentence, a people's or a group's members.</summary>
    internal static bool IsGroupPlural(AnnotatedText text, int i) =>
        text.PosOf(i) is "NNS" or "NNPS" && i > text.SentenceOf(i).StartToken && text.WordOf(i) is { Length: > 3 } w && char.IsUpper(w[0]) && w[^1] == 's'
        && w[1..].All(char.IsLower);

    /// <summary>Whether the word can end a phrase naming people: a person noun (not "dead" or "wounded"), a name, an age, a pronoun.</summary>
    private static bool NamesPerson(AnnotatedText text, int token)
    {
        var w = text.WordOf(token);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase) || w.Equals("wounded", StringComparison.OrdinalIgnoreCase) || w.Equals("injured", StringComparison.OrdinalIgnoreCase)) return false;
        return PersonNouns.Contains(w) || Pronouns.Contains(w) || w.Contains("year-old", StringComparison.OrdinalIgnoreCase) || text.PosOf(token) is "NNP" or "NNPS" or "CD" || PersonNameAt(text, token);
    }

    private static bool PersonNameAt(AnnotatedText text, int token)
    {
        if (text.EntityAt(token) is { } m) return m.Type == EntityType.Person;
        return false;
    }

    internal static bool IsAgentPlural(string word) =>
        word.Length > 5 && (word.EndsWith("ers", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ors", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("ists", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ians", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("ees", StringComparison.OrdinalIgnoreCase));

    private static bool IsAgeToken(string word) => word.Contains("year", StringComparison.OrdinalIgnoreCase);

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
