using System.Text.RegularExpressions;

namespace Crosscheck.Documents;

/// <summary>
/// Finds headline, lede, body, subheads, captions, reader comments and boilerplate in plain text,
/// from layout (indentation, gaps, capitals, final punctuation) and a few words that pages use
/// for furniture. Works on any text: nothing here knows a particular article.
/// </summary>
internal static partial class PlainTextSegmenter
{
    /// <summary>A paragraph of the text: its trimmed range and layout facts about it.</summary>
    internal sealed record Paragraph(int Start, int End, string Text, int Indent, int BlankLinesBefore)
    {
        public int Words { get; } = CountWords(Text);
        public bool EndsSentence { get; } = EndsWithSentencePunctuation(Text);
    }

    public static List<Segment> Segment(string text, string? title = null)
    {
        var paragraphs = Paragraphs(text);
        var kinds = new SegmentKind?[paragraphs.Count];
        if (paragraphs.Count == 0) return [];

        MarkComments(paragraphs, kinds);
        MarkBoilerplate(paragraphs, kinds);
        MarkCaptions(paragraphs, kinds);
        MarkHeadline(paragraphs, kinds, title);
        MarkSubheads(paragraphs, kinds);

        var ledeSeen = false;
        var segments = new List<Segment>(paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var kind = kinds[i];
            // A short line with no sentence end before the first prose ("Jane Doe March 3, 2024 6 min read") is
            // a byline or a deck, not the lede; the lede is the first paragraph that reads as a sentence.
            if (kind is null && !ledeSeen && !paragraphs[i].EndsSentence && paragraphs[i].Words <= 12 && i + 1 < paragraphs.Count)
            {
                kind = SegmentKind.Subhead;
            }
            if (kind is null)
            {
                kind = ledeSeen ? SegmentKind.Body : SegmentKind.Lede;
                ledeSeen = true;
            }
            segments.Add(new Segment(kind.Value, paragraphs[i].Start, paragraphs[i].End));
        }
        return segments;
    }

    /// <summary>
    /// One paragraph a line, except where a blank-line-separated block is hard-wrapped prose
    /// (its inner lines end mid-sentence), which becomes one paragraph.
    /// </summary>
    internal static List<Paragraph> Paragraphs(string text)
    {
        var lines = new List<(int Start, int End, int Indent)>();
        var blanksBefore = new List<int>();
        var blanks = 0;
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var lineEnd = nl < 0 ? text.Length : nl;
            var s = pos;
            while (s < lineEnd && char.IsWhiteSpace(text[s])) s++;
            var e = lineEnd;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s)
            {
                lines.Add((s, e, s - pos));
                blanksBefore.Add(blanks);
                blanks = 0;
            }
            else if (lines.Count > 0)
            {
                blanks++;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }

        var result = new List<Paragraph>();
        var i = 0;
        while (i < lines.Count)
        {
            var j = i;
            // Hard-wrapped prose: the line does not end a sentence, the next follows without a gap
            // and is not indented differently, and the line is long enough to have been wrapped.
            while (j + 1 < lines.Count && blanksBefore[j + 1] == 0 && IsWrappedLine(text, lines[j], lines[j + 1]))
            {
                j++;
            }
            var start = lines[i].Start;
            var end = lines[j].End;
            result.Add(new Paragraph(start, end, text[start..end], lines[i].Indent, blanksBefore[i]));
            i = j + 1;
        }
        return result;
    }

    private static bool IsWrappedLine(string text, (int Start, int End, int Indent) line, (int Start, int End, int Indent) next)
    {
        var length = line.End - line.Start;
        if (length < 50 || length > 100) return false;
        if (next.Indent != line.Indent) return false;
        var last = text[line.End - 1];
        if (last is ',' or ';' or '-' or '\u2014' or '\u2013') return true;
        if (!char.IsLetterOrDigit(last)) return false;
        // A line that stops on a letter is wrapped when the sentence visibly goes on: the next line starts
        // in lower case, or this one ends on a word that cannot end a sentence. A headline followed by
        // its lede does neither.
        if (char.IsLower(text[next.Start])) return true;
        var wordStart = line.End;
        while (wordStart > line.Start && char.IsLetter(text[wordStart - 1])) wordStart--;
        return ContinuingWords.Contains(text[wordStart..line.End]);
    }

    private static readonly HashSet<string> ContinuingWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "that", "which",
        "who", "said", "says", "told", "as", "than", "into", "its", "their", "his", "her", "was", "were", "is", "are", "had", "has", "have",
    };

    private static void MarkHeadline(List<Paragraph> ps, SegmentKind?[] kinds, string? title)
    {
        var first = Array.FindIndex(kinds, k => k is null);
        if (first < 0) return;
        var p = ps[first];
        var hasFollowingText = first + 1 < ps.Count;
        if (title is not null && Fold(p.Text) == Fold(title))
        {
            kinds[first] = SegmentKind.Headline;
            return;
        }
        // A headline is short, ends without a full stop, and is followed by the story.
        if (hasFollowingText && !p.EndsSentence && p.Words is >= 2 and <= 25 && !p.Text.EndsWith(','))
        {
            kinds[first] = SegmentKind.Headline;
        }
        else if (hasFollowingText && MarkdownHeading().IsMatch(p.Text) && p.Text.StartsWith("# ", StringComparison.Ordinal))
        {
            kinds[first] = SegmentKind.Headline;
        }
    }

    private static void MarkSubheads(List<Paragraph> ps, SegmentKind?[] kinds)
    {
        for (var i = 0; i < ps.Count; i++)
        {
            if (kinds[i] is not null) continue;
            var p = ps[i];
            var nextIsText = i + 1 < ps.Count && kinds[i + 1] is null;
            if (!nextIsText) continue;
            if (MarkdownHeading().IsMatch(p.Text))
            {
                kinds[i] = SegmentKind.Subhead;
                continue;
            }
            if (p.EndsSentence || p.Words > 10 || p.Text.EndsWith(',') || p.Text.EndsWith(':')) continue;
            var hasPrecedingBody = Array.FindIndex(kinds, 0, i, k => k is null) >= 0;
            if (!hasPrecedingBody) continue;
            if (IsAllCaps(p.Text) || (p.Words <= 6 && IsTitleCase(p.Text) && p.BlankLinesBefore > 0))
            {
                kinds[i] = SegmentKind.Subhead;
            }
        }
    }

    private static void MarkCaptions(List<Paragraph> ps, SegmentKind?[] kinds)
    {
        // Indentation means something only when the article's own paragraphs are not indented.
        var open = ps.Where((p, i) => kinds[i] is null).ToList();
        var indented = open.Count(p => p.Indent > 0);
        var indentIsMarked = open.Count >= 4 && indented * 3 < open.Count;
        var unfinished = open.Count(p => !p.EndsSentence && p.Words >= 8);
        var unfinishedIsMarked = open.Count >= 4 && unfinished * 4 < open.Count;

        for (var i = 0; i < ps.Count; i++)
        {
            if (kinds[i] is not null) continue;
            var p = ps[i];
            var score = 0;
            // A paragraph that carries the story's sentences is the story, even when it mentions a photo or a gallery.
            if (PhotoCredit().IsMatch(p.Text) && !CarriesSentences(p.Text)) score += 2;
            if (indentIsMarked && p.Indent > 0) score += 2;
            if (unfinishedIsMarked && !p.EndsSentence && p.Words >= 8) score += 1;
            if (i == 0) score -= 1;
            if (score >= 2) kinds[i] = SegmentKind.Caption;
        }
    }

    private static void MarkBoilerplate(List<Paragraph> ps, SegmentKind?[] kinds)
    {
        for (var i = 0; i < ps.Count; i++)
        {
            if (kinds[i] is null && IsFurniture(ps[i].Text)) kinds[i] = SegmentKind.Boilerplate;
        }
    }

    /// <summary>
    /// Reader comments come after the article: after a line that announces them, or after an
    /// unusually wide gap, in a voice the article does not use (first person, chatty).
    /// </summary>
    private static void MarkComments(List<Paragraph> ps, SegmentKind?[] kinds)
    {
        for (var i = 1; i < ps.Count; i++)
        {
            if (CommentsHeader().IsMatch(ps[i].Text) && i + 1 < ps.Count)
            {
                kinds[i] = SegmentKind.Boilerplate;
                for (var j = i + 1; j < ps.Count; j++) kinds[j] = SegmentKind.Comment;
                return;
            }
        }

        // The widest gap in the text, if it is wider than any gap inside the article.
        var typicalGap = ps.Skip(1).Select(p => p.BlankLinesBefore).DefaultIfEmpty(0).Order().ElementAt(ps.Count > 1 ? (ps.Count - 1) / 2 : 0);
        for (var i = ps.Count - 1; i >= 2; i--)
        {
            var gap = ps[i].BlankLinesBefore;
            if (gap < 2 || gap <= typicalGap + 1) continue;
            if (ps.Skip(1).Take(i - 1).Any(p => p.BlankLinesBefore >= gap)) break;
            var tail = ps.Skip(i).ToList();
            if (tail.Sum(p => p.Words) > ps.Take(i).Sum(p => p.Words)) break;
            if (tail.Any(p => ConversationalVoice(p.Text)))
            {
                for (var j = i; j < ps.Count; j++) kinds[j] = SegmentKind.Comment;
            }
            break;
        }

        // Comment furniture anywhere: "Reply", "12 likes", "username 3 hours ago".
        for (var i = 1; i < ps.Count; i++)
        {
            if (kinds[i] is null && CommentFurniture().IsMatch(ps[i].Text))
            {
                for (var j = i; j < ps.Count; j++)
                {
                    if (kinds[j] is null) kinds[j] = SegmentKind.Comment;
                }
                return;
            }
        }
    }

    /// <summary>Page furniture, unless the paragraph carries the story's own sentences: an article delivered as one
    /// line that also holds its copyright notice is an article.</summary>
    internal static bool IsFurniture(string text) => Furniture().IsMatch(text) && !CarriesSentences(text);

    /// <summary>Several sentences and more words than any notice, caption or share prompt: article prose.</summary>
    internal static bool CarriesSentences(string text) => CountWords(text) >= 40 && SentenceEnd().Count(text) >= 2;

    internal static bool ConversationalVoice(string text)
    {
        var firstPerson = FirstPersonSingular().Matches(text).Count;
        var words = Math.Max(1, CountWords(text));
        return firstPerson >= 2 || (firstPerson >= 1 && words < 80) || Chatty().IsMatch(text);
    }

    internal static int CountWords(string text)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    internal static bool EndsWithSentencePunctuation(string text)
    {
        var t = text.TrimEnd();
        var i = t.Length - 1;
        while (i >= 0 && t[i] is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']' or '*' or '_') i--;
        return i >= 0 && t[i] is '.' or '!' or '?' or '\u2026';
    }

    private static bool IsAllCaps(string text)
    {
        var letters = 0;
        var upper = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 3 && upper == letters;
    }

    private static bool IsTitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var capitalized = words.Count(w => char.IsUpper(w[0]) || char.IsDigit(w[0]));
        return capitalized * 3 >= words.Length * 2 && !text.Contains(". ", StringComparison.Ordinal);
    }

    private static string Fold(string s) => DocumentId.FoldWhitespace(s).Trim().ToLowerInvariant();

    [GeneratedRegex(@"[.!?\u2026][""'\u201D\u2019)]*\s+[""'\u201C\u2018(]?\p{Lu}")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^#{1,6}\s+\S")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"\b(Pictured|Photograph|Photo(?:graph)?(?: by| credit)?|Image(?: credit)?|Credit|Illustration|File photo)\s*:|\((?:Photo|Image|Credit)\b|\b(?:Getty Images|AP Photo|Reuters/|AFP via Getty|Shutterstock)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^(Advertisement|ADVERTISEMENT|Ad|Sponsored|Share( this( article| story)?)?|Share or comment on this article:?|Read more:?.*|(Also read|See also|Read also)(\s*[:|\-\u2013\u2014].*|\s[^.!?]{0,100})|RELATED ARTICLES|Related:?.*|Most Read|Sign up .*|Subscribe .*|Click here .*|Follow us .*|.*(©|\(c\)|Copyright) ?\d{4}.*|(.*(©|\(c\)|Copyright\b).*)?All rights reserved\.?|(Last )?Updated( at| on)?:? [^.]{0,40}\d[^.]{0,30}|(Have|Got) a (news |story )?tip\b.*|Scroll down for video|Story continues below.*|Continue reading.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"^(\d+\s+)?(Comments?|Reader comments|Readers? respond|Join the (conversation|discussion)|Leave a comment|Have your say|Share what you think|What do you think\??|Discussion)\s*(\(\d+\))?:?$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentsHeader();

    [GeneratedRegex(@"^(Reply|Report|Like|\d+ (likes?|replies|points?)|.{1,40}\b\d+ (minutes?|hours?|days?) ago)$", RegexOptions.IgnoreCase)]
    private static partial Regex CommentFurniture();

    [GeneratedRegex(@"\b(I|I['\u2019](m|ve|d|ll)|me|my|mine|myself)\b")]
    private static partial Regex FirstPersonSingular();

    [GeneratedRegex(@"\b(lol|imo|imho|smh|wtf|tbh|you guys|folks,)\b|!!|\?\?", RegexOptions.IgnoreCase)]
    private static partial Regex Chatty();
}
