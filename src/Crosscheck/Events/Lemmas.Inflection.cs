using System.Collections.Frozen;

namespace Crosscheck.Events;

public static partial class Lemmas
{
    private const string EndingsFile = "lemma-endings.txt";

    private static readonly FrozenDictionary<string, string[]> EndingSections = WordListFile.LoadEmbedded(EndingsFile);
    private static readonly FrozenSet<string> KeepDouble = WordListFile.Section(EndingSections, "keep-double", EndingsFile).ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> NoE = WordListFile.Section(EndingSections, "no-e", EndingsFile).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The e-restoring endings, longest first, so "*at" is tried before "c".</summary>
    private static readonly string[] RestoreE = [.. WordListFile.Section(EndingSections, "restore-e", EndingsFile).OrderByDescending(e => e.Length).ThenBy(e => e, StringComparer.Ordinal)];

    /// <summary>
    /// The base form of <paramref name="word"/> given its Penn tag: a verb's infinitive ("struck" → strike, "voting" →
    /// vote, "stopped" → stop), a plural noun's singular ("attacks" → attack, "casualties" → casualty), any other word
    /// in lower case. Irregular forms come from the table above; regular ones from the spelling rules of
    /// <c>data/events/lemma-endings.txt</c>.
    /// </summary>
    public static string Of(string word, string? tag)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (tag is null || w.Length < 3) return w;
        var verb = tag.StartsWith("VB", StringComparison.Ordinal);
        var plural = tag is "NNS" or "NNPS";
        if (!verb && !plural) return w;
        if (Irregular.TryGetValue(w, out var irregular)) return irregular;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        if (plural || tag == "VBZ")
        {
            if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal)
                || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("zzes", StringComparison.Ordinal) || w.EndsWith("oes", StringComparison.Ordinal)) return w[..^2];
            return w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) ? w[..^1] : w;
        }
        if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4) return w[..^3] + "y";
        if (w.EndsWith("ying", StringComparison.Ordinal) && w.Length == 5) return w[..^4] + "ie"; // dying, lying, tying
        string stem;
        if (tag is "VBD" or "VBN" && w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4) stem = w[..^2];
        else if (tag == "VBG" && w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) stem = w[..^3];
        else return w;
        return BaseOfStem(stem);
    }

    private static string BaseOfStem(string stem)
    {
        if (NoE.Contains(stem)) return stem;
        var last = stem[^1];
        if (stem.Length > 2 && last == stem[^2] && !IsVowel(last))
            return KeepDouble.Contains(stem[^2..]) ? stem : stem[..^1];
        if (IsVowel(last) && last != 'u') return stem;
        foreach (var ending in RestoreE)
        {
            if (Ends(stem, ending)) return stem + "e";
        }
        return stem;
    }

    /// <summary>Whether the stem ends in <paramref name="ending"/>, whose '*' stands for a consonant.</summary>
    private static bool Ends(string stem, string ending)
    {
        if (stem.Length < Math.Max(3, ending.Length)) return false;
        var at = stem.Length - ending.Length;
        for (var i = 0; i < ending.Length; i++)
        {
            var c = stem[at + i];
            if (ending[i] == '*' ? IsVowel(c) || c == 'y' : c != ending[i]) return false;
        }
        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
