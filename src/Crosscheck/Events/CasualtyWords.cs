using System.Collections.Frozen;
using System.Globalization;

namespace Crosscheck.Events;

/// <summary>
/// The word lists of <c>data/events/casualty-words.txt</c> (embedded) that <see cref="CasualtyFinder"/> reads outcomes
/// and victims with, read once per process: <c>@section</c> lines, then words separated by spaces, <c>#</c> comments.
/// Words compare ignoring case; a section of counts holds <c>word=number</c> entries.
/// </summary>
internal static class CasualtyWords
{
    private const string FileName = "casualty-words.txt";

    private static readonly Lazy<FrozenDictionary<string, string[]>> Sections = new(Load);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrozenSet<string>> SetsMade = new(StringComparer.Ordinal);

    /// <summary>
    /// The words of one section, as a set ignoring case, made once and shared by every class that reads it (the casualty
    /// and the toll readers ask for several of the same); throws when the file has no such section.
    /// </summary>
    public static FrozenSet<string> Set(string section) =>
        SetsMade.GetOrAdd(section, static s => Words(s).ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The <c>word=number</c> entries of one section, keyed ignoring case.</summary>
    public static FrozenDictionary<string, int> Counts(string section)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Words(section))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !int.TryParse(entry.AsSpan(equals + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                throw new FormatException($"{FileName}: @{section} wants word=number, not '{entry}'");
            counts[entry[..equals]] = count;
        }
        return counts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static string[] Words(string section) =>
        Sections.Value.TryGetValue(section, out var words) ? words : throw new InvalidOperationException($"{FileName} has no section @{section}");

    /// <summary>The sections of a word list file in this format (<see cref="WordListFile"/>).</summary>
    internal static FrozenDictionary<string, string[]> Parse(TextReader reader) => WordListFile.Parse(reader, FileName);

    private static FrozenDictionary<string, string[]> Load() => WordListFile.LoadEmbedded(FileName);
}
