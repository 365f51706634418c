using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// Rewrites of one story: texts whose opening sentences keep most of one another's words in the same order. Sites that
/// reword a wire story, or carry another version of it, change words and cut it at other points, so their whole texts
/// share few word 5-grams, but their ledes stay close ("Drones struck a grain terminal in Alder early on Monday, killing
/// three workers, officials said" and "Drones hit a grain terminal in Alder early Monday, killing three workers, officials
/// said"); two reporters writing one event on their own open with other words, in another order.
/// </summary>
public static class Rewrites
{
    /// <summary>A lede is the first sentence of the body with at least this many words (a dateline or a one-line summary is not).</summary>
    public const int MinWords = 12;

    /// <summary>At most this many words of a lede are compared.</summary>
    public const int MaxWords = 80;

    /// <summary>
    /// The longest common subsequence of the two ledes' words, over the longer lede's words, from which two texts are one story.
    /// </summary>
    /// <remarks>
    /// On the realnews dev split the ledes of the gold groups' versions and rewrites keep 0.70-1.0, and of the pairs no
    /// group joins the most kept is 0.78, by ledes that read as rewrites of one story the gold does not group (0.67 and
    /// below otherwise). Texts must also be published at most <see cref="Days"/> apart.
    /// </remarks>
    public const double Threshold = 0.7;

    /// <summary>Rewrites of one story are published at most this many days apart.</summary>
    public const int Days = 1;

    /// <summary>The text's lede: its first sentence outside a headline, caption or boilerplate with <see cref="MinWords"/> words; null when none.</summary>
    public static string? LedeOf(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var s in text.Sentences)
        {
            if (s.Length == 0) continue;
            if (text.SegmentKindAt(s.Start) is not (SegmentKind.Lede or SegmentKind.Body)) continue;
            if (Words(s.Text).Count >= MinWords) return s.Text;
        }
        return null;
    }

    /// <summary>
    /// Whether two documents are rewrites of one story by their ledes (<see cref="Threshold"/>, <see cref="Days"/>); never
    /// two texts credited to two different wires.
    /// </summary>
    public static bool SameStory(DocumentFacts a, DocumentFacts b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Lede is null || b.Lede is null || SharedSentences.TwoWires(a, b)) return false;
        if (a.Published is { } pa && b.Published is { } pb && Math.Abs(pa.DayNumber - pb.DayNumber) > Days) return false;
        return Kept(Words(a.Lede), Words(b.Lede)) >= Threshold;
    }

    /// <summary>
    /// Each document's group of rewrites (the id of its first member in link order: publication day, then id), for
    /// documents already grouped by <paramref name="groupOf"/> (copies of one original) and joined where two ledes match.
    /// </summary>
    internal static Dictionary<string, string> Join(IReadOnlyCollection<DocumentFacts> documents, Func<DocumentFacts, string> groupOf)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) x = parent[x] = parent.GetValueOrDefault(p, p);
            return x;
        }
        void Union(string a, string b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[string.CompareOrdinal(ra, rb) < 0 ? rb : ra] = string.CompareOrdinal(ra, rb) < 0 ? ra : rb;
        }
        foreach (var d in documents) { parent.TryAdd(d.Id, d.Id); var g = groupOf(d); parent.TryAdd(g, g); Union(d.Id, g); }
        var candidates = documents.Where(d => d.Lede is not null || d.Sentences.Length >= SharedSentences.MinShared).Select(d =>
            {
                var words = d.Lede is null ? new List<string>() : Words(d.Lede);
                return (Doc: d, Words: words, Set: words.ToHashSet(StringComparer.Ordinal));
            })
            .OrderBy(x => x.Doc.Published?.DayNumber ?? int.MinValue).ThenBy(x => x.Doc.Id, StringComparer.Ordinal).ToList();
        var indexes = new SharedSentences.Index?[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var (a, wa, sa) = candidates[i];
            for (var j = i + 1; j < candidates.Count; j++)
            {
                var (b, wb, sb) = candidates[j];
                if (a.Published is { } pa && b.Published is { } pb && pb.DayNumber - pa.DayNumber > Days) break;
                // Already one group (through a third lede or a copy): joining them again changes nothing.
                if (Find(a.Id) == Find(b.Id)) continue;
                // Two agencies' stories of one event stay two, however close their ledes (both open with its facts).
                if (SharedSentences.TwoWires(a, b)) continue;
                if (SameLede(wa, sa, wb, sb))
                {
                    Union(a.Id, b.Id);
                    continue;
                }
                // Else sentence by sentence, the text with more sentences indexed (once).
                var (k, other) = a.Sentences.Length >= b.Sentences.Length ? (i, b) : (j, a);
                if (Math.Min(a.Sentences.Length, b.Sentences.Length) < SharedSentences.MinShared) continue;
                var index = indexes[k] ??= new SharedSentences.Index(candidates[k].Doc.Sentences);
                if (SharedSentences.Same(other, candidates[k].Doc, index)) Union(a.Id, b.Id);
            }
        }
        // Name each group by its first member in link order.
        var first = new Dictionary<string, DocumentFacts>(StringComparer.Ordinal);
        foreach (var d in documents.OrderBy(d => d.Published?.DayNumber ?? int.MinValue).ThenBy(d => d.Id, StringComparer.Ordinal)) first.TryAdd(Find(d.Id), d);
        return documents.ToDictionary(d => d.Id, d => first[Find(d.Id)].Id, StringComparer.Ordinal);
    }

    private static bool SameLede(List<string> wa, HashSet<string> sa, List<string> wb, HashSet<string> sb)
    {
        if (wa.Count == 0 || wb.Count == 0) return false;
        // The common subsequence is at most the words the two share: most pairs stop here, without the quadratic step.
        var shared = wa.Count <= wb.Count ? wa.Count(sb.Contains) : wb.Count(sa.Contains);
        return shared >= Threshold * Math.Max(wa.Count, wb.Count) && Kept(wa, wb) >= Threshold;
    }

    /// <summary>The longest common subsequence of two word lists over the longer list's length.</summary>
    internal static double Kept(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var row = new int[b.Count + 1];
        for (var i = 0; i < a.Count; i++)
        {
            var diagonal = 0;
            for (var j = 0; j < b.Count; j++)
            {
                var above = row[j + 1];
                row[j + 1] = a[i] == b[j] ? diagonal + 1 : Math.Max(above, row[j]);
                diagonal = above;
            }
        }
        return (double)row[b.Count] / Math.Max(a.Count, b.Count);
    }

    private static List<string> Words(string sentence)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= sentence.Length && words.Count < MaxWords; i++)
        {
            var inWord = i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || (sentence[i] is '\'' or '’' && start >= 0));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { words.Add(sentence[start..i].ToLowerInvariant()); start = -1; }
        }
        return words;
    }
}
