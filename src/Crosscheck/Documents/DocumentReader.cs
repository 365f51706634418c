namespace Crosscheck.Documents;

/// <summary>Options for reading inputs.</summary>
public sealed record ReaderOptions
{
    /// <summary>Inputs larger than this are refused whole (default 20 MB).</summary>
    public long MaxBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>
    /// One document's text is refused past this many characters (default 1,000,000, about 150,000 words: far longer
    /// than any news article, and still read, analyzed and linked in a few seconds, since the cost grows about
    /// linearly with length). This bounds the work one input can cause.
    /// </summary>
    public int MaxArticleChars { get; init; } = 1_000_000;

    /// <summary>
    /// One document of more paragraphs than this is refused (default 50,000; long articles have a few hundred). The
    /// store takes any number; this only bounds a text of tiny lines.
    /// </summary>
    public int MaxParagraphs { get; init; } = 50_000;

    /// <summary>
    /// Recover a publication date metadata lacks from the top of the text, the URL or the file name (<see cref="PublicationDates"/>).
    /// On by default; <c>--no-date-recovery</c> turns it off (README, "Publication dates").
    /// </summary>
    public bool RecoverPublished { get; init; } = true;

    public static readonly ReaderOptions Default = new();
}

/// <summary>One document read, or one input that failed, in the order the inputs were given.</summary>
public readonly record struct ReadResult(Document? Document, InputError? Error)
{
    public static ReadResult Ok(Document d) => new(d, null);
    public static ReadResult Fail(string input, string reason) => new(null, new InputError(input, reason));
}

/// <summary>
/// Reads files, directories (recursively, in ordinal order), and standard input ("-") into documents.
/// Knows plain text and Markdown with front matter, HTML, RSS and Atom feeds, and JSON lines.
/// Every failure is a value naming its input; nothing throws for bad input.
/// </summary>
public sealed class DocumentReader(ReaderOptions? options = null)
{
    private readonly ReaderOptions _options = options ?? ReaderOptions.Default;
    private readonly HtmlArticleExtractor _html = new();

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".markdown" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm", ".xhtml" };
    private static readonly HashSet<string> FeedExtensions = new(StringComparer.OrdinalIgnoreCase) { ".xml", ".rss", ".atom" };
    private static readonly HashSet<string> JsonLinesExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson" };

    /// <summary>True for file names a directory walk picks up.</summary>
    public static bool IsKnownExtension(string path)
    {
        var ext = Path.GetExtension(path);
        return TextExtensions.Contains(ext) || HtmlExtensions.Contains(ext) || FeedExtensions.Contains(ext) || JsonLinesExtensions.Contains(ext);
    }

    /// <summary>Reads every input in order; standard input is read from <paramref name="stdin"/> when "-" is given.</summary>
    public IEnumerable<ReadResult> Read(IEnumerable<string> inputs, Func<Stream>? stdin = null)
    {
        foreach (var input in inputs)
        {
            foreach (var r in ReadOne(input, stdin)) yield return r;
        }
    }

    private IEnumerable<ReadResult> ReadOne(string input, Func<Stream>? stdin)
    {
        if (input == "-")
        {
            byte[]? bytes = null;
            string? error = null;
            try
            {
                using var stream = (stdin ?? Console.OpenStandardInput)();
                bytes = ReadLimited(stream);
            }
            catch (InputRejectedException ex) { error = ex.Message; }
            catch (IOException ex) { error = "cannot read standard input: " + ex.Message; }
            if (error is not null) { yield return ReadResult.Fail("-", error); yield break; }
            foreach (var r in ReadBytes("-", bytes!, null)) yield return r;
            yield break;
        }
        if (Directory.Exists(input))
        {
            foreach (var entry in FolderWalker.Walk(input, IsKnownExtension))
            {
                if (entry.Skipped is { } reason) { yield return ReadResult.Fail(entry.Path, reason); continue; }
                foreach (var r in ReadFile(entry.Path)) yield return r;
            }
            yield break;
        }
        foreach (var r in ReadFile(input)) yield return r;
    }

    private IEnumerable<ReadResult> ReadFile(string path)
    {
        byte[]? bytes = null;
        string? error = null;
        try
        {
            var kind = FileKinds.Of(path).Kind;
            var info = new FileInfo(path);
            if (kind == FileKind.Missing || !info.Exists && kind == FileKind.Regular) error = "no such file or directory";
            // Never opened: a named pipe would wait for a writer forever.
            else if (kind is not FileKind.Regular) error = $"not a regular file ({FileKinds.Describe(kind)}); skipped";
            else if (info.Length > _options.MaxBytes) error = $"too large ({info.Length:N0} bytes; the limit is {_options.MaxBytes:N0})";
            else if (FormatOf(Path.GetExtension(path)) == InputFormat.Text && info.Length > PlainTextByteLimit)
            {
                error = $"too long for one article ({info.Length:N0} bytes of plain text; an article is at most {_options.MaxArticleChars:N0} characters)";
            }
            else
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                bytes = ReadLimited(stream);
            }
        }
        catch (UnauthorizedAccessException) { error = "permission denied"; }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { error = "no such file or directory"; }
        catch (InputRejectedException ex) { error = ex.Message; }
        catch (IOException ex) { error = "cannot read: " + ex.Message; }
        if (error is not null) { yield return ReadResult.Fail(path, error); yield break; }
        foreach (var r in ReadBytes(path, bytes!, Path.GetExtension(path))) yield return r;
    }

    /// <summary>A plain-text file is one article; past this many bytes it holds more characters than an article may (UTF-8 takes at most 3 bytes a character).</summary>
    private long PlainTextByteLimit => 3 * _options.MaxArticleChars + 3;

    private byte[] ReadLimited(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > _options.MaxBytes)
            {
                throw new InputRejectedException($"too large (over the limit of {_options.MaxBytes:N0} bytes)");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Reads one input's bytes; <paramref name="extension"/> picks the format, else the content does.</summary>
    public IEnumerable<ReadResult> ReadBytes(string source, byte[] bytes, string? extension)
    {
        var format = FormatOf(extension);
        string text;
        try
        {
            text = TextDecoder.Decode(bytes, mustBeUtf8: format == InputFormat.JsonLines);
            if (string.IsNullOrWhiteSpace(text)) throw new InputRejectedException("empty input");
        }
        catch (InputRejectedException ex)
        {
            return [ReadResult.Fail(source, ex.Message)];
        }
        if (format == InputFormat.Unknown) format = Sniff(text);
        return format switch
        {
            InputFormat.Text => [Single(source, () => FromText(source, text))],
            InputFormat.Html => FeedReader.LooksLikeFeed(text) && !LooksLikeHtml(text) ? FromItems(source, () => FeedReader.Read(text, source, _html)) : [Single(source, () => FromHtml(source, text))],
            InputFormat.Feed => FromItems(source, () => FeedReader.Read(text, source, _html)),
            InputFormat.JsonLines => FromItems(source, () => JsonLinesReader.Read(text, source, _html)),
            _ => [ReadResult.Fail(source, "unsupported input type")],
        };
    }

    private static ReadResult Single(string source, Func<Document> read)
    {
        try { return ReadResult.Ok(read()); }
        catch (InputRejectedException ex) { return ReadResult.Fail(source, ex.Message); }
        catch (Exception ex) when (InputFault.IsOfOneInput(ex)) { return ReadResult.Fail(source, InternalError(ex)); }
    }

    private static string InternalError(Exception ex) => $"cannot be read (internal error: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")})";

    /// <summary>The items of a feed or JSON-lines input; each enumeration reads them again from the start.</summary>
    private IEnumerable<ReadResult> FromItems(string source, Func<IEnumerable<(string Id, ArticleDraft? Draft, string? Error)>> items)
    {
        // A malformed feed is refused here, before any of its items.
        IEnumerator<(string Id, ArticleDraft? Draft, string? Error)>? enumerator = null;
        string? refused = null;
        try { enumerator = items().GetEnumerator(); }
        catch (InputRejectedException ex) { refused = ex.Message; }
        catch (Exception ex) when (InputFault.IsOfOneInput(ex)) { refused = InternalError(ex); }
        if (refused is not null)
        {
            yield return ReadResult.Fail(source, refused);
            yield break;
        }
        foreach (var result in OneByOne(source, enumerator!)) yield return result;
    }

    /// <summary>Items one at a time: a feed or a file of many articles is never held whole as documents.</summary>
    private IEnumerable<ReadResult> OneByOne(string source, IEnumerator<(string Id, ArticleDraft? Draft, string? Error)> items)
    {
        using (items)
        {
            var any = false;
            while (true)
            {
                ReadResult next;
                try
                {
                    if (!items.MoveNext()) break;
                    var (id, draft, error) = items.Current;
                    next = draft is null ? ReadResult.Fail(id, error ?? "unreadable item") : Single(id, () => DocumentAssembler.Assemble(draft, _options));
                }
                catch (InputRejectedException ex)
                {
                    next = ReadResult.Fail(source, ex.Message);
                }
                catch (Exception ex) when (InputFault.IsOfOneInput(ex))
                {
                    next = ReadResult.Fail(source, InternalError(ex));
                }
                any = true;
                yield return next;
                if (next.Error?.Input == source) yield break;
            }
            if (!any) yield return ReadResult.Fail(source, "no items");
        }
    }

    private Document FromText(string source, string text)
    {
        // The assembler normalizes the body; the front matter only needs its lines, which Split trims.
        var (meta, body) = FrontMatter.Split(text);
        return DocumentAssembler.Assemble(new ArticleDraft { Source = source, Metadata = meta, PlainText = body }, _options);
    }

    private Document FromHtml(string source, string text)
    {
        if (!LooksLikeHtml(text)) throw new InputRejectedException("malformed HTML: no markup found");
        var page = _html.Extract(text);
        return DocumentAssembler.Assemble(new ArticleDraft { Source = source, Metadata = page.Metadata, Blocks = page.Blocks }, _options);
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 4096 ? text[..4096] : text;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.Contains("<article", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase);
    }

    private enum InputFormat { Unknown, Text, Html, Feed, JsonLines }

    private static InputFormat FormatOf(string? extension) => extension switch
    {
        null or "" => InputFormat.Unknown,
        _ when TextExtensions.Contains(extension) => InputFormat.Text,
        _ when HtmlExtensions.Contains(extension) => InputFormat.Html,
        _ when FeedExtensions.Contains(extension) => InputFormat.Feed,
        _ when JsonLinesExtensions.Contains(extension) => InputFormat.JsonLines,
        _ => InputFormat.Unknown,
    };

    private static InputFormat Sniff(string text)
    {
        var t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (t.StartsWith('{')) return InputFormat.JsonLines;
        if (t.StartsWith('<'))
        {
            return FeedReader.LooksLikeFeed(t) && !LooksLikeHtml(t) ? InputFormat.Feed : InputFormat.Html;
        }
        return InputFormat.Text;
    }
}
