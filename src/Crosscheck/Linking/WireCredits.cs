using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// The wire agency a text is credited to, read from its dateline ("KYIV, Ukraine (AP) —"), byline ("By AFP Staff
/// Writers"), sign-off ("— Reuters", "--IANS"), closing line ("With inputs from PTI") or a check only its own copy reports
/// ("Xinhua could not independently verify the claim"); the agencies and cue words are
/// in <c>data/events/wire-credits.txt</c> (embedded), read once per process.
/// </summary>
public static class WireCredits
{
    private const string FileName = "wire-credits.txt";
    private const int DatelineParagraphs = 4;
    private const int DatelineChars = 200;
    private const int BylineWords = 6;
    private const int ClosingParagraphs = 3;
    private const int NamedBylineWords = 14;

    private static readonly Lists Data = Load(WordListFile.EmbeddedText(FileName));

    private sealed record Lists(FrozenDictionary<string, string> AgencyOfForm, FrozenDictionary<string, string> AgencyOfKey,
        string[] ContributionCues, string[] SiteLines, string[] RelayCues, FrozenSet<string> InterviewVerbs, Regex Form, Regex Dateline, Regex SignOff, Regex? SelfCheck,
        Regex NamedByline, Regex PhotoStart, Regex PhotoAfterForm, Regex PhotoCue, Regex ReportedBy);

    /// <summary>The agency the text is credited to (its name as listed), or null when no credit names one.</summary>
    public static string? Find(string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !IsPictureCredit(p)).ToList();
        var head = Counted(paragraphs, DatelineParagraphs);
        foreach (var p in head)
        {
            var m = Data.Dateline.Match(p.Length > DatelineChars ? p[..DatelineChars] : p);
            if (m.Success) return Data.AgencyOfForm[m.Groups.Values.Skip(1).First(g => g.Success).Value];
        }
        foreach (var p in head)
        {
            if (WordCount(p) <= BylineWords && Data.Form.Match(p) is { Success: true } m) return Data.AgencyOfForm[m.Value];
            if (WordCount(p) <= NamedBylineWords && Data.NamedByline.Match(p) is { Success: true } named) return Data.AgencyOfForm[named.Groups[1].Value];
        }
        var reversed = Enumerable.Reverse(paragraphs).ToList();
        var tail = Counted(reversed, ClosingParagraphs, IsSiteLine);
        foreach (var p in tail)
        {
            if (Data.SignOff.Match(p) is { Success: true } m) return Data.AgencyOfForm[m.Groups[1].Value];
            if (WordCount(p) <= BylineWords && Data.Form.Match(p) is { Success: true } alone) return Data.AgencyOfForm[alone.Value];
            if (Data.ContributionCues.Any(c => p.Contains(c, StringComparison.Ordinal)) && Data.Form.Match(p) is { Success: true } credited)
            {
                return Data.AgencyOfForm[credited.Value];
            }
        }
        // Only the agency's own copy says what the agency itself could not check ("Reuters could not independently verify").
        foreach (var p in paragraphs)
        {
            if (Data.SelfCheck?.Match(p) is { Success: true } m) return Data.AgencyOfForm[m.Groups[1].Value];
        }
        return null;
    }

    /// <summary>
    /// Whether a paragraph credits a picture, not the text (<c>@photo-cues</c>): it opens with a cue ("Photo: AFP", "(Photo by
    /// Jane Roe / AFP)"), names an agency right before one or before a slash ("AP Photo", "REUTERS/Jane Roe"), or is a short
    /// line holding a cue ("AFP via Getty Images").
    /// </summary>
    public static bool IsPictureCredit(string paragraph) =>
        Data.PhotoStart.IsMatch(paragraph) || Data.PhotoAfterForm.IsMatch(paragraph)
        || (WordCount(paragraph) <= NamedBylineWords && Data.PhotoCue.IsMatch(paragraph));

    /// <summary>A site's own closing line after the story (<c>@site-lines</c>: a syndication disclaimer, an app or follow prompt).</summary>
    private static bool IsSiteLine(string paragraph) => Data.SiteLines.Any(c => paragraph.Contains(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The paragraphs from the first up to the <paramref name="count"/>-th of more than <see cref="BylineWords"/> words: a
    /// page's short lines (its date and update lines, a listen button, share and tag lines, a byline) do not count, nor do
    /// the lines <paramref name="uncounted"/> picks.
    /// </summary>
    private static List<string> Counted(IReadOnlyList<string> paragraphs, int count, Func<string, bool>? uncounted = null)
    {
        var result = new List<string>();
        var counted = 0;
        foreach (var p in paragraphs)
        {
            if (counted >= count) break;
            result.Add(p);
            if (WordCount(p) > BylineWords && uncounted?.Invoke(p) != true) counted++;
        }
        return result;
    }

    /// <summary>
    /// The outlet whose report the text relays by a relay line ("Harbor Ledger reports, citing Al Jazeera"): an outlet the
    /// gazetteers know, named right after a relay cue (<c>@relay-cues</c>); the agency's name for a wire. Null when none.
    /// </summary>
    public static string? Relay(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var m in text.Entities)
        {
            if (m.Type != EntityType.Outlet || m.Known is null) continue;
            var before = text.Text.AsSpan(0, m.Span.Start).TrimEnd();
            if (before.EndsWith(" the", StringComparison.OrdinalIgnoreCase)) before = before[..^4].TrimEnd();
            foreach (var cue in Data.RelayCues)
            {
                if (before.EndsWith(cue, StringComparison.Ordinal)) return Agency(m.Known.Name) ?? m.Known.Name;
            }
        }
        // An agency the text's first paragraph reports from ("…, the Reuters news agency reported", "according to ANI", "news
        // agency PTI said"), by any of its forms: the gazetteer's outlets know few agencies and fewer of these phrasings. A
        // rewrite of an agency's story names it there; an article of its own cites one for a background line further down.
        if (FirstParagraph(text) is { } first && Data.ReportedBy.Match(first) is { Success: true } reported)
        {
            var form = reported.Groups["a"].Success ? reported.Groups["a"].Value : reported.Groups["b"].Value;
            return Data.AgencyOfForm[form];
        }
        return null;
    }

    /// <summary>The text's first paragraph of the lede or body with more than <see cref="BylineWords"/> words; null when none.</summary>
    private static string? FirstParagraph(AnnotatedText text)
    {
        var start = 0;
        foreach (var p in text.Text.Split('\n'))
        {
            var at = start;
            start += p.Length + 1;
            if (WordCount(p) <= BylineWords || IsPictureCredit(p)) continue;
            var lead = at + (p.Length - p.TrimStart().Length);
            if (text.SegmentKindAt(lead) is not (SegmentKind.Lede or SegmentKind.Body)) continue;
            return p;
        }
        return null;
    }

    /// <summary>The agency a name stands for ("AP", "the Associated Press": Associated Press), or null when it names none.</summary>
    public static string? Agency(string name)
    {
        var key = name.Trim();
        if (Data.AgencyOfForm.TryGetValue(key, out var agency)) return agency;
        return Data.AgencyOfKey.GetValueOrDefault(Key(key));
    }

    /// <summary>Whether a reporting verb reports an interview given to the outlet it names ("told Reuters").</summary>
    public static bool IsInterviewVerb(string? verb) => verb is not null && Data.InterviewVerbs.Contains(verb.Trim());

    private static string Key(string name)
    {
        var key = name.ToLowerInvariant();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    private static int WordCount(string paragraph) => paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>"according to (the) FORM", "news agency FORM"; "FORM (news agency) reported": the agency in group a or b.</summary>
    private static Regex ReportedByRegex(string alternation, List<string> before, List<string> after)
    {
        if (before.Count == 0 || after.Count == 0) throw new FormatException($"data/events/{FileName}: @reported-before and @reported-after want cues");
        static string Words(IEnumerable<string> cues) => string.Join('|', cues.OrderByDescending(c => c.Length).Select(c => Regex.Escape(c).Replace(@"\ ", @"\s+", StringComparison.Ordinal)));
        const string Edge = @"(?<![\p{L}\p{N}])";
        const string End = @"(?![\p{L}\p{N}])";
        return new Regex(Edge + "(?:(?:" + Words(before) + @")\s+(?:the\s+)?(?<a>" + alternation + ")" + End
            + "|(?<b>" + alternation + @")(?:\s+news\s+agency)?,?\s+(?:" + Words(after) + ")" + End + ")", RegexOptions.CultureInvariant);
    }

    private static Lists Load(string text)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var cues = new List<string>();
        var siteLines = new List<string>();
        var relays = new List<string>();
        var checks = new List<string>();
        var reportedBefore = new List<string>();
        var reportedAfter = new List<string>();
        var photos = new List<string>();
        var verbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? section = null;
        foreach (var raw in text.Split('\n'))
        {
            var comment = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (comment >= 0 ? raw[..comment] : raw).Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('@')) { section = line[1..].Trim(); continue; }
            switch (section)
            {
                case "wires":
                    var bar = line.IndexOf('|', StringComparison.Ordinal);
                    if (bar <= 0) throw new FormatException($"data/events/{FileName}: @wires wants 'name | forms', not '{line}'");
                    var name = line[..bar].Trim();
                    foreach (var form in line[(bar + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        forms[form] = name;
                        keys.TryAdd(Key(form), name);
                    }
                    keys.TryAdd(Key(name), name);
                    break;
                case "contribution-cues": cues.Add(line); break;
                case "site-lines": siteLines.Add(line); break;
                case "relay-cues": relays.Add(line); break;
                case "self-checks": checks.Add(line); break;
                case "photo-cues": photos.Add(line); break;
                case "reported-before": reportedBefore.Add(line); break;
                case "reported-after": reportedAfter.Add(line); break;
                case "interview-verbs": verbs.UnionWith(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)); break;
                default: throw new FormatException($"data/events/{FileName}: '{line}' is outside a known @section");
            }
        }
        var alternation = string.Join('|', forms.Keys.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).Select(Regex.Escape));
        const string Before = @"(?<![\p{L}\p{N}])";
        const string After = @"(?![\p{L}\p{N}])";
        var formRegex = new Regex(Before + "(?:" + alternation + ")" + After, RegexOptions.CultureInvariant);
        // "(AP)" or "/TASS/" (after a space: not a path "x.com/AFP/status") anywhere in the dateline, or "[AP]" opening the paragraph (a site's bracketed form of the dateline).
        var dateline = new Regex(@"\((" + alternation + @")\)|(?:^|\s)/(" + alternation + @")/|^\[(" + alternation + @")\]", RegexOptions.CultureInvariant);
        var signOff = new Regex(@"(?:[—–-]{1,2}\s*|\()(" + alternation + @")" + After + @"\)?\s*\.?$", RegexOptions.CultureInvariant);
        var selfCheck = checks.Count == 0 ? null
            : new Regex(Before + "(" + alternation + @")\s+(?:" + string.Join('|', checks.Select(Regex.Escape)) + ")" + After, RegexOptions.CultureInvariant);
        // "By Jane Doe and John Roe, Associated Press", "BY JANE DOE Associated Press", "Jane Doe and John Roe | Reuters",
        // "Written by Jane Doe | Reuters | Updated: …" (the page's own fields after another bar).
        var namedByline = new Regex(@"^(?:(?:By|BY|Written by|WRITTEN BY)\s.+?[\s,]|[^|]+\|)\s*(?:The\s+|THE\s+)?(" + alternation + ")" + After + @"\.?(?:\s*\|.*)?$", RegexOptions.CultureInvariant);
        if (photos.Count == 0) throw new FormatException($"data/events/{FileName}: @photo-cues is empty");
        var photoCues = "(?:" + string.Join('|', photos.OrderByDescending(p => p.Length).Select(p => Regex.Escape(p).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + ")";
        const string Options = "(?i)";
        var photoStart = new Regex(Options + @"^[\p{P}\s]*" + photoCues + After, RegexOptions.CultureInvariant);
        var photoAfterForm = new Regex(Before + "(?:" + alternation + @")(?:\s+(?i:" + photoCues + ")" + After + @"|\s*/\s*\p{L})", RegexOptions.CultureInvariant);
        var photoCue = new Regex(Options + Before + photoCues + After, RegexOptions.CultureInvariant);
        return new Lists(forms.ToFrozenDictionary(StringComparer.Ordinal), keys.ToFrozenDictionary(StringComparer.Ordinal),
            [.. cues], [.. siteLines], [.. relays], verbs.ToFrozenSet(StringComparer.OrdinalIgnoreCase), formRegex, dateline, signOff, selfCheck,
            namedByline, photoStart, photoAfterForm, photoCue, ReportedByRegex(alternation, reportedBefore, reportedAfter));
    }
}
