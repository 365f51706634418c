using System.Collections.Frozen;
using Crosscheck.Events;

namespace Crosscheck.Language.Gazetteers;

/// <summary>The words read around place names, from <c>data/language/place-words.txt</c> (embedded), read once.</summary>
internal static class PlaceWordList
{
    private const string FileName = "place-words.txt";

    private static readonly Lazy<FrozenDictionary<string, string[]>> Sections = new(() =>
    {
        using var stream = typeof(PlaceWordList).Assembly.GetManifestResourceStream("Crosscheck.Language." + FileName)
            ?? throw new InvalidOperationException($"data/language/{FileName} is not embedded in the library");
        using var reader = new StreamReader(stream);
        return WordListFile.Parse(reader, FileName);
    });

    public static string[] Section(string name) =>
        Sections.Value.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"data/language/{FileName} has no section @{name}");
}
