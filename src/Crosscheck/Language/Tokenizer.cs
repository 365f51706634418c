using System.Collections.Immutable;
using Crosscheck.Documents;

namespace Crosscheck.Language;

/// <summary>
/// Splits text into tokens the way the Penn Treebank does, which is what the tagger and recognizer were
/// trained on: punctuation apart, clitics apart ("Mexico" "'s", "do" "n't"), abbreviations, numbers
/// ("10,000", "3.5") and hyphenated words ("MS-13") whole. Every token is a verbatim slice of the text.
/// </summary>
public sealed class Tokenizer
{
    public static Tokenizer Default { get; } = new();

    private const string Openers = "([{\"'“‘«‹`¿¡$£€¥#";
    private const string Closers = ")]}\"'”’»›,;:!?%";
    private static readonly string[] Clitics = ["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

    /// <summary>Tokenizes <paramref name="text"/>; offsets index into it.</summary>
    public AnnotatedText Tokenize(string text, ImmutableArray<Segment> segments = default, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new List<int>(text.Length / 5 + 4);
        var ends = new List<int>(text.Length / 5 + 4);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            if (i >= text.Length) break;
            var j = i;
            while (j < text.Length && !IsSpace(text[j])) j++;
            SplitChunk(text, i, j, starts, ends);
            i = j;
        }
        var words = new string[starts.Count];
        for (var k = 0; k < words.Length; k++) words[k] = text.Substring(starts[k], ends[k] - starts[k]);
        return new AnnotatedText(text, segments.IsDefault ? ImmutableArray<Segment>.Empty : segments, published,
            [.. starts], [.. ends], words);
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF';

    private static void SplitChunk(string text, int start, int end, List<int> starts, List<int> ends)
    {
        var chunk = text.AsSpan(start, end - start);
        if (LooksLikeUrlOrEmail(chunk))
        {
            var core = end;
            while (core > start + 1 && ".,;:!?)]\"'”’".Contains(text[core - 1])) core--;
            Add(starts, ends, start, core);
            for (var k = core; k < end; k++) Add(starts, ends, k, k + 1);
            return;
        }

        // Leading punctuation, one character at a time.
        while (start < end && Openers.Contains(text[start]) && !IsCliticStart(text, start, end))
        {
            if (start + 1 < end && text[start] == '`' && text[start + 1] == '`') { Add(starts, ends, start, start + 2); start += 2; continue; }
            Add(starts, ends, start, start + 1);
            start++;
        }

        // Trailing punctuation, collected from the right.
        Span<int> tailStarts = stackalloc int[32];
        Span<int> tailEnds = stackalloc int[32];
        var tails = 0;
        while (end > start && tails < 32)
        {
            var c = text[end - 1];
            if (end - start >= 3 && text[end - 1] == '.' && text[end - 2] == '.' && text[end - 3] == '.')
            {
                tailStarts[tails] = end - 3; tailEnds[tails++] = end; end -= 3; continue;
            }
            if (c == '…' || Closers.Contains(c))
            {
                tailStarts[tails] = end - 1; tailEnds[tails++] = end; end--; continue;
            }
            if (c == '.')
            {
                if (end - start == 1) break;
                var word = text.AsSpan(start, end - start);
                var kind = Abbreviations.Classify(word);
                if (kind is AbbreviationKind.Title or AbbreviationKind.General) break;
                if (kind == AbbreviationKind.BeforeNumber && NextChunkStartsWithDigit(text, end + CountTail(tailEnds, tails, end))) break;
                tailStarts[tails] = end - 1; tailEnds[tails++] = end; end--; continue;
            }
            break;
        }

        if (end > start) SplitCore(text, start, end, starts, ends);
        for (var k = tails - 1; k >= 0; k--) Add(starts, ends, tailStarts[k], tailEnds[k]);
    }

    private static int CountTail(Span<int> tailEnds, int tails, int end) => tails == 0 ? 0 : tailEnds[0] - end;

    private static bool NextChunkStartsWithDigit(string text, int from)
    {
        var i = from;
        while (i < text.Length && IsSpace(text[i])) i++;
        return i < text.Length && char.IsDigit(text[i]);
    }

    private static bool IsCliticStart(string text, int start, int end)
    {
        if (text[start] != '\'' && text[start] != '’') return false;
        // "'90s" and "'em" stay whole.
        return end - start >= 2 && (char.IsDigit(text[start + 1]) || text.AsSpan(start + 1, end - start - 1).StartsWith("em", StringComparison.OrdinalIgnoreCase) && end - start == 3);
    }

    /// <summary>Splits a chunk with no outer punctuation at dashes, glued sentences and clitics.</summary>
    private static void SplitCore(string text, int start, int end, List<int> starts, List<int> ends)
    {
        var pieceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '—' or '–' or '―' or '…' || (c == '-' && i + 1 < end && text[i + 1] == '-'))
            {
                var len = c == '-' ? 2 : 1;
                while (c == '-' && i + len < end && text[i + len] == '-') len++;
                if (i > pieceStart) SplitClitic(text, pieceStart, i, starts, ends);
                Add(starts, ends, i, i + len);
                i += len - 1;
                pieceStart = i + 1;
            }
            else if ((c == '.' || c == ',' || c == ';' || c == '?' || c == '!') && i > pieceStart && i + 1 < end
                     && char.IsLower(text[i - 1]) && char.IsUpper(text[i + 1]) && i - pieceStart >= 2)
            {
                // Two sentences glued without a space: "sense.President".
                SplitClitic(text, pieceStart, i, starts, ends);
                Add(starts, ends, i, i + 1);
                pieceStart = i + 1;
            }
            else if (c == ',' && i > pieceStart && i + 1 < end && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            {
                SplitClitic(text, pieceStart, i, starts, ends);
                Add(starts, ends, i, i + 1);
                pieceStart = i + 1;
            }
        }
        if (end > pieceStart) SplitClitic(text, pieceStart, end, starts, ends);
    }

    private static void SplitClitic(string text, int start, int end, List<int> starts, List<int> ends)
    {
        var word = text.AsSpan(start, end - start);
        foreach (var clitic in Clitics)
        {
            if (word.Length > clitic.Length && word.EndsWith(clitic, StringComparison.OrdinalIgnoreCase)
                && char.IsLetter(word[word.Length - clitic.Length - 1]))
            {
                var cut = end - clitic.Length;
                Add(starts, ends, start, cut);
                Add(starts, ends, cut, end);
                return;
            }
        }
        Add(starts, ends, start, end);
    }

    private static bool LooksLikeUrlOrEmail(ReadOnlySpan<char> chunk)
    {
        if (chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) return true;
        var at = chunk.IndexOf('@');
        return at > 0 && chunk[(at + 1)..].Contains('.') && char.IsLetterOrDigit(chunk[at - 1]);
    }

    private static void Add(List<int> starts, List<int> ends, int start, int end)
    {
        starts.Add(start);
        ends.Add(end);
    }
}
