using System.Text;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// Ukraine's national romanization (Cabinet of Ministers resolution 55 of 27 January 2010, "KMU 2010"), the spelling news
/// uses today ("Kostiantynivka", "Bilopillia", "Izmail"), and which of a city's Cyrillic GeoNames names is Ukrainian.
/// </summary>
internal static class UkrainianRomanization
{
    /// <summary>
    /// The KMU 2010 spelling of a Ukrainian Cyrillic name: є ї й ю я are "ye yi y yu ya" at the start of a word and
    /// "ie i i iu ia" elsewhere; "зг" is "zgh" (so that it is not read "zh"); the soft sign and the apostrophe are left
    /// out; capitals stay capitals ("Щ" is "Shch"). Null when the name holds a letter outside the Ukrainian alphabet
    /// (ы э ъ ё ў or another script) or anything but letters, spaces, hyphens and apostrophes.
    /// </summary>
    public static string? Romanize(string cyrillic)
    {
        var sb = new StringBuilder(cyrillic.Length + 8);
        var wordStart = true;
        for (var i = 0; i < cyrillic.Length; i++)
        {
            var c = cyrillic[i];
            if (c is ' ' or '-')
            {
                sb.Append(c);
                wordStart = true;
                continue;
            }
            if (c is '\'' or '’' or 'ʼ' or '`') continue; // the apostrophe: "Знам'янка" is "Znamianka"
            var lower = char.ToLowerInvariant(c);
            var latin = lower switch
            {
                'а' => "a", 'б' => "b", 'в' => "v",
                'г' => i > 0 && char.ToLowerInvariant(cyrillic[i - 1]) == 'з' ? "gh" : "h", // "зг" is "zgh", not "zh"
                'ґ' => "g", 'д' => "d", 'е' => "e",
                'є' => wordStart ? "ye" : "ie",
                'ж' => "zh",
                'з' => "z",
                'и' => "y", 'і' => "i",
                'ї' => wordStart ? "yi" : "i",
                'й' => wordStart ? "y" : "i",
                'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s",
                'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "kh", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "shch",
                'ь' => "",
                'ю' => wordStart ? "yu" : "iu",
                'я' => wordStart ? "ya" : "ia",
                _ => null,
            };
            if (latin is null) return null;
            wordStart = false;
            if (latin.Length == 0) continue;
            if (char.IsUpper(c)) sb.Append(char.ToUpperInvariant(latin[0])).Append(latin, 1, latin.Length - 1);
            else sb.Append(latin);
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// The Ukrainian forms among a city's alternate names. GeoNames mixes Russian and Ukrainian (and Belarusian) Cyrillic
    /// without saying which is which, so the letters decide: a name with і, ї, є or ґ (letters only Ukrainian and
    /// Belarusian have), with none of ы, э, ъ, ё, ў (Russian or Belarusian only), no word starting with и (a Russian
    /// habit: Ukrainian writes "Ізмаїл", Russian "Измаил") and no word ending in "-ая", "-ое" or "-ье" is Ukrainian.
    /// When a city has none, a name with none of those marks is taken as Ukrainian too ("Черкаси" beside "Черкассы",
    /// "Буча"); a Russian name read so mostly gives the Ukrainian spelling anyway, as the soft sign is dropped
    /// ("Купьянск" gives "Kupiansk"), or else a hybrid that news does not write. Names in capitals are left out
    /// (GeoNames' capitals are Russian postal forms).
    /// </summary>
    public static List<string> UkrainianForms(IEnumerable<string> alternates)
    {
        var marked = new List<string>();
        var plain = new List<string>();
        foreach (var raw in alternates)
        {
            var a = raw.Trim();
            if (a.Length < 3 || !IsCyrillicName(a)) continue;
            if (!a.Any(char.IsLower)) continue;
            if (a.IndexOfAny(RussianOrBelarusian) >= 0 || StartsAWordWithI(a) || HasRussianEnding(a)) continue;
            (a.IndexOfAny(UkrainianOnly) >= 0 ? marked : plain).Add(a);
        }
        return marked.Count > 0 ? marked : plain;
    }

    /// <summary>The KMU 2010 spellings of a city's Ukrainian names (<see cref="UkrainianForms"/>), in their order, once each.</summary>
    public static List<string> RomanizedNames(IEnumerable<string> alternates)
    {
        var names = new List<string>();
        foreach (var form in UkrainianForms(alternates))
        {
            if (Romanize(form) is { Length: >= 3 } latin && !names.Contains(latin, StringComparer.Ordinal)) names.Add(latin);
        }
        return names;
    }

    private static readonly char[] UkrainianOnly = ['і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ'];
    private static readonly char[] RussianOrBelarusian = ['ы', 'э', 'ъ', 'ё', 'ў', 'Ы', 'Э', 'Ъ', 'Ё', 'Ў'];

    private static bool IsCyrillicName(string s)
    {
        foreach (var c in s)
        {
            if (c is ' ' or '-' or '\'' or '’' or 'ʼ') continue;
            if (c < 'Ѐ' || c > 'ӿ') return false;
        }
        return char.IsUpper(s[0]);
    }

    /// <summary>A word ending in "-ая", "-ое" or "-ье", Russian endings that Ukrainian writes "-а", "-е", "-я" ("Попасная", "Попасна").</summary>
    private static bool HasRussianEnding(string s)
    {
        foreach (var word in s.ToLowerInvariant().Split(' ', '-'))
        {
            if (word.EndsWith("ая", StringComparison.Ordinal) || word.EndsWith("ое", StringComparison.Ordinal)
                || word.EndsWith("ье", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool StartsAWordWithI(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is 'и' or 'И' && (i == 0 || s[i - 1] is ' ' or '-')) return true;
        }
        return false;
    }
}
