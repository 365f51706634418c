using System.Globalization;
using System.Text.RegularExpressions;

namespace Crosscheck.Documents;

/// <summary>Where a document's publication date came from.</summary>
public enum PublishedFrom
{
    /// <summary>The reader's metadata: front matter, HTML meta or JSON-LD, the feed item, the JSON line.</summary>
    Metadata,
    /// <summary>A dateline or date line at the top of the text ("KYIV, Dec. 7 (AP) —", "Published 3 October 2025").</summary>
    Dateline,
    /// <summary>The article's URL (<c>/2025/10/03/</c>, <c>/2025-10-03/</c>, <c>20251003</c>).</summary>
    Url,
    /// <summary>The file name (<c>2025-10-03_outlet_slug.txt</c>).</summary>
    FileName,
}

/// <summary>
/// Recovers a publication date when metadata has none (README, "Publication dates"). In order, the first that gives a day:
/// <list type="number">
/// <item>a date with its year at the top of the text: a line that starts with one ("Oct. 3, 2025 —", "FRIDAY, DECEMBER 12, 2025",
/// "Published 3 October 2025", "2025-10-03 09:12"), a dateline ("KUALA LUMPUR, July 28, 2025 –"), or a short line holding one (a byline
/// "By A. Writer | Oct 3, 2025");</item>
/// <item>a whole date in the URL;</item>
/// <item>a whole date at the start of the file name;</item>
/// <item>a dateline without its year ("WASHINGTON, Oct. 3 (Reuters) -"), its year taken from a year in the URL or the file name (the year
/// before when the dateline's month is more than six months after the month those give), else from whole dates in the text that
/// lie up to <see cref="LendingDays"/> days before it, when they agree on one year. Otherwise it gives no date: a dateline alone does
/// not say its year.</item>
/// </list>
/// Only the top of the text is read: its first <see cref="HeaderLines"/> non-empty lines within <see cref="HeaderChars"/> characters.
/// Years outside <see cref="MinYear"/>–<see cref="MaxYear"/> and days the calendar lacks ("Feb 30") are no date.
/// </summary>
public static partial class PublicationDates
{
    public const int HeaderLines = 4;
    public const int HeaderChars = 600;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>The date and its source, or null when none of the sources gives one.</summary>
    public static (DateOnly Date, PublishedFrom From)? Recover(string text, string? url, string? source)
    {
        if (FromHeader(text) is { } header) return (header, PublishedFrom.Dateline);
        var urlDate = FromUrl(url);
        if (urlDate.Day is { } u) return (u, PublishedFrom.Url);
        var fileDate = FromFileName(source);
        if (fileDate.Day is { } f) return (f, PublishedFrom.FileName);
        if (YearlessDateline(text) is not { } md) return null;
        var hint = urlDate.Year is not null ? urlDate : fileDate;
        if (hint.Year is { } year)
        {
            var y = hint.Month is { } hm && md.Month - hm > 6 ? year - 1 : hint.Month is { } hm2 && hm2 - md.Month > 6 ? year + 1 : year;
            return Create(y, md.Month, md.Day) is { } d ? (d, PublishedFrom.Dateline) : null;
        }
        return YearFromText(text, md.Month, md.Day) is { } fromText ? (fromText, PublishedFrom.Dateline) : null;
    }

    /// <summary>How many days before a yearless dateline a whole date in the text may lie to lend it its year.</summary>
    public const int LendingDays = 62;

    /// <summary>
    /// The dateline's day in the one year that puts it 0 to <see cref="LendingDays"/> days after every whole date the text gives
    /// ("Dec. 9" after "on December 8, 2025" is 2025-12-09); null when the text gives none, or whole dates that disagree.
    /// </summary>
    private static DateOnly? YearFromText(string text, int month, int day)
    {
        DateOnly? found = null;
        foreach (Match m in AnyFullDate().Matches(text))
        {
            if (FullDate(m.Value) is not { } whole) continue;
            DateOnly? lent = null;
            for (var y = whole.Year; y <= whole.Year + 1 && lent is null; y++)
            {
                if (Create(y, month, day) is { } d && d.DayNumber - whole.DayNumber is >= 0 and <= LendingDays) lent = d;
            }
            if (lent is null) continue;
            if (found is { } f && f != lent) return null;
            found = lent;
        }
        return found;
    }

    /// <summary>A date with its year at the top of the text, as the class summary says; null when there is none.</summary>
    public static DateOnly? FromHeader(string text)
    {
        foreach (var line in Header(text))
        {
            var start = LineStart().Match(line);
            if (start.Success && FullDate(start.Groups["date"].Value) is { } d) return d;
            var dateline = Datelines.Dated(line);
            if (dateline.Success && FullDate(dateline.Groups["date"].Value) is { } d2) return d2;
            if (line.Length <= ShortLine)
            {
                foreach (Match m in AnyFullDate().Matches(line))
                {
                    if (FullDate(m.Value) is { } d3) return d3;
                }
            }
        }
        return null;
    }

    /// <summary>How many days before publication a wire dateline may lie to be the day the story was written.</summary>
    public const int DatelineLagDays = 7;

    /// <summary>
    /// The day a story was written, when its wire dateline names one 1 to <see cref="DatelineLagDays"/> days before the
    /// date it was published ("KHARTOUM, March 12 (Reuters) -" in a copy a paper ran on March 17): its "on Tuesday" is the
    /// Tuesday before the dateline. A yearless dateline takes the year that puts it on or before publication. Null
    /// when there is no dateline, or it names the publication day, a later one or one further back.
    /// </summary>
    public static DateOnly? WrittenBefore(string text, DateOnly published)
    {
        foreach (var line in Header(text))
        {
            var m = Datelines.Dated(line);
            if (!m.Success) continue;
            var written = FullDate(m.Groups["date"].Value);
            if (written is null && YearlessDateline(line) is { } md)
            {
                written = Create(published.Year, md.Month, md.Day);
                if (written > published) written = Create(published.Year - 1, md.Month, md.Day);
            }
            if (written is not { } w) return null;
            return published.DayNumber - w.DayNumber is >= 1 and <= DatelineLagDays ? w : null;
        }
        return null;
    }

    /// <summary>Whether the characters at <paramref name="start"/> of <paramref name="text"/> lie in the date of a dateline opening their line ("JAMMU, June 17:").</summary>
    public static bool InDateline(string text, int start) => Datelines.InDate(text, start);

    /// <summary>The month and day of a dateline that gives no year ("KYIV, Dec 7 (AP) —", "July 26 (UPI) --").</summary>
    public static (int Month, int Day)? YearlessDateline(string text)
    {
        foreach (var line in Header(text))
        {
            var m = Datelines.Dated(line);
            if (!m.Success) continue;
            var date = DatePart().Match(m.Groups["date"].Value);
            if (!date.Success || date.Groups["year"].Success || date.Groups["iso"].Success) continue;
            var month = MonthNumber(date.Groups["month"].Value);
            var day = Number(date.Groups["day"].Value);
            // A day no month has in any year ("Feb 30") is no date.
            if (month == 0 || day < 1 || day > DateTime.DaysInMonth(2024, month)) continue;
            return (month, day);
        }
        return null;
    }

    /// <summary>A date a URL's path holds, else just its year (and month) when it holds those ("/2025/10/slug").</summary>
    public static (DateOnly? Day, int? Year, int? Month) FromUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return (null, null, null);
        var path = url;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "" : path[slash..];
        }
        foreach (var regex in new[] { UrlSlashed(), UrlDashed(), UrlCompact() })
        {
            foreach (Match m in regex.Matches(path))
            {
                var month = MonthNumber(m.Groups["month"].Value);
                if (Create(Number(m.Groups["year"].Value), month, Number(m.Groups["day"].Value)) is { } d) return (d, d.Year, d.Month);
            }
        }
        var ym = UrlYearMonth().Match(path);
        if (ym.Success && Number(ym.Groups["year"].Value) is var y and >= MinYear and <= MaxYear)
        {
            var month = ym.Groups["month"].Success ? MonthNumber(ym.Groups["month"].Value) : 0;
            return (null, y, month is >= 1 and <= 12 ? month : null);
        }
        return (null, null, null);
    }

    /// <summary>A date at the start of a file's name ("2025-10-03_outlet_slug.txt", "20251003-slug.html"), else its year.</summary>
    public static (DateOnly? Day, int? Year, int? Month) FromFileName(string? source)
    {
        if (string.IsNullOrEmpty(source) || source == "-") return (null, null, null);
        var hash = source.IndexOf('#', StringComparison.Ordinal);
        string name;
        try { name = Path.GetFileName(hash >= 0 ? source[..hash] : source); }
        catch (ArgumentException) { return (null, null, null); }
        var m = FileNameDate().Match(name);
        if (!m.Success) return (null, null, null);
        var d = Create(Number(m.Groups["year"].Value), Number(m.Groups["month"].Value), Number(m.Groups["day"].Value));
        return d is { } day ? (day, day.Year, day.Month) : (null, null, null);
    }

    private const int ShortLine = 90;

    private static IEnumerable<string> Header(string text)
    {
        var head = text.Length > HeaderChars ? text[..HeaderChars] : text;
        var taken = 0;
        foreach (var raw in head.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            yield return line;
            if (++taken == HeaderLines) yield break;
        }
    }

    /// <summary>"Oct. 3, 2025", "3 October 2025", "2025-10-03": the day, when the calendar has it in a sane year.</summary>
    private static DateOnly? FullDate(string s)
    {
        var m = DatePart().Match(s);
        if (!m.Success) return null;
        if (m.Groups["iso"].Success) return Create(Number(m.Groups["iy"].Value), Number(m.Groups["im"].Value), Number(m.Groups["id"].Value));
        if (!m.Groups["year"].Success) return null;
        return Create(Number(m.Groups["year"].Value), MonthNumber(m.Groups["month"].Value), Number(m.Groups["day"].Value));
    }

    private static DateOnly? Create(int year, int month, int day) =>
        year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day) : null;

    private static int Number(string s) => s.Length is > 0 and <= 6 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static int MonthNumber(string s)
    {
        if (s.Length == 0) return 0;
        if (char.IsAsciiDigit(s[0])) return Number(s);
        var key = s.TrimEnd('.');
        if (key.Length < 3) return 0;
        var names = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (names[i].StartsWith(key, StringComparison.OrdinalIgnoreCase) && (key.Length == 3 || key.Length == names[i].Length
                || key.Equals("sept", StringComparison.OrdinalIgnoreCase))) return i + 1;
        }
        return 0;
    }

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    internal const string Date =
        @"(?:(?<iso>(?<iy>\d{4})-(?<im>\d{2})-(?<id>\d{2}))" +
        @"|(?<month>" + Month + @")\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?" +
        @"|(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>" + Month + @")(?:,?\s+(?<year>\d{4})\b)?)";

    private const string Weekday = @"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)";

    [GeneratedRegex(@"\G" + Date, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePart();

    /// <summary>A date with a year anywhere in a short line (a byline or date line).</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:\d{4}-\d{2}-\d{2}|" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @",?\s+\d{4})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyFullDate();

    /// <summary>A line that opens with a date, after "Published", "Updated" or a weekday if any.</summary>
    [GeneratedRegex(@"^(?:(?:first\s+)?(?:published|updated|posted|last\s+updated)(?:\s+on)?\s*:?\s*)?" + Weekday + @"?(?<date>" + Date + @")(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LineStart();

    [GeneratedRegex(@"/(?<year>\d{4})/(?<month>\d{1,2}|[A-Za-z]{3,9})/(?<day>\d{1,2})(?=/|$|[-_.])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlSlashed();

    [GeneratedRegex(@"(?<![\d])(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDashed();

    /// <summary>"20251003", alone or with a time after it ("20251015084715").</summary>
    [GeneratedRegex(@"(?<!\d)(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})(?:\d{4}|\d{6})?(?!\d)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlCompact();

    [GeneratedRegex(@"/(?<year>\d{4})/(?:(?<month>\d{1,2}|[A-Za-z]{3,9})/)?", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlYearMonth();

    [GeneratedRegex(@"^(?<year>\d{4})-?(?<month>\d{2})-?(?<day>\d{2})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FileNameDate();
}
