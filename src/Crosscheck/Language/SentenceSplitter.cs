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
            if (i == start && Datelines.EndToken(text, start, DatedDatelines) is var dash and > 0)
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
        sentence.Length > 1 && Datelines.EndToken(text, sentence.StartToken, DatedDatelines) == sentence.EndToken - 1;

    /// <summary>
    /// Whether a dateline whose place is not in capitals, or that opens with its date, stands apart too ("Kabul, Oct. 3
    /// (Reuters) -", "Oct 5 (Reuters) -"); one in capitals always does.
    /// </summary>
    private const bool DatedDatelines = false;

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

    internal static bool IsOpeningQuote(char c) => c is '“' or '‘' or '"' or '\'' or '«' or '(';

    /// <summary>A closing quote or bracket glued to the previous token.</summary>
    private static bool IsCloser(AnnotatedText text, int i)
    {
        var w = text.WordOf(i);
        if (w is "”" or "’" or "»" or ")" or "]" or "''") return true;
        // A straight quote closes when no space separates it from the punctuation before it.
        return w is "\"" or "'" && text.StartOf(i) == text.EndOf(i - 1);
    }
}
