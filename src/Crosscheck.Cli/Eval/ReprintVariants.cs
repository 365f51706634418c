using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// What real reprints of one story on other sites do to its text, as transformations of an article (its title, day and
/// paragraphs): each is deterministic given its <see cref="Random"/>, and none carries text of a real article into the
/// repository (the added lines are invented and generic). <c>crosscheck eval origins --variants</c> applies them to the
/// split's articles at run time to measure how many transformed copies are still traced to their original.
/// </summary>
internal static partial class ReprintVariants
{
    internal sealed record Article(string Title, DateOnly? Published, List<string> Paragraphs);

    internal sealed record Transform(string Name, Func<Article, Random, Article> Apply);

    /// <summary>Each transformation on its own; <c>eval origins --variants</c> also combines several at random.</summary>
    internal static readonly IReadOnlyList<Transform> All =
    [
        new("headline", Headline),
        new("dateline", Dateline),
        new("boilerplate", Boilerplate),
        new("captions", Captions),
        new("paragraphs", Paragraphs),
        new("typography", Typography),
        new("entities", Entities),
        new("ligatures", Ligatures),
        new("abbreviations", Abbreviations),
        new("light-edits", LightEdits),
        new("first-paragraphs", FirstParagraphs),
        new("updated", Updated),
        new("next-day", NextDay),
        new("accents", Accents),
    ];

    private static Article Headline(Article a, Random r) =>
        a with { Title = Pick(r, ["UPDATE: ", "WATCH: ", "World News | ", ""]) + (r.Next(2) == 0 ? a.Title.ToUpperInvariant() : string.Join(' ', a.Title.Split(' ').Reverse())) };

    [GeneratedRegex(@"^[\p{Lu}][^()\n]{1,60}\((?:AP|Reuters|AFP|ANI|IANS|PTI|Xinhua|Anadolu|Bernama)\)\s*[-—–]+\s*")]
    private static partial Regex DatelineRx();

    /// <summary>A wire dateline removed where there is one, else one added ("KYIV, Nov 14 (Reuters) - ").</summary>
    private static Article Dateline(Article a, Random r)
    {
        var p = new List<string>(a.Paragraphs);
        if (p.Count == 0) return a;
        var m = DatelineRx().Match(p[0]);
        if (m.Success) p[0] = p[0][m.Length..];
        else
        {
            var day = a.Published ?? new DateOnly(2025, 1, 1);
            var city = Pick(r, ["KYIV", "BANGKOK", "ISLAMABAD", "PHNOM PENH", "KABUL"]);
            var agency = Pick(r, ["Reuters", "AP", "AFP"]);
            var date = day.ToString(r.Next(2) == 0 ? "MMM d" : "MMMM d", CultureInfo.InvariantCulture);
            p[0] = $"{city}, {date} ({agency}) {Pick(r, ["-", "—", "--"])} {p[0]}";
        }
        return a with { Paragraphs = p };
    }

    /// <summary>A site's lines added at the end: agency sign-offs, a copyright line, "Read more" and related links.</summary>
    private static Article Boilerplate(Article a, Random r)
    {
        var p = new List<string>(a.Paragraphs);
        var lines = new List<string>
        {
            "Reporting by Jane Doe and Sam Roe; Writing by Alex Poe; Editing by Chris Lo",
            "Copyright 2025 Example Wire Service. All rights reserved. Not to be republished without permission.",
            "Read more:",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Sign up for our daily newsletter to get the top stories in your inbox every morning.",
            "Follow us on Facebook, Twitter and Instagram for the latest updates.",
            "Related: What we know so far about the fighting",
            "Related: Leaders call for calm as talks stall",
            "Also read: Markets steady as investors weigh the risks",
        };
        var take = lines.OrderBy(_ => r.Next()).Take(2 + r.Next(3)).ToList();
        if (r.Next(2) == 0) p.AddRange(take);
        else { p.InsertRange(0, take.Take(1)); p.AddRange(take.Skip(1)); }
        return a with { Paragraphs = p };
    }

    /// <summary>Image captions and photo credits between paragraphs.</summary>
    private static Article Captions(Article a, Random r)
    {
        var p = new List<string>(a.Paragraphs);
        string[] captions =
        [
            "People gather near a damaged building after the attack. (Photo: AFP/File)",
            "Photo: Reuters",
            "Smoke rises over the area on Thursday. REUTERS/Staff",
            "FILE PHOTO: Soldiers stand guard at a checkpoint. Photo credit: AP",
            "Image source, Getty Images",
            "Rescue workers search the rubble. AP Photo/Stringer",
        ];
        for (var i = Math.Min(p.Count, 1 + r.Next(2)); i < p.Count; i += 2 + r.Next(3)) p.Insert(i, Pick(r, captions));
        return a with { Paragraphs = p };
    }

    [GeneratedRegex(@"(?<=[.!?][""”’]?)\s+(?=[""“‘]?\p{Lu})")]
    private static partial Regex SentenceBreakRx();

    /// <summary>Paragraphs split at sentence breaks or joined two by two.</summary>
    private static Article Paragraphs(Article a, Random r)
    {
        var p = new List<string>();
        if (r.Next(2) == 0)
        {
            foreach (var para in a.Paragraphs) p.AddRange(SentenceBreakRx().Split(para).Where(s => s.Length > 0));
        }
        else
        {
            for (var i = 0; i < a.Paragraphs.Count; i += 2) p.Add(i + 1 < a.Paragraphs.Count ? a.Paragraphs[i] + " " + a.Paragraphs[i + 1] : a.Paragraphs[i]);
        }
        return a with { Paragraphs = p };
    }

    /// <summary>Smart quotes straight or straight quotes smart, dashes of another kind, no-break spaces after numbers.</summary>
    private static Article Typography(Article a, Random r)
    {
        var smart = r.Next(2) == 0;
        return a with
        {
            Paragraphs = [.. a.Paragraphs.Select(p =>
            {
                var s = smart
                    ? Regex.Replace(Regex.Replace(p.Replace("'", "’"), "\"(?=\\w)", "“"), "\"", "”").Replace(" - ", " – ")
                    : p.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace(" — ", " - ").Replace("—", "--");
                return Regex.Replace(s, @"(?<=\d) (?=\p{L})", "\u00A0");
            })],
        };
    }

    /// <summary>HTML entities left in the text by a careless scrape ("&#8217;", "&amp;", "&quot;", "&nbsp;").</summary>
    private static Article Entities(Article a, Random r)
    {
        var numeric = r.Next(2) == 0;
        return a with
        {
            Paragraphs = [.. a.Paragraphs.Select(p => p.Replace("&", "&amp;")
                .Replace("’", numeric ? "&#8217;" : "&rsquo;").Replace("'", numeric ? "&#39;" : "&apos;")
                .Replace("\"", "&quot;").Replace("“", "&ldquo;").Replace("”", "&rdquo;").Replace("—", "&mdash;")
                .Replace(", ", ",&nbsp;"))],
        };
    }

    /// <summary>Typographic ligatures, as in text taken from a PDF or a typeset page.</summary>
    private static Article Ligatures(Article a, Random r) =>
        a with { Paragraphs = [.. a.Paragraphs.Select(p => p.Replace("ffi", "ﬃ").Replace("fi", "ﬁ").Replace("fl", "ﬂ").Replace("ff", "ﬀ"))] };

    /// <summary>"U.S." as "US" and the other way round (UN, UK, EU), "per cent" and "percent".</summary>
    private static Article Abbreviations(Article a, Random r)
    {
        var dotted = r.Next(2) == 0;
        string[] names = ["US", "UN", "UK", "EU", "UAE"];
        return a with
        {
            Paragraphs = [.. a.Paragraphs.Select(p =>
            {
                foreach (var n in names)
                {
                    var withDots = string.Join('.', n.ToCharArray()) + ".";
                    p = dotted ? Regex.Replace(p, $@"\b{n}\b", withDots) : Regex.Replace(p, $@"\b{Regex.Escape(withDots)}", n);
                }
                return dotted ? p.Replace("percent", "per cent") : p.Replace("per cent", "percent");
            })],
        };
    }

    private static readonly (string A, string B)[] Edits =
    [
        ("said", "stated"), ("killed", "left dead"), ("defence", "defense"), ("neighbour", "neighbor"), ("Thursday", "Thursday,"),
        ("at least", "no fewer than"), ("people", "persons"), ("attack", "assault"), ("army", "military"), ("officials", "authorities"),
        ("The ", "A "), ("also ", ""), ("on Monday", "Monday"), ("on Tuesday", "Tuesday"), ("after", "following"),
    ];

    /// <summary>A translation-like light edit: a few words replaced here and there and one sentence left out.</summary>
    private static Article LightEdits(Article a, Random r)
    {
        var p = new List<string>();
        foreach (var para in a.Paragraphs)
        {
            var s = para;
            foreach (var (x, y) in Edits) if (r.Next(3) == 0) s = ReplaceFirst(s, x, y);
            p.Add(s);
        }
        if (p.Count > 3) p.RemoveAt(1 + r.Next(p.Count - 1));
        return a with { Paragraphs = p };
    }

    /// <summary>The story trimmed to its first two to five paragraphs (a brief).</summary>
    private static Article FirstParagraphs(Article a, Random r) => a with { Paragraphs = [.. a.Paragraphs.Take(2 + r.Next(4))] };

    /// <summary>An updated version: an "UPDATED" note and a new top paragraph, published a day later.</summary>
    private static Article Updated(Article a, Random r)
    {
        var p = new List<string>(a.Paragraphs);
        var top = $"The death toll rose to {10 + r.Next(40)} on {Pick(r, ["Friday", "Saturday", "Sunday"])}, officials said, as rescuers {Pick(r, ["searched the rubble for survivors", "cleared debris from the streets", "worked through the night"])} and {Pick(r, ["hospitals appealed for blood donors", "residents returned to their damaged homes", "leaders traded blame for the violence"])}.";
        p.Insert(0, top);
        if (r.Next(2) == 0) p.Insert(0, $"UPDATED with {Pick(r, ["new death toll", "comment from officials", "details in paragraphs 1-3"])}");
        return a with { Paragraphs = p, Published = a.Published?.AddDays(1) };
    }

    private static Article NextDay(Article a, Random r) => a with { Published = a.Published?.AddDays(1 + r.Next(2)) };

    /// <summary>Accents dropped (as an ASCII-only site prints names).</summary>
    private static Article Accents(Article a, Random r) =>
        a with
        {
            Paragraphs = [.. a.Paragraphs.Select(p => new string([.. p.Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC)
                .Replace("’", "'"))],
        };

    /// <summary>
    /// Not a copy, to probe for false joins: a brief of its own that quotes the article's longest sentence between two
    /// invented ones (as a site passes on one line of a wire story). The invented sentences are put together from short
    /// pieces at random, so that briefs of different articles do not share them (a site's stock lines are another matter:
    /// the index takes a line in more than 32 texts for boilerplate).
    /// </summary>
    internal static Article QuotingBrief(Article a, Random r)
    {
        var longest = a.Paragraphs.SelectMany(p => SentenceBreakRx().Split(p)).OrderByDescending(s => s.Split(' ').Length).FirstOrDefault() ?? "";
        string[][] pieces =
        [
            ["Officials", "Residents", "Aid workers", "Local reporters", "Witnesses", "Analysts", "Diplomats", "Doctors"],
            ["gave new details", "spoke again", "voiced concern", "offered few answers", "urged calm", "described chaos", "asked for help", "met briefly"],
            ["on Friday", "late on Sunday", "this morning", "overnight", "at noon", "before dawn", "on Tuesday evening", "after midnight"],
            ["near the border", "in the capital", "at a briefing", "by telephone", "in a statement", "outside the hospital", "at the market", "on state television"],
            ["as tensions rose.", "amid fresh alarm.", "while talks stalled.", "as prices climbed.", "with little warning.", "despite the rain.", "after a long delay.", "as crowds gathered."],
        ];
        string Invented() => string.Join(' ', pieces.Select(p => p[r.Next(p.Length)]));
        return new Article("In brief: " + a.Title, a.Published, [Invented(), longest, Invented()]);
    }

    private static string ReplaceFirst(string s, string x, string y)
    {
        var i = s.IndexOf(x, StringComparison.Ordinal);
        return i < 0 ? s : s[..i] + y + s[(i + x.Length)..];
    }

    private static T Pick<T>(Random r, T[] items) => items[r.Next(items.Length)];

    /// <summary>A realnews article file: front matter (title, published) and one paragraph a line.</summary>
    internal static Article Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        string title = "";
        DateOnly? published = null;
        var start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            for (var i = 1; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "---") { start = i + 1; break; }
                var colon = lines[i].IndexOf(':');
                if (colon < 0) continue;
                var (key, value) = (lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim());
                if (key == "title") title = value;
                else if (key == "published" && DateOnly.TryParse(value, CultureInfo.InvariantCulture, out var d)) published = d;
            }
        }
        return new Article(title, published, [.. lines.Skip(start).Where(l => l.Trim().Length > 0)]);
    }

    /// <summary>The article as a plain-text file for the reader, under another outlet's name.</summary>
    internal static string Write(Article a, string outlet)
    {
        var sb = new StringBuilder();
        sb.Append("---\noutlet: ").Append(outlet).Append('\n');
        if (a.Title.Length > 0) sb.Append("title: ").Append(a.Title.Replace('\n', ' ')).Append('\n');
        if (a.Published is { } d) sb.Append("published: ").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("---\n");
        // A blank line between paragraphs, so that no two are joined as one hard-wrapped paragraph.
        foreach (var p in a.Paragraphs) sb.Append(p).Append("\n\n");
        return sb.ToString();
    }

    /// <summary>A stable seed for one article and one variant (string hashes change from run to run).</summary>
    internal static int Seed(int seed, string file, int variant)
    {
        var h = 2166136261u;
        foreach (var c in file) h = (h ^ c) * 16777619u;
        return (int)((h ^ (uint)seed * 2654435761u ^ (uint)variant * 40503u) & 0x7FFFFFFF);
    }
}
