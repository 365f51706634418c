using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Language;

/// <summary>
/// The word lists of the time rules, read once from <c>data/language/times.txt</c> (embedded): sections in brackets, one entry a line,
/// a TAB before the value in mapping sections; words compare ignoring case.
/// </summary>
internal sealed class TimeCues
{
    private static readonly Lazy<TimeCues> Shared = new(() =>
    {
        using var stream = typeof(TimeCues).Assembly.GetManifestResourceStream("Crosscheck.Language.times.txt")
            ?? throw new InvalidOperationException("The time word list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    public static TimeCues Default => Shared.Value;

    public required FrozenDictionary<string, Keyword> Keywords { get; init; }
    public required FrozenDictionary<string, int> Seasons { get; init; }
    public required FrozenDictionary<string, TimeUnit> Units { get; init; }
    /// <summary>Nouns of a part of a month or year ("the start of", "the end of") and the part they name.</summary>
    public required FrozenDictionary<string, Part> PeriodParts { get; init; }
    public required FrozenSet<string> DayParts { get; init; }
    /// <summary>Future words and phrases, each as its words.</summary>
    public required ImmutableArray<ImmutableArray<string>> Future { get; init; }
    public required FrozenSet<string> ClauseEnds { get; init; }
    public required FrozenSet<string> LeadIns { get; init; }
    /// <summary>Measure words after "a" and a number, which make the number a quantity, not a year ("a 2000 km front").</summary>
    public required FrozenSet<string> Measures { get; init; }
    public required FrozenSet<string> WeekendLeadIns { get; init; }
    /// <summary>Nouns of events that "the weekend" may describe ("the weekend attack"), which make it a time.</summary>
    public required FrozenSet<string> WeekendNouns { get; init; }
    /// <summary>Words that may follow a day named by its ordinal alone ("on the 14th, which"); any other word makes the ordinal count a noun.</summary>
    public required FrozenSet<string> OrdinalDayFollowers { get; init; }
    /// <summary>Anaphoric day phrases (as words) and the days they add to the day they count from.</summary>
    public required ImmutableArray<(ImmutableArray<string> Words, int Days)> AnaphoricDays { get; init; }
    public required FrozenSet<string> AnaphoraBlockers { get; init; }
    /// <summary>Phrases that name the day named last ("the same day", "later that day"), each as its words, longest first.</summary>
    public required ImmutableArray<ImmutableArray<string>> NamedDayAnaphors { get; init; }
    /// <summary>Verbs of reporting whose day, later in the sentence, dates an "overnight" before it ("…, officials said on Saturday").</summary>
    public required FrozenSet<string> ReportVerbs { get; init; }
    /// <summary>Day phrases counted from publication ("the day before yesterday") and the days they add.</summary>
    public required ImmutableArray<(ImmutableArray<string> Words, int Days)> PublicationDays { get; init; }

    public static TimeCues Parse(string content)
    {
        var sections = new Dictionary<string, List<(string Entry, string? Value)>>(StringComparer.Ordinal);
        List<(string, string?)>? current = null;
        var lineNumber = 0;
        foreach (var raw in content.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = sections[line[1..^1]] = [];
                continue;
            }
            if (current is null) throw new FormatException($"times.txt:{lineNumber}: an entry before any [section]");
            var tab = line.IndexOf('\t');
            current.Add(tab < 0 ? (line.Trim(), null) : (line[..tab].Trim(), line[(tab + 1)..].Trim()));
        }
        List<(string Entry, string? Value)> Section(string name) =>
            sections.TryGetValue(name, out var s) ? s : throw new FormatException($"times.txt has no [{name}] section");
        FrozenSet<string> Set(string name) => Section(name).Select(e => e.Entry).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        FrozenDictionary<string, T> Map<T>(string name, Func<string, T> value) =>
            Section(name).ToFrozenDictionary(e => e.Entry, e => value(e.Value ?? throw new FormatException($"times.txt [{name}] '{e.Entry}' has no value")),
                StringComparer.OrdinalIgnoreCase);
        // Longest phrases first, so "the day before yesterday" is tried before "the day before".
        ImmutableArray<(ImmutableArray<string>, int)> Days(string name) => [.. Section(name)
            .Select(e => (Words(e.Entry), int.Parse(e.Value ?? throw new FormatException($"times.txt [{name}] '{e.Entry}' has no value"), CultureInfo.InvariantCulture)))
            .OrderByDescending(e => e.Item1.Length)];
        static ImmutableArray<string> Words(string phrase) => [.. phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        return new TimeCues
        {
            Keywords = Map("keywords", Enum.Parse<Keyword>),
            Seasons = Map("seasons", v => int.Parse(v, CultureInfo.InvariantCulture)),
            Units = Map("units", Enum.Parse<TimeUnit>),
            PeriodParts = Map("period-parts", Enum.Parse<Part>),
            DayParts = Set("day-parts"),
            Future = [.. Section("future").Select(e => Words(e.Entry))],
            ClauseEnds = Set("clause-ends"),
            LeadIns = Set("lead-ins"),
            Measures = Set("measures"),
            WeekendLeadIns = Set("weekend-lead-ins"),
            WeekendNouns = Set("weekend-nouns"),
            OrdinalDayFollowers = Set("ordinal-day-followers"),
            AnaphoricDays = Days("anaphoric-days"),
            AnaphoraBlockers = Set("anaphora-blockers"),
            NamedDayAnaphors = [.. Section("named-day-anaphors").Select(e => Words(e.Entry)).OrderByDescending(w => w.Length)],
            PublicationDays = Days("publication-days"),
            ReportVerbs = Set("report-verbs"),
        };
    }
}
