namespace Crosscheck.Documents;

/// <summary>The optional <c>---</c> block at the top of a .txt or .md file: outlet, url, published, title, language.</summary>
internal static class FrontMatter
{
    public static (DocumentMetadata Metadata, string Body) Split(string text)
    {
        var start = 0;
        if (!text.StartsWith("---", StringComparison.Ordinal)) return (DocumentMetadata.Empty, text);
        var firstNl = text.IndexOf('\n');
        if (firstNl < 0 || text[..firstNl].Trim() != "---") return (DocumentMetadata.Empty, text);
        start = firstNl + 1;
        var close = -1;
        var pos = start;
        while (pos < text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var line = nl < 0 ? text[pos..] : text[pos..nl];
            if (line.Trim() is "---" or "...") { close = pos; break; }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (close < 0) return (DocumentMetadata.Empty, text);

        var meta = new DocumentMetadata();
        foreach (var raw in text[start..close].Split('\n'))
        {
            var colon = raw.IndexOf(':');
            if (colon <= 0) continue;
            var key = raw[..colon].Trim().ToLowerInvariant();
            var value = Unquote(raw[(colon + 1)..].Trim());
            if (value.Length == 0) continue;
            meta = key switch
            {
                "outlet" or "source" or "publisher" or "site" => meta with { Outlet = value },
                "url" or "link" => meta with { Url = value },
                "published" or "date" => meta with { Published = DateParsing.ParseDate(value) },
                "title" or "headline" => meta with { Title = value },
                "language" or "lang" => meta with { Language = value.ToLowerInvariant() },
                _ => meta,
            };
        }
        var bodyStart = text.IndexOf('\n', close);
        return (meta, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
    }

    private static string Unquote(string v) =>
        v.Length >= 2 && (v[0] == '"' && v[^1] == '"' || v[0] == '\'' && v[^1] == '\'') ? v[1..^1] : v;
}
