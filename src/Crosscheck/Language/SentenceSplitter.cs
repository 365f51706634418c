using System.Collections.Immutable;
using Crosscheck.Documents;

namespace Crosscheck.Language;

/// <summary>
/// Finds sentences in news prose. Segments (headline, paragraphs, captions) and blank lines always end a
/// sentence, so headlines need no final period. Inside them a sentence ends after ". ! ? …" and any
/// closing quotes or brackets, unless the next word starts in lower case; an abbreviation's period ends
/// one only where the abbreviation cannot be part of a name ("Gen.", "J." never; "U.S." before "The").
/// </summary>
public sealed class SentenceSplitter : IPipelineComponent
{
    public string Name => "sentences";
    public Annotations Requires => Annotations.Tokens;
    public Annotations Sets => Annotations.Sentences;

    public void Process(AnnotatedText text)
    {
        var sentences = ImmutableArray.CreateBuilder<TokenSpan>();
        var n = text.Count;
        var start = 0;
        var segment = 0;
        var segments = text.Segments;
        for (var i = 0; i < n; i++)
        {
            if (i + 1 >= n) break;
            if (i == start && DatelineEnd(text, start) is var dash and > 0)
            {
                // "SANTO DOMINGO, Dec 15 (Reuters) - U.S. forces destroyed …": the dateline is no part of the sentence
                // it opens (parsed together, the city became the subject of "destroyed").
                sentences.Add(text.Span(start, dash + 1));
                start = dash + 1;
                i = dash;
                continue;
            }
            if (HardBreakBetween(text, i, ref segment, segments) || EndsSentence(text, ref i))
            {
                if (i + 1 >= n) break;
                sentences.Add(text.Span(start, i + 1));
                start = i + 1;
            }
        }
        if (start < n) sentences.Add(text.Span(start, n));
        text.SetSentences(sentences.ToImmutable());
    }

    /// <summary>Whether the sentence is a wire dateline split off the sentence it opened ("GAO, Mali (Reuters) -", "KHARTOUM —").</summary>
    internal static bool IsDateline(AnnotatedText text, TokenSpan sentence) =>
        sentence.Length > 1 && DatelineEnd(text, sentence.StartToken) == sentence.EndToken - 1;

    /// <summary>The most tokens a dateline takes before its dash ("PORT-AU-PRINCE, Haiti, Sept. 3, 2025 (Reuters) -").</summary>
    private const int MaxDatelineTokens = 16;

    /// <summary>
    /// The dash ending a wire dateline that opens a sentence, or -1: a place in capitals ("WASHINGTON", "SANTO DOMINGO",
    /// "ST. PETERSBURG", "KYIV/MOSCOW"), then, on the same line, a comma and a country or date and/or an outlet in brackets, then a dash
    /// ("—", "–", "-", "--") before a capitalized word; or the place in capitals and a colon ("LAHORE:") before a capitalized
    /// word on the same line. Only capitals: "Washington - the capital" is prose.
    /// </summary>
    private static int DatelineEnd(AnnotatedText text, int start)
    {
        var n = text.Count;
        var k = start;
        while (k < n && k - start < MaxDatelineTokens && IsCapitalsWord(text.WordOf(k))) k++;
        if (k == start || k >= n) return -1;
        var capitals = k;
        var brackets = false;
        for (; k < n && k - start < MaxDatelineTokens; k++)
        {
            var w = text.WordOf(k);
            if (w is "—" or "–" or "-" or "--")
            {
                // Right after the capitals only as "WASHINGTON —"; otherwise after a comma part or the outlet's brackets.
                if (k + 1 >= n || !char.IsUpper(text.WordOf(k + 1)[0]) && !IsOpeningQuote(text.WordOf(k + 1)[0])) return -1;
                return k == capitals || brackets || text.WordOf(capitals) == "," ? k : -1;
            }
            if (text.Text.AsSpan(text.StartOf(start), text.EndOf(k) - text.StartOf(start)).Contains('\n')) return -1;
            // "LAHORE: The provincial police said …": a colon right after the place ends the dateline as a dash does.
            if (w == ":" && k == capitals)
                return k + 1 < n && char.IsUpper(text.WordOf(k + 1)[0]) && !text.Text.AsSpan(text.EndOf(k), text.StartOf(k + 1) - text.EndOf(k)).Contains('\n') ? k : -1;
            if (w is "." or "!" or "?" or ";" or "\"" or "“" or "”") return -1;
            if (k == capitals && w is not ("," or "(")) return -1;
            if (w == ")") brackets = true;
        }
        return -1;
    }

    /// <summary>
    /// A word in capitals of two or more letters ("KYIV", "ST.", "PORT-AU-PRINCE"), or two such joined by a slash where a
    /// story is filed from two places ("KYIV/MOSCOW").
    /// </summary>
    private static bool IsCapitalsWord(string word)
    {
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
            else if (c == '/' && letters >= 2 && i + 1 < word.Length) letters = 0;
            else if (c is not ('.' or '-' or '\'')) return false;
        }
        return letters >= 2;
    }

    /// <summary>A segment boundary or a blank line lies between token <paramref name="i"/> and the next.</summary>
    private static bool HardBreakBetween(AnnotatedText text, int i, ref int segment, ImmutableArray<Segment> segments)
    {
        var end = text.EndOf(i);
        var next = text.StartOf(i + 1);
        if (!segments.IsEmpty)
        {
            // Segments are ordered and disjoint; the pointer only moves forward.
            while (segment < segments.Length && segments[segment].End <= text.StartOf(i)) segment++;
            var nextSegment = segment;
            while (nextSegment < segments.Length && segments[nextSegment].End <= next) nextSegment++;
            if (nextSegment != segment) return true;
        }
        var newlines = 0;
        for (var k = end; k < next; k++)
        {
            if (text.Text[k] == '\n' && ++newlines == 2) return true;
        }
        return false;
    }

    /// <summary>
    /// True when a sentence ends at token <paramref name="i"/>; moves <paramref name="i"/> past closing
    /// quotes and brackets that belong to the sentence.
    /// </summary>
    private static bool EndsSentence(AnnotatedText text, ref int i)
    {
        var word = text.WordOf(i);
        var n = text.Count;
        bool terminal;
        var abbreviation = AbbreviationKind.None;
        if (word is "." or "!" or "?" or "…" or "..." or "?!" or "!?") terminal = true;
        else if (word.Length > 1 && word[^1] == '.')
        {
            abbreviation = Abbreviations.Classify(word);
            terminal = abbreviation is AbbreviationKind.General or AbbreviationKind.BeforeNumber;
        }
        else terminal = false;
        if (!terminal) return false;

        var last = i;
        while (last + 1 < n && IsCloser(text, last + 1)) last++;
        if (last + 1 >= n) { i = last; return true; }

        var next = text.WordOf(last + 1);
        var first = next[0];
        if (char.IsLower(first) || first is ',' or ';' or ':' or ')' or ']' or '%') return false;
        if (abbreviation == AbbreviationKind.General && last == i && !Abbreviations.IsSentenceOpener(next)) return false;
        if (abbreviation == AbbreviationKind.BeforeNumber && char.IsDigit(first)) return false;
        if (word is "..." or "…" && !char.IsUpper(first) && !IsOpeningQuote(first)) return false;
        i = last;
        return true;
    }

    private static bool IsOpeningQuote(char c) => c is '“' or '‘' or '"' or '\'' or '«' or '(';

    /// <summary>A closing quote or bracket glued to the previous token.</summary>
    private static bool IsCloser(AnnotatedText text, int i)
    {
        var w = text.WordOf(i);
        if (w is "”" or "’" or "»" or ")" or "]" or "''") return true;
        // A straight quote closes when no space separates it from the punctuation before it.
        return w is "\"" or "'" && text.StartOf(i) == text.EndOf(i - 1);
    }
}
