using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// The word lists of <c>data/events/syntax-roles.txt</c> (embedded), by section: light verbs, relative pronouns,
/// time links and speech verbs, read once per process. Words compare ignoring case.
/// </summary>
internal static class RoleWords
{
    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> Sections = new(Load);

    public static FrozenSet<string> LightVerbs => Section("light-verbs");

    public static FrozenSet<string> RelativePronouns => Section("relative-pronouns");

    public static FrozenSet<string> TimeLinks => Section("time-links");

    public static FrozenSet<string> SpeechVerbs => Section("speech-verbs");

    private static FrozenSet<string> Section(string name) =>
        Sections.Value.TryGetValue(name, out var set) ? set : throw new InvalidOperationException($"syntax-roles.txt has no section @{name}");

    internal static FrozenDictionary<string, FrozenSet<string>> Parse(TextReader reader)
    {
        var sections = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? current = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line[0] == '@')
            {
                current = sections[line[1..]] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            if (current is null) throw new FormatException($"syntax-roles.txt: words before any @section: '{line}'");
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) current.Add(word);
        }
        return sections.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, FrozenSet<string>> Load()
    {
        using var stream = typeof(RoleWords).Assembly.GetManifestResourceStream("Crosscheck.Events.syntax-roles.txt")
            ?? throw new InvalidOperationException("data/events/syntax-roles.txt was not built into Crosscheck.dll");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
