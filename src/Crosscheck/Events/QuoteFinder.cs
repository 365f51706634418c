using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Finds quotations (straight and curly, double and single, over several sentences, and paragraphs that
/// continue the previous speaker) and resolves their speakers through coreference. The speakers come from
/// <see cref="AttributionFinder.FindAll"/>: a quote is credited to the attribution whose content holds it.
/// </summary>
public sealed class QuoteFinder
{
    public static readonly QuoteFinder Default = new();

    /// <summary>Finds the attributions the quotes are credited to.</summary>
    public AttributionFinder Attributions { get; init; } = AttributionFinder.Default;

    /// <summary>The quotations of <paramref name="text"/> in text order, each with its speaker where the text gives one.</summary>
    public ImmutableArray<Quote> Find(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var relations = Attributions.FindAll(text);
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        foreach (var span in QuoteMarks.Find(text.Text))
        {
            var tokens = QuoteMarks.Tokens(text, span);
            if (tokens.Length == 0) continue;
            AttributionRelation? best = null;
            foreach (var r in relations)
            {
                if (!r.Content.Overlaps(tokens)) continue;
                // The tightest content is the frame nearest the quote.
                if (best is null || r.Content.Length < best.Content.Length) best = r;
            }
            // A quote of one or two words with no speaker, or only a learned one ("called it a ‘purge’"), is a scare quote
            // or a title, not a quotation (the attribution stays in AttributionFinder).
            if ((best is null || best.Learned) && tokens.Length < 3) continue;
            var a = best?.Attribution ?? Attribution.Unattributed;
            quotes.Add(new Quote(span.Start, span.End, text.Text[span.Start..span.End])
            {
                SpeakerSpan = a.Speaker,
                SpeakerEntity = a.SpeakerEntity,
                SpeakerName = a.SpeakerName,
                Attribution = a,
            });
        }
        return quotes.ToImmutable();
    }
}

/// <summary>
/// Quotation marks in raw text: which quote characters open, close, or are apostrophes ("That’s", "US’s"),
/// and the spans of the quoted words between them.
/// </summary>
internal static class QuoteMarks
{
    /// <summary>A quoted passage: the words without the marks; <see cref="OpensParagraph"/> when its mark is the first character of its line.</summary>
    internal readonly record struct QuoteSpan(int Start, int End, bool OpensParagraph, int Paragraph);

    /// <summary>
    /// Top-level quotes, in order. Single quotes inside double quotes are quotes within the quote and are not
    /// reported. A quote left open at the end of its line ends there (the next line may reopen it: the news
    /// convention for a quotation over several paragraphs).
    /// </summary>
    internal static List<QuoteSpan> Find(string text)
    {
        var spans = new List<QuoteSpan>();
        var open = -1;            // index after the opening mark, -1 when no quote is open
        var openDouble = false;   // whether the open quote is a double one
        var openAtLineStart = false;
        var lineStart = 0;
        var paragraph = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (open >= 0) Add(spans, text, open, i, openAtLineStart, paragraph);
                open = -1;
                if (HasText(text, lineStart, i)) paragraph++;
                lineStart = i + 1;
                continue;
            }
            if (c is not ('"' or '“' or '”' or '\'' or '‘' or '’' or '«' or '»' or '`')) continue;
            var prev = i > 0 ? text[i - 1] : '\n';
            // Two apostrophes (or backquotes) stand for a double mark in some archive copy: ''It is,'' he said.
            if (c is '\'' or '`' && i + 1 < text.Length && text[i + 1] == c)
            {
                var before = char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or ':' || i == lineStart;
                if (open >= 0 && openDouble && !(before && c == '`')) Close(i);
                else if (open < 0 && (c == '`' || before)) Open(i, true, width: 2);
                i++;
                continue;
            }
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            var boundaryBefore = char.IsWhiteSpace(prev) || prev is '(' or '[' or '—' or '–' or ':' or '-' or '“' or '"' || i == lineStart;
            switch (c)
            {
                case '“' or '«':
                    if (open >= 0 && openDouble) Add(spans, text, open, i, openAtLineStart, paragraph);
                    if (open < 0 || openDouble) Open(i, true);
                    break;
                case '”' or '»':
                    if (open >= 0 && openDouble) Close(i);
                    break;
                case '"':
                    if (open >= 0 && openDouble)
                    {
                        // A straight mark after a space and before a word opens a new quote: the last one was never closed.
                        if (char.IsWhiteSpace(prev) && char.IsLetterOrDigit(next)) { Add(spans, text, open, i, openAtLineStart, paragraph); Open(i, true); }
                        else Close(i);
                    }
                    else if (open < 0 && boundaryBefore && !char.IsWhiteSpace(next)) Open(i, true);
                    break;
                case '\'' when open >= 0 && !openDouble:
                    if (!char.IsLetterOrDigit(next) && !char.IsWhiteSpace(prev)) Close(i);
                    break;
                case '`':
                    break;
                case '‘' or '\'':
                    // An opening single mark follows a boundary and precedes a word; "‘90s" is an elision.
                    if (open < 0 && boundaryBefore && !char.IsWhiteSpace(next) && !char.IsDigit(next) && next != '\n') Open(i, false);
                    break;
                case '’':
                    // A closing single mark is followed by no letter; "That’s", "isn’t" are apostrophes.
                    if (open >= 0 && !openDouble && !char.IsLetterOrDigit(next) && !char.IsWhiteSpace(prev)) Close(i);
                    break;
            }
        }
        if (open >= 0) Add(spans, text, open, text.Length, openAtLineStart, paragraph);
        return spans;

        void Open(int at, bool isDouble, int width = 1)
        {
            open = at + width;
            openDouble = isDouble;
            openAtLineStart = IsLineOpening(text, lineStart, at);
        }

        void Close(int at)
        {
            Add(spans, text, open, at, openAtLineStart, paragraph);
            open = -1;
        }
    }

    private static bool HasText(string text, int start, int end)
    {
        for (var j = start; j < end; j++) if (!char.IsWhiteSpace(text[j])) return true;
        return false;
    }

    private static bool IsLineOpening(string text, int lineStart, int at)
    {
        for (var j = lineStart; j < at; j++) if (!char.IsWhiteSpace(text[j])) return false;
        return true;
    }

    private static void Add(List<QuoteSpan> spans, string text, int start, int end, bool opensParagraph, int paragraph)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':')) end--;
        var letters = false;
        for (var j = start; j < end && !letters; j++) letters = char.IsLetter(text[j]);
        if (letters) spans.Add(new QuoteSpan(start, end, opensParagraph, paragraph));
    }

    /// <summary>The tokens of a quoted span (its marks are tokens of their own).</summary>
    internal static TokenSpan Tokens(AnnotatedText text, QuoteSpan span)
    {
        var first = text.TokenAtOrAfter(span.Start);
        var last = text.TokenAtOrAfter(span.End);
        // A token that starts inside the span but ends past it ("word’" kept whole) still belongs to it.
        if (last < text.Count && text.StartOf(last) < span.End) last++;
        return text.Span(first, Math.Max(first, last));
    }
}
