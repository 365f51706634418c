using System.Collections.Frozen;
using Crosscheck.Events;

namespace Crosscheck.Language.Gazetteers;

/// <summary>The words read around place names, from <c>data/language/place-words.txt</c> (embedded), read once.</summary>
internal static class PlaceWordList
{
    private const string FileName = "place-words.txt";

    private static readonly Lazy<FrozenDictionary<string, string[]>> Sections = new(() => WordListFile.LoadEmbedded(FileName, "language"));

    public static string[] Section(string name) =>
        Sections.Value.TryGetValue(name, out var words) ? words : throw new InvalidOperationException($"data/language/{FileName} has no section @{name}");
}
