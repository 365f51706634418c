using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// A word list file of <c>data/events/</c> (embedded as <c>Crosscheck.Events.NAME</c>): <c>@section</c> lines, then
/// words separated by spaces, <c>#</c> comments. Read by the classes that own one file each (<see cref="RoleWords"/>,
/// <see cref="CasualtyWords"/>).
/// </summary>
internal static class WordListFile
{
    /// <summary>The sections of a word list file, each with its words in file order.</summary>
    public static FrozenDictionary<string, string[]> Parse(TextReader reader, string fileName)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        while (reader.ReadLine() is { } raw)
        {
            var comment = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (comment >= 0 ? raw[..comment] : raw).Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('@'))
            {
                var name = line[1..].Trim();
                if (!sections.TryGetValue(name, out current)) sections[name] = current = [];
                continue;
            }
            if (current is null) throw new FormatException($"{fileName}: words before any @section: '{line}'");
            current.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return sections.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The words of section <paramref name="name"/>; throws naming the file when it has no such section.</summary>
    public static string[] Section(FrozenDictionary<string, string[]> sections, string name, string fileName) =>
        sections.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"data/events/{fileName} has no section @{name}");

    /// <summary>The entries of a section written <c>key=value</c>, split at the first '='.</summary>
    public static IEnumerable<(string Key, string Value)> Pairs(string[] entries, string section, string fileName)
    {
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == entry.Length - 1) throw new FormatException($"{fileName}: @{section} wants key=value, not '{entry}'");
            yield return (entry[..equals], entry[(equals + 1)..]);
        }
    }

    /// <summary>The embedded file <c>data/<paramref name="folder"/>/<paramref name="fileName"/></c> (events or language), parsed.</summary>
    public static FrozenDictionary<string, string[]> LoadEmbedded(string fileName, string folder = "events")
    {
        using var reader = new StringReader(EmbeddedText(fileName, folder));
        return Parse(reader, fileName);
    }

    /// <summary>The text of the embedded file <c>data/<paramref name="folder"/>/<paramref name="fileName"/></c> (for files of <see cref="TabLines"/>).</summary>
    public static string EmbeddedText(string fileName, string folder = "events")
    {
        var prefix = folder switch { "events" => "Crosscheck.Events.", "language" => "Crosscheck.Language.", _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, "events or language") };
        using var stream = typeof(WordListFile).Assembly.GetManifestResourceStream(prefix + fileName)
            ?? throw new InvalidOperationException($"data/{folder}/{fileName} was not built into Crosscheck.dll");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
