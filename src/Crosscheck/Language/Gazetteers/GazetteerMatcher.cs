using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// Finds gazetteer names and titles in a token table in one left-to-right pass: a trie whose edges are
/// token words (folded for case, accents, apostrophes and dashes) looked up in frozen dictionaries, longest
/// match first. Case rules are checked on the original words afterwards, so nothing is allocated per token.
/// Thread-safe; built once with its <see cref="Gazetteer"/>.
/// </summary>
public sealed class GazetteerMatcher
{
    /// <summary>Cities below this size whose name is a common word ("Most", "Mobile") never match.</summary>
    public const long CommonWordCityPopulation = 1_000_000;

    /// <summary>One-word cities below this size do not match at the start of a sentence, where any word is capitalized.</summary>
    public const long SentenceStartCityPopulation = 100_000;

    private enum Rule : byte { AnyCase, Capitalized, Exact }

    /// <summary>One way of writing one entry or title, as tokens with a case rule each.</summary>
    private sealed class Form(string[] tokens, Rule[] rules, GazetteerEntry? entry, TitleEntry? title)
    {
        public string[] Tokens { get; } = tokens;
        public Rule[] Rules { get; } = rules;
        public GazetteerEntry? Entry { get; } = entry;
        public TitleEntry? Title { get; } = title;
        /// <summary>A one-word place that is also a given name or surname ("Jordan").</summary>
        public bool PersonNameGuard { get; init; }
        /// <summary>
        /// A one-word GeoNames alternate name of a city under a million people ("Kan", another spelling of Caen), which a
        /// text about places of other countries does not prove (<see cref="Foreign"/>).
        /// </summary>
        public bool AlternateNameGuard { get; init; }
        /// <summary>A one-word small city, which a capital at the start of a sentence does not prove.</summary>
        public bool SentenceStartGuard { get; init; }
        /// <summary>An acronym that is also a word ("WHO", "US"), which a shouted headline does not prove.</summary>
        public bool ShoutGuard { get; init; }
        /// <summary>A one-word GeoNames city or division under a million people, which capitals in a title-case line do not prove.</summary>
        public bool TitleCaseGuard { get; init; }
        /// <summary>
        /// A division's one-word short name ("Zamfara" of "Zamfara State", <see cref="Admin1ShortNames"/>), which only a
        /// place's context proves ("in northern Zamfara", "Zamfara's governor", "Kalgo, Zamfara"), not "Dr Chin".
        /// </summary>
        public bool ShortNameGuard { get; init; }
    }

    private readonly Gazetteer _gazetteer;
    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly FrozenDictionary<long, int> _edges;
    private readonly Form[]?[] _terminals;

    internal GazetteerMatcher(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        var vocabulary = new Dictionary<string, int>(NameFolding.Instance);
        var edges = new Dictionary<long, int>();
        var terminals = new List<List<Form>?> { null };

        void Add(Form form)
        {
            var node = 0;
            foreach (var token in form.Tokens)
            {
                if (!vocabulary.TryGetValue(token, out var id))
                {
                    id = vocabulary.Count;
                    vocabulary.Add(token, id);
                }
                var edge = EdgeKey(node, id);
                if (!edges.TryGetValue(edge, out var next))
                {
                    next = terminals.Count;
                    terminals.Add(null);
                    edges.Add(edge, next);
                }
                node = next;
            }
            (terminals[node] ??= []).Add(form);
        }

        // Names of countries, divisions and curated entries, which a city's alternate name never takes over; of a city,
        // its own name when it is large enough to keep alternates itself, and the names that follow its GeoNames alternates (curated ones, and the Ukrainian national romanization, so that
        // Belgorod's "Bilhorod-Dnistrovskyi" does not take the Ukrainian town's name).
        var protectedNames = new HashSet<string>(NameFolding.Instance);
        // The largest population of a city by its own name, beside which another city's alternate of that name is not kept.
        var ownNames = new Dictionary<string, long>(NameFolding.Instance);
        foreach (var e in gazetteer.Entries)
        {
            if (e.Place == PlaceKind.City)
            {
                protectedNames.UnionWith(e.Entity.Aliases.Skip(e.GeoNamesAliasCount));
                // A large city's own name is not another city's old or local name: "Jalalabad" is the Afghan city, not Sylhet.
                if (e.Population >= GeoNames.AlternatesFromPopulation) protectedNames.Add(e.Name);
                if (!ownNames.TryGetValue(e.Name, out var known) || known < e.Population) ownNames[e.Name] = e.Population;
                continue;
            }
            protectedNames.Add(e.Name);
            protectedNames.UnionWith(e.Entity.Aliases);
        }

        // Compared exactly: an alias differing only in case is another form ("eastern Pacific", whose lower-case
        // first word the form of "Eastern Pacific" would refuse).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in gazetteer.Entries)
        {
            seen.Clear();
            var isGeoDivision = entry.Place is PlaceKind.City or PlaceKind.Admin1;
            for (var n = -1; n < entry.Entity.Aliases.Length; n++)
            {
                var name = n < 0 ? entry.Name : entry.Entity.Aliases[n];
                if (!seen.Add(name)) continue;
                var tokens = Tokenize(name);
                if (tokens.Length == 0) continue;
                var oneWord = tokens.Length == 1;
                if (isGeoDivision)
                {
                    if (name.Length < 3) continue;
                    if (oneWord && gazetteer.AmbiguousWords.Contains(name) && entry.Population < CommonWordCityPopulation) continue;
                    // A GeoNames alternate never takes another entry's name: "Mexico" is the country, not Mexico
                    // City; "Hamas" is not Hamm, "Sinaloa" not Mazatlán. The head of the city's own name stays
                    // ("Washington" for "Washington, D. C."), and so do curated aliases.
                    // Nor the own name of a city of comparable size: "Galle" is the Sri Lankan city, not another name for Halle (Saale).
                    if (n >= 0 && n < entry.GeoNamesAliasCount && (protectedNames.Contains(name) || OwnNameOfPeer(ownNames, name, entry.Population))
                        && !IsHeadOf(name, entry.Name) && !IsCuratedAlias(entry, name)) continue;
                }
                var form = new Form(tokens, EntityRules(tokens, gazetteer.AmbiguousWords), entry, null)
                {
                    PersonNameGuard = oneWord && entry.Place != PlaceKind.None && gazetteer.PersonNames.Contains(name),
                    AlternateNameGuard = oneWord && entry.Place == PlaceKind.City && entry.Population < CommonWordCityPopulation
                        && n >= 0 && n < entry.GeoNamesAliasCount && !IsHeadOf(name, entry.Name) && !IsCuratedAlias(entry, name),
                    SentenceStartGuard = oneWord && entry.Place == PlaceKind.City && entry.Population < SentenceStartCityPopulation,
                    ShoutGuard = oneWord && IsAllCaps(name) && gazetteer.AmbiguousWords.Contains(name),
                    ShortNameGuard = oneWord && Admin1ShortNames.IsShortName(entry, name),
                    TitleCaseGuard = oneWord && isGeoDivision && entry.Place is PlaceKind.City or PlaceKind.Admin1
                        && entry.Population < CommonWordCityPopulation,
                };
                Add(form);
                // "The New York Times" is also "New York Times"; "The Sun" stays whole because one word is too little.
                if (tokens.Length >= 3 && IsArticle(tokens[0]))
                {
                    var rest = tokens[1..];
                    Add(new Form(rest, EntityRules(rest, gazetteer.AmbiguousWords), entry, null));
                }
            }
        }

        foreach (var title in gazetteer.Titles)
        {
            seen.Clear();
            foreach (var name in title.Variants.Prepend(title.Canonical))
            {
                if (!seen.Add(name)) continue;
                var tokens = Tokenize(name);
                if (tokens.Length > 0) Add(new Form(tokens, TitleRules(tokens), null, title));
            }
        }

        _vocabulary = vocabulary.ToFrozenDictionary(NameFolding.Instance);
        _edges = edges.ToFrozenDictionary();
        _terminals = new Form[]?[terminals.Count];
        for (var i = 0; i < terminals.Count; i++)
        {
            // Curated actors, then countries, demonyms, seas and regions, divisions, cities; bigger places first.
            _terminals[i] = terminals[i]?
                .OrderBy(f => f.Entry is null ? 1 : 0)
                .ThenBy(f => f.Entry?.Rank ?? 0)
                .ThenByDescending(f => f.Entry?.Population ?? 0)
                .ThenBy(f => f.Entry?.Key ?? f.Title!.Canonical, StringComparer.Ordinal)
                .ToArray();
        }
    }

    /// <summary>True when a curated file also gives this name to the entry (GeoNames may list it too, earlier).</summary>
    private static bool IsCuratedAlias(GazetteerEntry entry, string name)
    {
        for (var i = entry.GeoNamesAliasCount; i < entry.Entity.Aliases.Length; i++)
        {
            if (NameFolding.Instance.Equals(entry.Entity.Aliases[i], name)) return true;
        }
        return false;
    }

    /// <summary>Number of distinct trie nodes, for diagnostics.</summary>
    /// <summary>How many times larger than a city another city must be for its alternate to take that city's own name.</summary>
    private const long AlternateOverOwnName = 3;

    private static bool OwnNameOfPeer(Dictionary<string, long> ownNames, string name, long population) =>
        ownNames.TryGetValue(name, out var own) && own * AlternateOverOwnName >= population;

    internal int NodeCount => _terminals.Length;

    private static long EdgeKey(int node, int token) => ((long)node << 32) | (uint)token;

    private static string[] Tokenize(string name)
    {
        // Most names are plain words, which the tokenizer would only split at spaces; it is slow next to that.
        var plain = true;
        for (var i = 0; i < name.Length && plain; i++)
        {
            var c = name[i];
            plain = char.IsLetterOrDigit(c) || c == ' ' || (c == '-' && i > 0 && i + 1 < name.Length && name[i + 1] != '-' && name[i - 1] != ' ');
        }
        return plain
            ? name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : Tokenizer.Default.Tokenize(name).Words.ToArray();
    }

    private static bool IsHeadOf(string head, string name) =>
        name.Length > head.Length && !char.IsLetter(name[head.Length]) && NameFolding.Instance.Equals(head, name[..head.Length]);

    private static bool IsArticle(string token) => NameFolding.Is(token, "the");

    private static bool IsAllCaps(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    private static bool IsAcronym(string token)
    {
        if (token.Length > 6) return false;
        var upper = 0;
        foreach (var c in token) if (char.IsUpper(c)) upper++;
        return upper >= 2;
    }

    private static Rule[] EntityRules(string[] tokens, IReadOnlySet<string> ambiguous)
    {
        var rules = new Rule[tokens.Length];
        // Long names are unambiguous enough to match whatever the case of their later words.
        var letters = 0;
        foreach (var t in tokens) letters += t.Length;
        var longName = tokens.Length >= 3 && letters >= 13;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (i == 0 && IsArticle(t)) rules[i] = Rule.AnyCase;
            else if (!char.IsUpper(t[0])) rules[i] = Rule.AnyCase;
            else if (IsAcronym(t) || t.Length <= 3 || (tokens.Length == 1 && ambiguous.Contains(t))) rules[i] = Rule.Exact;
            else rules[i] = longName && i > 0 ? Rule.AnyCase : Rule.Capitalized;
        }
        // "in Chin state", "in Lower Shabelle region": a division noun ending a longer name keeps its name in lower case
        // too, so the division is matched, not a place that shares its first word ("Chin", another name for a city abroad).
        if (tokens.Length >= 2 && DivisionWords.Contains(tokens[^1])) rules[^1] = Rule.AnyCase;
        return rules;
    }

    private static Rule[] TitleRules(string[] tokens)
    {
        var rules = new Rule[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) rules[i] = IsAcronym(tokens[i]) ? Rule.Exact : Rule.AnyCase;
        return rules;
    }

    private static bool Passes(Form form, ReadOnlySpan<string> words, int start, bool atSentenceStart)
    {
        // "GAO, Mali (Reuters) -": a short place name in a dateline's capitals ("Gao" keeps its exact case elsewhere).
        if (atSentenceStart && form.Entry is { Place: PlaceKind.City or PlaceKind.Admin1 } && form.Tokens.All(t => !IsAcronym(t))
            && DatelineShaped(words, start, start + form.Tokens.Length)) return true;
        for (var k = 0; k < form.Tokens.Length; k++)
        {
            var word = words[start + k];
            switch (form.Rules[k])
            {
                case Rule.Capitalized:
                    if (!char.IsUpper(word[0])) return false;
                    break;
                case Rule.Exact:
                    var name = form.Tokens[k];
                    for (var c = 0; c < word.Length; c++)
                    {
                        if (char.IsUpper(word[c]) != char.IsUpper(name[c])) return false;
                    }
                    break;
            }
        }
        return true;
    }

    /// <summary>Matches over an analyzed text; sentence starts come from its sentence splitter.</summary>
    public ImmutableArray<GazetteerMatch> Match(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var starts = new bool[text.Count];
        for (var i = 0; i < starts.Length; i++) starts[i] = text.IsSentenceStart(i);
        return Match(text.Words, starts);
    }

    /// <summary>
    /// Matches over token words. <paramref name="sentenceStarts"/> marks the first token of each sentence
    /// (empty: only the first token). Entity matches do not overlap; titles and maritime phrases are built on them.
    /// </summary>
    public ImmutableArray<GazetteerMatch> Match(ReadOnlySpan<string> words, ReadOnlySpan<bool> sentenceStarts = default)
    {
        var n = words.Length;
        if (n == 0) return ImmutableArray<GazetteerMatch>.Empty;
        var ids = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++) ids[i] = _vocabulary.TryGetValue(words[i], out var id) ? id : -1;
            var found = new List<GazetteerMatch>();
            var at = 0;
            while (at < n)
            {
                var match = Longest(words, sentenceStarts, ids, at);
                // "the Caribbean Sea": a name that needs its article ("the Caribbean") yields to a longer one after it.
                if (match is not null && IsArticle(words[at]) && at + 1 < n
                    && Longest(words, sentenceStarts, ids, at + 1) is { } after && after.EndToken > match.EndToken)
                {
                    match = after;
                }
                if (match is null)
                {
                    at++;
                    continue;
                }
                found.Add(match);
                at = match.EndToken;
            }
            found.RemoveAll(m => Foreign(m, found));
            return Compose(words, found);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>
    /// A small city matched only by another spelling of its name, in a text whose other places are all of other countries:
    /// "Kan Thit" in a report on Myanmar is not Caen, nor "Boni" in central Mali Bonn; a village the lists lack shares a
    /// spelling with a town abroad. Kept only when the text names another place of the city's own country, or its people,
    /// forces or armed groups.
    /// </summary>
    private static bool Foreign(GazetteerMatch m, List<GazetteerMatch> found)
    {
        if (!m.AlternateName || m.Country is not { } country) return false;
        foreach (var o in found)
        {
            // A place of the country, or its people, forces or groups ("Houthi forces shelled Taiz", "Sudanese medics"); not an
            // outlet, which names where it is based.
            if (o.AlternateName || o.Kind != GazetteerMatchKind.Entity || o.Entry is null || o.Entry.Entity.Type == EntityType.Outlet) continue;
            if (o.Country == country) return false;
        }
        return true;
    }

    private GazetteerMatch? Longest(ReadOnlySpan<string> words, ReadOnlySpan<bool> sentenceStarts, int[] ids, int start)
    {
        var node = 0;
        GazetteerMatch? best = null;
        for (var j = start; j < words.Length; j++)
        {
            var id = ids[j];
            if (id < 0 || !_edges.TryGetValue(EdgeKey(node, id), out node)) break;
            if (_terminals[node] is not { } forms) continue;
            var end = j + 1;
            GazetteerEntry? entry = null;
            List<GazetteerEntry>? others = null;
            TitleEntry? title = null;
            var leadingArticle = false;
            var alternate = false;
            foreach (var form in forms)
            {
                if (!Passes(form, words, start, start == 0 || (start < sentenceStarts.Length && sentenceStarts[start])) || !Guards(form, words, sentenceStarts, ids, start, end)) continue;
                if (form.Entry is { } e)
                {
                    if (entry is null)
                    {
                        entry = e;
                        leadingArticle = IsArticle(form.Tokens[0]);
                        alternate = form.AlternateNameGuard;
                    }
                    else if (!ReferenceEquals(entry, e) && (others is null || !others.Contains(e)))
                    {
                        (others ??= []).Add(e);
                    }
                }
                else if (entry is null && title is null)
                {
                    title = form.Title;
                }
            }
            // "the New York Times": the lower-case article is not part of the name.
            var from = leadingArticle && char.IsLower(words[start][0]) ? start + 1 : start;
            if (entry is not null)
            {
                best = new GazetteerMatch(from, end, GazetteerMatchKind.Entity)
                {
                    Entry = entry,
                    Alternatives = others is null ? ImmutableArray<GazetteerEntry>.Empty : [.. others],
                    Country = entry.Entity.Country,
                    AlternateName = alternate && others is null,
                };
            }
            else if (title is not null)
            {
                best = new GazetteerMatch(start, end, GazetteerMatchKind.Title)
                {
                    Title = title,
                    CanonicalTitle = title.Canonical,
                    Country = title.Country,
                };
            }
        }
        return best;
    }

    private bool Guards(Form form, ReadOnlySpan<string> words, ReadOnlySpan<bool> sentenceStarts, int[] ids, int start, int end)
    {
        var atSentenceStart = start == 0 || (start < sentenceStarts.Length && sentenceStarts[start]);
        // "GAO, Mali (Reuters) -", "KIDAL —": a town in capitals before a comma, bracket, colon or dash opening its line is a
        // wire dateline's place, which a capital at the start of a sentence does prove.
        if (form.SentenceStartGuard && atSentenceStart && !DatelineShaped(words, start, end)) return false;
        if (form.ShoutGuard && ((start > 0 && IsAllCaps(words[start - 1])) || (end < words.Length && IsAllCaps(words[end])))) return false;
        if (form.TitleCaseGuard && InTitleCase(words, sentenceStarts, start, end) && !HasPlaceCue(words, start, end)) return false;
        if (form.ShortNameGuard && !HasShortNameCue(words, start, end)) return false;
        // "Tolo News", "Kyiv Post": a place before a capitalized word of a news outlet's name is part of that name.
        if (form.Entry is { Place: not PlaceKind.None } && end < words.Length && words[end].Length > 1 && char.IsUpper(words[end][0])
            && OutletWords.Contains(words[end])) return false;
        // "the Gulf of Mannar": a sea named by its noun alone ("the Gulf") before "of" and a capitalized name is the first
        // part of another sea's name the gazetteer lacks (a known one, "the Gulf of Aden", is the longer match already).
        if (form.Entry is { Place: PlaceKind.Sea } && end + 1 < words.Length && NameFolding.Is(words[end], "of") && IsCapitalized(words[end + 1])) return false;
        // "Buri Ram province": a small one-word place before another capitalized word and a word for a division is
        // the first word of that division's name.
        if (form.TitleCaseGuard && end + 1 < words.Length && words[end].Length > 1 && char.IsUpper(words[end][0]) && char.IsLower(words[end][^1])
            && !(end < sentenceStarts.Length && sentenceStarts[end]) && DivisionWords.Contains(words[end + 1])
            && Longest(words, sentenceStarts, ids, end) is null) return false;
        if (form.PersonNameGuard && end < words.Length)
        {
            // "Jordan Peterson", "Chad Wolf": a place does not take a capitalized surname after it. A third
            // capitalized word means a title-case headline ("Israel Strikes Gaza"), where capitals prove nothing.
            var next = words[end];
            var nextStarts = end < sentenceStarts.Length && sentenceStarts[end];
            var titleCase = end + 1 < words.Length && char.IsUpper(words[end + 1][0]);
            if (next.Length > 1 && char.IsUpper(next[0]) && char.IsLower(next[^1]) && !nextStarts && !titleCase
                && Longest(words, sentenceStarts, ids, end) is null) return false;
        }
        return true;
    }

    /// <summary>Whether the name is written in capitals and followed by what ends a dateline's place: a comma, a bracket, a colon or a dash.</summary>
    private static bool DatelineShaped(ReadOnlySpan<string> words, int start, int end)
    {
        if (end >= words.Length || words[end] is not ("," or "(" or ":" or "—" or "–" or "-" or "--")) return false;
        for (var i = start; i < end; i++) if (!IsAllCaps(words[i]) || words[i].Length < 2) return false;
        return true;
    }

    /// <summary>Capitalized words of news outlets' names after a place name ("Tolo News", "Kyiv Post").</summary>
    private static readonly FrozenSet<string> OutletWords = FrozenSet.ToFrozenSet(PlaceWordList.Section("outlet-words"), StringComparer.Ordinal);

    /// <summary>Words for a division after its name ("Buri Ram province"), as written and capitalized.</summary>
    private static readonly FrozenSet<string> DivisionWords = FrozenSet.ToFrozenSet(
        PlaceWordList.Section("division-words").SelectMany(w => new[] { w, char.ToUpperInvariant(w[0]) + w[1..] }), StringComparer.Ordinal);

    /// <summary>Words before a name that make it a place whatever the capitals ("in", "near", "outside").</summary>
    private static readonly FrozenSet<string> OffParticleVerbs = FrozenSet.ToFrozenSet(PlaceWordList.Section("off-particle-verbs"), StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> PlaceWords = FrozenSet.ToFrozenSet(PlaceWordList.Section("place-words"), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words of a side of a place ("northern", "north-east", "central"): the linker's list, <c>@compass-words</c> of
    /// data/events/link-words.txt.
    /// </summary>
    private static readonly FrozenSet<string> CompassWords = FrozenSet.ToFrozenSet(
        Crosscheck.Events.WordListFile.Section(Crosscheck.Events.WordListFile.LoadEmbedded("link-words.txt"), "compass-words", "link-words.txt"),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the words around [start, end) are a title-case run ("Drug Boat Strike Kills Three"): within four words on
    /// either side in the same sentence, at least two other words of four letters or more, all of them capitalized.
    /// </summary>
    private static bool InTitleCase(ReadOnlySpan<string> words, ReadOnlySpan<bool> sentenceStarts, int start, int end)
    {
        int capitalized = 0;
        for (var i = start - 1; i >= 0 && i >= start - 4; i--)
        {
            if (!Counts(words[i], ref capitalized)) return false;
            if (i == 0 || (i < sentenceStarts.Length && sentenceStarts[i])) break;
        }
        for (var i = end; i < words.Length && i < end + 4; i++)
        {
            if (i < sentenceStarts.Length && sentenceStarts[i]) break;
            if (!Counts(words[i], ref capitalized)) return false;
        }
        return capitalized >= 2;

        static bool Counts(string word, ref int capitalized)
        {
            if (word.Length < 4 || !char.IsLetter(word[0])) return true;
            if (!char.IsUpper(word[0])) return false;
            capitalized++;
            return true;
        }
    }

    /// <summary>A place word before the name, or a comma and a capitalized name after it ("Durg, India").</summary>
    /// <summary>
    /// A place's context for a division's short name: a place word before it, or before a compass word before it ("in
    /// northern Zamfara", "across north-east Borno"), an owner's "'s" after it, or a comma between it and a town before it
    /// ("Kalgo, Zamfara") or a capitalized word after it.
    /// </summary>
    private static bool HasShortNameCue(ReadOnlySpan<string> words, int start, int end)
    {
        if (HasPlaceCue(words, start, end)) return true;
        if (end < words.Length && words[end] is "'s" or "’s") return true;
        if (start > 1 && words[start - 1] == "," && IsCapitalized(words[start - 2])) return true;
        return start > 1 && CompassWords.Contains(words[start - 1]) && PlaceWords.Contains(words[start - 2]);
    }

    private static bool HasPlaceCue(ReadOnlySpan<string> words, int start, int end) =>
        (start > 0 && PlaceWords.Contains(words[start - 1]))
        || (end + 1 < words.Length && words[end] == "," && words[end + 1].Length > 0 && char.IsUpper(words[end + 1][0]));

    /// <summary>Adds titles qualified by a country ("Mexico's president") and maritime phrases ("off the coast of Venezuela").</summary>
    private ImmutableArray<GazetteerMatch> Compose(ReadOnlySpan<string> words, List<GazetteerMatch> found)
    {
        var result = ImmutableArray.CreateBuilder<GazetteerMatch>(found.Count + 4);
        for (var i = 0; i < found.Count; i++)
        {
            var m = found[i];
            if (m.Kind == GazetteerMatchKind.Title)
            {
                result.Add(QualifyTitle(words, found, i));
                continue;
            }
            result.Add(m);
            if (Maritime(words, m) is { } sea) result.Add(sea);
        }
        result.Sort(static (a, b) => a.StartToken != b.StartToken ? a.StartToken.CompareTo(b.StartToken) : b.EndToken.CompareTo(a.EndToken));
        return result.DrainToImmutable();
    }

    private GazetteerMatch QualifyTitle(ReadOnlySpan<string> words, List<GazetteerMatch> found, int i)
    {
        var m = found[i];
        if (!m.Title!.IsNational) return m;
        var start = m.StartToken;
        var end = m.EndToken;
        GazetteerEntry? country = null;
        if (i > 0)
        {
            var p = found[i - 1];
            if (p.Kind == GazetteerMatchKind.Entity && CountryOf(p) is { } c)
            {
                // "Mexico's president", "Mexican President", "US President".
                if (p.EndToken == start - 1 && IsPossessive(words[start - 1]) && p.Entry!.Place == PlaceKind.Country) country = c;
                else if (p.EndToken == start) country = c;
                if (country is not null) start = p.StartToken;
            }
        }
        if (country is null && i + 1 < found.Count)
        {
            // "President of Mexico".
            var q = found[i + 1];
            if (q.Kind == GazetteerMatchKind.Entity && q.StartToken == end + 1 && NameFolding.Is(words[end], "of")
                && q.Entry!.Place == PlaceKind.Country)
            {
                country = q.Entry;
                end = q.EndToken;
            }
        }
        if (country is null) return m;
        return m with
        {
            StartToken = start,
            EndToken = end,
            Entry = country,
            Country = country.Entity.Country,
            CanonicalTitle = m.Title.CanonicalFor(country.Name),
        };
    }

    /// <summary>The country a match stands for: the country itself, or a demonym's country.</summary>
    private GazetteerEntry? CountryOf(GazetteerMatch m) => m.Entry switch
    {
        { Place: PlaceKind.Country } e => e,
        { Type: EntityType.Norp, Entity.Country: { } cc } => _gazetteer.Country(cc),
        _ => null,
    };

    private GazetteerMatch? Maritime(ReadOnlySpan<string> words, GazetteerMatch m)
    {
        var s = m.StartToken;
        var e = m.EndToken;
        var n = words.Length;
        if (m.Entry is not { } entry) return null;
        if (entry.Type == EntityType.Norp)
        {
            if (CountryOf(m) is not { } country) return null;
            // "off the Venezuelan coast"
            if (s >= 2 && Is(words, s - 2, "off") && Is(words, s - 1, "the") && (Is(words, e, "coast") || Is(words, e, "coastline")))
                return Sea(s - 2, e + 1, country, MaritimeRelation.OffCoast);
            // "Venezuelan waters", "Venezuelan territorial waters"
            if (Is(words, e, "waters")) return Sea(s, e + 1, country, MaritimeRelation.TerritorialWaters);
            if (Is(words, e, "territorial") && Is(words, e + 1, "waters")) return Sea(s, e + 2, country, MaritimeRelation.TerritorialWaters);
            return null;
        }
        if (entry.Place is PlaceKind.None or PlaceKind.Sea) return null;
        // "off the coast of Venezuela", "off the coasts of Yemen"
        if (s >= 4 && Is(words, s - 4, "off") && Is(words, s - 3, "the") && (Is(words, s - 2, "coast") || Is(words, s - 2, "coasts")) && Is(words, s - 1, "of"))
            return Sea(s - 4, e, entry, MaritimeRelation.OffCoast);
        // "off the Pacific coast of Mexico"
        if (s >= 5 && Is(words, s - 5, "off") && Is(words, s - 4, "the") && IsCapitalized(words[s - 3]) && Is(words, s - 2, "coast") && Is(words, s - 1, "of"))
            return Sea(s - 5, e, entry, MaritimeRelation.OffCoast);
        if (e + 1 < n && IsPossessive(words[e]))
        {
            // "off Venezuela's coast", "off Mexico's Pacific coast"
            if (s >= 1 && Is(words, s - 1, "off") && (Is(words, e + 1, "coast") || Is(words, e + 1, "coastline")))
                return Sea(s - 1, e + 2, entry, MaritimeRelation.OffCoast);
            if (s >= 1 && Is(words, s - 1, "off") && e + 2 < n && IsCapitalized(words[e + 1]) && (Is(words, e + 2, "coast") || Is(words, e + 2, "coastline")))
                return Sea(s - 1, e + 3, entry, MaritimeRelation.OffCoast);
            // "Venezuela's waters", "Venezuela's territorial waters"
            if (Is(words, e + 1, "waters")) return Sea(s, e + 2, entry, MaritimeRelation.TerritorialWaters);
            if (Is(words, e + 1, "territorial") && Is(words, e + 2, "waters")) return Sea(s, e + 3, entry, MaritimeRelation.TerritorialWaters);
        }
        // "a tanker off Hodeidah", "50 nautical miles off Aden": at sea off a town, unless "off" is a verb's particle
        // ("sealed off Kherson", @off-particle-verbs) or the town owns what follows ("off Hodeidah's port" is read above).
        if (entry.Place == PlaceKind.City && s >= 2 && Is(words, s - 1, "off") && !OffParticleVerbs.Contains(words[s - 2]) && !(e < n && IsPossessive(words[e])))
            return Sea(s - 1, e, entry, MaritimeRelation.OffCoast);
        // "in waters off Venezuela", "the waters off Yemen": at sea off its coast ("waters off Mexico's Pacific coast" is read above).
        if (s >= 2 && Is(words, s - 2, "waters") && Is(words, s - 1, "off") && !(e < n && IsPossessive(words[e])))
            return Sea(s - 2, e, entry, MaritimeRelation.OffCoast);
        return null;
    }

    private static GazetteerMatch Sea(int start, int end, GazetteerEntry place, MaritimeRelation relation) =>
        new(start, end, GazetteerMatchKind.Maritime) { Entry = place, Country = place.Entity.Country, Relation = relation };

    private static bool Is(ReadOnlySpan<string> words, int i, string folded) => i >= 0 && i < words.Length && NameFolding.Is(words[i], folded);

    private static bool IsCapitalized(string word) => word.Length > 1 && char.IsUpper(word[0]) && char.IsLetter(word[^1]);

    private static bool IsPossessive(string word) => NameFolding.Is(word, "'s") || NameFolding.Is(word, "'");
}
