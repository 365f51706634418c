using System.Collections.Frozen;
using System.Text;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

// Which place a name is: the document's own countries rank a name's candidates; "X province" is the division.
public sealed partial class EventReader
{
    /// <summary>Words after a name that make it a first-level division ("Kandahar province", "Kyiv region").</summary>
    private static readonly FrozenSet<string> DivisionNouns = FrozenSet.ToFrozenSet(
        ["province", "provinces", "region", "regions", "oblast", "oblasts", "governorate", "governorates"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Cities at least this size are places a text may name whatever country it is about.</summary>
    private const long ForeignTownPopulation = 100_000;

    /// <summary>
    /// The countries the document is about: those it names, and those of the demonyms, governments, forces and
    /// persons the gazetteers know ("Pakistani forces", "the Taliban", "US President").
    /// </summary>
    private static HashSet<string> DocumentCountries(AnnotatedText text)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Kind != GazetteerMatchKind.Entity || m.Entry is not { Country: { } cc } e) continue;
            if (e.Place is PlaceKind.Country or PlaceKind.None) countries.Add(cc);
        }
        return countries;
    }

    /// <summary>
    /// The entry a place name stands for among the gazetteer's candidates (the match's entry and its alternatives, best
    /// ranked first): before a word for a division ("Kandahar province", "Kandahar and Kabul provinces") a division, else
    /// the division a city of that name lies in and is named after ("Khost province": Khowst); otherwise the first in
    /// one of the document's countries ("Florida" in a report about Ukraine and US President Trump is the US state, not
    /// the Cuban town). Null when no candidate lies in the document's countries and the name is only a town abroad under
    /// <see cref="ForeignTownPopulation"/> ("Tirah" in a report of Pakistan and Afghanistan is not the Israeli town).
    /// </summary>
    private static GazetteerEntry? Choose(AnnotatedText text, GazetteerMatch m, HashSet<string> countries)
    {
        var candidates = new List<GazetteerEntry>(1 + m.Alternatives.Length) { m.Entry! };
        foreach (var a in m.Alternatives) if (a.Place != PlaceKind.None) candidates.Add(a);
        bool Ours(GazetteerEntry e) => e.Country is { } c && countries.Contains(c);
        var chosen = candidates.FirstOrDefault(Ours) ?? candidates[0];
        if (BeforeDivisionNoun(text, m.EndToken))
        {
            var division = candidates.FirstOrDefault(e => e.Place == PlaceKind.Admin1 && Ours(e)) ?? candidates.FirstOrDefault(e => e.Place == PlaceKind.Admin1);
            if (division is not null) return division;
            if (chosen.Place == PlaceKind.City && chosen.Admin1 is { } code && DivisionByCode.Value.TryGetValue(code, out var own)
                && (own.Entity.Aliases.Prepend(own.Name).Any(n => Skeleton(n) == Skeleton(chosen.Name)))) return own;
        }
        if (countries.Count > 0 && !Ours(chosen) && chosen.Place == PlaceKind.City && chosen.Population < ForeignTownPopulation) return null;
        return chosen;
    }

    /// <summary>"province" right after the name, or "and" and another name before "provinces" ("Kandahar and Kabul provinces").</summary>
    private static bool BeforeDivisionNoun(AnnotatedText text, int end)
    {
        if (end < text.Count && DivisionNouns.Contains(text.WordOf(end))) return true;
        if (end >= text.Count || text.WordOf(end) is not ("and" or ",")) return false;
        for (var i = end + 1; i < text.Count && i <= end + 5; i++)
        {
            var w = text.WordOf(i);
            if (DivisionNouns.Contains(w)) return w.EndsWith('s');
            if (w.Length == 0 || !(char.IsUpper(w[0]) || w is "and" or ",")) return false;
        }
        return false;
    }

    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry>> DivisionByCode = new(() =>
        Gazetteer.Default.Entries.Where(e => e.Place == PlaceKind.Admin1 && e.Admin1 is not null)
            .GroupBy(e => e.Admin1!, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>
    /// First-level divisions by country and <see cref="Skeleton"/> of their names (a trailing "Province" left off); a
    /// skeleton two divisions of one country share names neither.
    /// </summary>
    private static readonly Lazy<FrozenDictionary<string, GazetteerEntry?>> DivisionBySkeleton = new(() =>
    {
        var index = new Dictionary<string, GazetteerEntry?>(StringComparer.Ordinal);
        foreach (var e in Gazetteer.Default.Entries)
        {
            if (e.Place != PlaceKind.Admin1 || e.Country is null) continue;
            foreach (var name in e.Entity.Aliases.Prepend(e.Name).Distinct())
            {
                var key = e.Country + "|" + Skeleton(WithoutDivisionNoun(name));
                if (index.TryGetValue(key, out var other)) { if (!ReferenceEquals(other, e)) index[key] = null; }
                else index[key] = e;
            }
        }
        return index.ToFrozenDictionary(StringComparer.Ordinal);
    });

    private static string WithoutDivisionNoun(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 && DivisionNouns.Contains(name[(space + 1)..]) ? name[..space] : name;
    }

    /// <summary>
    /// A name's consonant skeleton, so that romanizations of one name agree ("Oddar Meanchey" and "Otar Meanchey",
    /// "Khost" and "Khowst", "Buri Ram" and "Buriram", "Si Sa Ket" and "Sisaket"): folded letters only, doubled letters
    /// once, voiced stops as voiceless (d t, b p, g k), c and q as k, z as s; then the first letter and the consonants
    /// after it other than h, w and y.
    /// </summary>
    internal static string Skeleton(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            var c = NameFolding.Fold(ch);
            if (c is < 'a' or > 'z') continue;
            c = c switch { 'd' => 't', 'b' => 'p', 'g' => 'k', 'c' or 'q' => 'k', 'z' => 's', _ => c };
            if (letters.Length > 0 && letters[^1] == c) continue;
            letters.Append(c);
        }
        var skeleton = new StringBuilder(letters.Length);
        for (var i = 0; i < letters.Length; i++)
        {
            var c = letters[i];
            if (i > 0 && c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w') continue;
            skeleton.Append(c);
        }
        return skeleton.ToString();
    }
}
