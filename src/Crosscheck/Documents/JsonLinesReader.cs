using System.Text.Json;

namespace Crosscheck.Documents;

/// <summary>One article a line: <c>id, url, outlet, title, published</c> and <c>text</c> or <c>html</c>.</summary>
internal static class JsonLinesReader
{
    public static IEnumerable<(string Id, ArticleDraft? Draft, string? Error)> Read(string text, string source, HtmlArticleExtractor html)
    {
        var lineNumber = 0;
        foreach (var rawLine in Lines(text))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            var fallbackId = lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            JsonDocument? json = null;
            string? parseError = null;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                parseError = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.', ' ');
            }
            if (json is null)
            {
                yield return ($"{source}#{fallbackId}", null, $"line {lineNumber}: malformed JSON ({parseError})");
                continue;
            }
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    yield return ($"{source}#{fallbackId}", null, $"line {lineNumber}: expected a JSON object");
                    continue;
                }
                var id = Str(root, "id") ?? fallbackId;
                var itemSource = $"{source}#{id}";
                var meta = new DocumentMetadata
                {
                    Outlet = Str(root, "outlet"),
                    Title = Str(root, "title"),
                    Url = Str(root, "url"),
                    Published = DateParsing.ParseDate(Str(root, "published")),
                    Language = Str(root, "language")?.ToLowerInvariant(),
                };
                var plain = Str(root, "text");
                var markup = Str(root, "html");
                if (plain is not null)
                {
                    yield return (itemSource, new ArticleDraft { Source = itemSource, Metadata = meta, PlainText = plain }, null);
                }
                else if (markup is not null)
                {
                    var page = html.Extract(markup);
                    yield return (itemSource, new ArticleDraft { Source = itemSource, Metadata = meta.Or(page.Metadata), Blocks = page.Blocks }, null);
                }
                else
                {
                    yield return (itemSource, null, $"line {lineNumber}: has neither \"text\" nor \"html\"");
                }
            }
        }
    }

    /// <summary>The lines one at a time: a file of many articles is never copied whole into an array of lines.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            yield return text[start..end];
            if (nl < 0) yield break;
            start = nl + 1;
        }
    }

    private static string? Str(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }
}
