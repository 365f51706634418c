using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// A time that bounds the set an event is compared with, not the event: "one of its largest attacks of the summer",
/// "the deadliest strike since the spring", "the heaviest shelling this month", "the first such strike since January".
/// Either the parse hangs the time from a noun with a superlative, or, by the words (data/events/comparison-times.txt),
/// a link word ("of", "since", "in") or a bare "this" opens the time, and a superlative (or "first" before "since")
/// comes before it within a few words of its noun phrase (no verb but a gerund, no clause break, no other time between).
/// </summary>
internal static class ComparisonTimes
{
    private const int Reach = 7;
    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> Words = new(() =>
        WordListFile.LoadEmbedded("comparison-times.txt").ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal));

    private static FrozenSet<string> Section(string name) =>
        Words.Value.TryGetValue(name, out var set) ? set : throw new InvalidOperationException($"comparison-times.txt has no section @{name}");

    /// <summary>Whether <paramref name="time"/>, in <paramref name="sentence"/>, bounds a comparison rather than dating an event.</summary>
    public static bool Bounds(AnnotatedText text, TokenSpan sentence, TokenSpan time) =>
        ComparedSince(text, sentence, time.StartToken) is null && (ByParse(text, sentence, time) || ByWords(text, sentence, time));

    /// <summary>
    /// "the deadliest attack since a grenade blast at a market in March": the "since" that opens the event compared with,
    /// when <paramref name="token"/> lies inside it (after "since" and a determiner, no clause break between); such a
    /// time or count belongs to that event, wherever the parse hangs it. Null otherwise.
    /// </summary>
    public static int? ComparedSince(AnnotatedText text, TokenSpan sentence, int token)
    {
        for (var k = token - 1; k > sentence.StartToken; k--)
        {
            var word = text.WordOf(k);
            if (word is "," or ";" or ":") return null;
            if (word.Equals("since", StringComparison.OrdinalIgnoreCase))
                return k + 1 < token && text.PosOf(k + 1) is "DT" or "PRP$" && ComparedBefore(text, sentence, k) ? k : null;
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="token"/> lies in a time of the sentence that bounds a comparison ("the deadliest in the city
    /// this year", "the worst attack on troops this month"): such a time names the set compared with, no span a count runs over.
    /// </summary>
    public static bool InBoundingTime(AnnotatedText text, TokenSpan sentence, int token)
    {
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken <= token && token < t.Span.EndToken && sentence.Contains(t.Span.StartToken) && Bounds(text, sentence, t.Span)) return true;
        }
        return false;
    }

    /// <summary>Whether any time of the sentence dates something, that is, bounds no comparison.</summary>
    public static bool SentenceHasOwnTime(AnnotatedText text, TokenSpan sentence)
    {
        foreach (var t in text.Times)
        {
            // A time inside the event compared with dates that event only, not the news the sentence tells.
            if (sentence.Contains(t.Span.StartToken) && !Bounds(text, sentence, t.Span) && ComparedSince(text, sentence, t.Span.StartToken) is null) return true;
        }
        return false;
    }

    /// <summary>
    /// "the worst fighting since the border war in May, when 30 soldiers were killed": an event told in the clause that
    /// opens right after the comparison's time (a word of @compared-clause-openers, after a comma or not) is the event
    /// compared with, and the time dates it.
    /// </summary>
    public static bool DatesItsClause(AnnotatedText text, TokenSpan sentence, TokenSpan time, TokenSpan trigger)
    {
        var k = time.EndToken;
        if (k < sentence.EndToken && text.WordOf(k) == ",") k++;
        return k < sentence.EndToken && trigger.StartToken > k && Section("compared-clause-openers").Contains(text.WordOf(k));
    }

    /// <summary>"the deadliest clashes in over a decade": the time hangs from a noun with a superlative. False without a parse.</summary>
    private static bool ByParse(AnnotatedText text, TokenSpan sentence, TokenSpan time)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, time.StartToken, time.EndToken);
        if (text.HeadOf(head) is not (var noun and >= 0) || text.PosOf(noun) is not { } pos || !pos.StartsWith("NN", StringComparison.Ordinal)) return false;
        // "Saturday's strike": a day that owns the noun names that event, whatever it is compared with.
        if (text.RelationOf(head) == "nmod:poss") return false;
        // "The deadliest was a drone strike on Saturday": a superlative before the noun's copula is the subject the parse
        // hung on the predicate, not a word of the noun's own phrase.
        var copula = new Token(text, noun).DependentsWith("cop").Select(c => c.Index).DefaultIfEmpty(-1).First();
        return new Token(text, noun).DependentsWith("amod").Any(a => (copula < 0 || a.Index > copula) && (a.Pos == "JJS" || a.DependentsWith("advmod").Any(m => m.Pos == "RBS")));
    }

    private static bool ByWords(AnnotatedText text, TokenSpan sentence, TokenSpan time)
    {
        var first = text.WordOf(time.StartToken);
        int link;
        if (Section("links").Contains(first) || Section("bare-openers").Contains(first)) link = time.StartToken;
        else if (time.StartToken > sentence.StartToken && Section("links").Contains(text.WordOf(time.StartToken - 1))) link = time.StartToken - 1;
        else return false;
        return ComparedBefore(text, sentence, link);
    }

    /// <summary>
    /// Whether a superlative (or "first" before "since") comes within a few words before the link word at
    /// <paramref name="link"/> in its noun phrase: "the deadliest strike since", "the heaviest shelling in".
    /// </summary>
    public static bool ComparedBefore(AnnotatedText text, TokenSpan sentence, int link)
    {
        var since = text.WordOf(link).Equals("since", StringComparison.OrdinalIgnoreCase);
        for (var k = link - 1; k >= Math.Max(sentence.StartToken, link - Reach); k--)
        {
            var word = text.WordOf(k);
            // "most of the strikes in May" counts the strikes, it compares none.
            var quantifier = Section("quantifiers").Contains(word) && k + 1 < sentence.EndToken && text.WordOf(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase);
            if (!quantifier && (IsSuperlative(word, text.PosOf(k)) || since && Section("firsts").Contains(word))) return true;
            if (!char.IsLetterOrDigit(word[0]) && word is not ("'s" or "’s") || text.InTime(k)) return false;
            if (text.PosOf(k) is { } pos && (pos.StartsWith("VB", StringComparison.Ordinal) && pos != "VBG" || pos is "MD" or "WDT" or "WRB" or "WP")) return false;
        }
        return false;
    }

    private static bool IsSuperlative(string word, string? pos) =>
        Section("superlatives").Contains(word) || pos is "JJS" or "RBS" && !Section("not-superlatives").Contains(word);
}
