using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text;

namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// The gazetteers: GeoNames countries, first-level divisions and cities, the curated places, actors,
/// outlets, persons and demonyms, and office titles, merged with any user files. Immutable and thread-safe;
/// the shipped data is read once per process, on first use.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourcePrefix = "Crosscheck.Gazetteers.";

    private static readonly Lazy<Builtin> BuiltinData = new(ReadBuiltin, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Gazetteer> DefaultGazetteer = new(() => Create([]), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, GazetteerEntry> _byKey;
    private readonly FrozenDictionary<string, GazetteerEntry> _countries;

    private Gazetteer(ImmutableArray<GazetteerEntry> entries, ImmutableArray<TitleEntry> titles, IReadOnlySet<string> ambiguous, IReadOnlySet<string> personNames)
    {
        Entries = entries;
        Titles = titles;
        _byKey = entries.ToFrozenDictionary(e => e.Key, StringComparer.Ordinal);
        _countries = entries.Where(e => e.Place == PlaceKind.Country && e.Entity.Country is not null)
            .ToFrozenDictionary(e => e.Entity.Country!, StringComparer.Ordinal);
        AmbiguousWords = ambiguous;
        PersonNames = personNames;
        Matcher = new GazetteerMatcher(this);
    }

    /// <summary>The shipped gazetteers alone.</summary>
    public static Gazetteer Default => DefaultGazetteer.Value;

    /// <summary>
    /// The shipped gazetteers merged with <paramref name="extraFiles"/>, read in order. A line whose key
    /// exists adds its names, aliases and titles to that entry (<c>country:MX</c> names a country by code).
    /// Throws <see cref="GazetteerException"/> naming the file and line of the first problem.
    /// </summary>
    public static Gazetteer Load(IEnumerable<string> extraFiles)
    {
        ArgumentNullException.ThrowIfNull(extraFiles);
        var files = extraFiles.ToList();
        if (files.Count == 0) return Default;
        var source = new GazetteerSource();
        foreach (var f in files) GazetteerFile.ReadFile(f, source);
        return Create([source]);
    }

    /// <summary>Every entry, GeoNames first, then curated and user entries in file order.</summary>
    public ImmutableArray<GazetteerEntry> Entries { get; }

    /// <summary>Every office title.</summary>
    public ImmutableArray<TitleEntry> Titles { get; }

    /// <summary>Words that are also place names ("Most", "Mobile"): such places match only when large.</summary>
    public IReadOnlySet<string> AmbiguousWords { get; }

    /// <summary>Given names and surnames that are also places ("Jordan", "Chad"): such places do not match right before another capitalized word.</summary>
    public IReadOnlySet<string> PersonNames { get; }

    /// <summary>The matcher over every name and title, built with the gazetteer.</summary>
    public GazetteerMatcher Matcher { get; }

    /// <summary>The entry with this key ("geo:3996063", "actor:pentagon"), or null.</summary>
    public GazetteerEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKey.GetValueOrDefault(key);
    }

    /// <summary>The country with this ISO 3166-1 alpha-2 code ("MX"), or null.</summary>
    public GazetteerEntry? Country(string iso2)
    {
        ArgumentNullException.ThrowIfNull(iso2);
        return _countries.GetValueOrDefault(iso2);
    }

    private sealed record Builtin(ImmutableArray<GazetteerEntry> Geo, GazetteerSource Curated);

    private static Builtin ReadBuiltin()
    {
        var assembly = typeof(Gazetteer).Assembly;
        var geo = ImmutableArray.CreateBuilder<GazetteerEntry>(30_000);
        geo.AddRange(GeoNames.ReadCountries(Open(assembly, GeoNames.CountriesFile)));
        geo.AddRange(Admin1ShortNames.With(GeoNames.ReadAdmin1(Open(assembly, GeoNames.Admin1File))));
        geo.AddRange(GeoNames.ReadCities(Open(assembly, GeoNames.CitiesFile)));
        var curated = new GazetteerSource();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var reader = Open(assembly, name[ResourcePrefix.Length..]);
            GazetteerFile.Read("data/gazetteers/" + name[ResourcePrefix.Length..], reader, curated);
        }
        return new Builtin(geo.ToImmutable(), curated);
    }

    private static StreamReader Open(Assembly assembly, string file)
    {
        var stream = assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The gazetteer resource {ResourcePrefix + file} is not embedded in {assembly.GetName().Name}.");
        return new StreamReader(stream, Encoding.UTF8);
    }

    private static Gazetteer Create(IReadOnlyList<GazetteerSource> extra)
    {
        var builtin = BuiltinData.Value;
        var entries = new Dictionary<string, GazetteerEntry>(40_000, StringComparer.Ordinal);
        var order = new List<string>(40_000);
        var isoToKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in builtin.Geo)
        {
            entries[e.Key] = e;
            order.Add(e.Key);
            if (e.Place == PlaceKind.Country) isoToKey[e.Entity.Country!] = e.Key;
        }
        var titles = new List<TitleEntry>();
        var ambiguous = new HashSet<string>(NameFolding.Instance);
        var personNames = new HashSet<string>(NameFolding.Instance);
        foreach (var source in extra.Prepend(builtin.Curated))
        {
            foreach (var r in source.Entities) Merge(r, entries, order, isoToKey);
            foreach (var (file, line, title) in source.Titles) MergeTitle(file, line, title, titles, isoToKey);
            ambiguous.UnionWith(source.AmbiguousWords);
            personNames.UnionWith(source.PersonNames);
        }
        return new Gazetteer([.. order.Select(k => entries[k])], [.. titles], ambiguous, personNames);
    }

    private static void Merge(EntityRecord r, Dictionary<string, GazetteerEntry> entries, List<string> order, Dictionary<string, string> isoToKey)
    {
        if (r.Country is { } cc && !isoToKey.ContainsKey(cc))
            throw new GazetteerException(r.File, r.Line, $"'{cc}' is not a country code GeoNames knows");
        string key;
        if (r.Key is { } k && k.StartsWith("country:", StringComparison.Ordinal))
        {
            if (!isoToKey.TryGetValue(k["country:".Length..], out key!))
                throw new GazetteerException(r.File, r.Line, $"'{k}' names no country (expected country: and an ISO code, as in country:MX)");
        }
        else
        {
            key = r.Key ?? DerivedKey(r);
        }

        if (entries.TryGetValue(key, out var existing))
        {
            if (r.Type is { } t && t != existing.Type)
                throw new GazetteerException(r.File, r.Line, $"'{key}' is already a {EntityTypes.Name(existing.Type)}, not a {EntityTypes.Name(t)}");
            // Names a curated file re-declares leave the GeoNames part of the list, so they count as curated.
            var curated = new List<string>(r.Aliases);
            if (r.Name.Length > 0) curated.Insert(0, r.Name);
            var fromGeoNames = existing.Entity.Aliases.Take(existing.GeoNamesAliasCount)
                .Where(a => !curated.Contains(a, NameFolding.Instance)).ToList();
            var names = new List<string>(fromGeoNames);
            names.AddRange(existing.Entity.Aliases.Skip(existing.GeoNamesAliasCount));
            names.AddRange(curated);
            entries[key] = existing with
            {
                GeoNamesAliasCount = fromGeoNames.Count,
                Entity = existing.Entity with
                {
                    Aliases = Distinct(existing.Entity.Name, names),
                    Titles = [.. existing.Entity.Titles.Concat(r.Titles).Distinct(StringComparer.Ordinal)],
                    Latitude = r.Latitude ?? existing.Entity.Latitude,
                    Longitude = r.Longitude ?? existing.Entity.Longitude,
                    Country = r.Country ?? existing.Entity.Country,
                    GeonameId = r.GeonameId ?? existing.Entity.GeonameId,
                },
                Place = r.Place == PlaceKind.None ? existing.Place : r.Place,
                Population = r.Population > 0 ? r.Population : existing.Population,
            };
            return;
        }
        if (r.Type is null || r.Name.Length == 0)
            throw new GazetteerException(r.File, r.Line, $"'{key}' is not a known entry, so the line needs a type and a name");
        entries[key] = new GazetteerEntry
        {
            Entity = new KnownEntity
            {
                Key = key,
                Name = r.Name,
                Type = r.Type.Value,
                Country = r.Country,
                GeonameId = r.GeonameId,
                Latitude = r.Latitude,
                Longitude = r.Longitude,
                Aliases = Distinct(r.Name, r.Aliases),
                Titles = [.. r.Titles.Distinct(StringComparer.Ordinal)],
            },
            Place = r.Place,
            Population = r.Population,
        };
        order.Add(key);
    }

    private static string DerivedKey(EntityRecord r)
    {
        var prefix = r.Type switch
        {
            EntityType.Person => "person:",
            EntityType.Norp => "norp:",
            EntityType.Gpe or EntityType.Loc => "place:",
            _ => "actor:",
        };
        var slug = GazetteerFile.Slug(r.Name);
        if (slug.Length == 0) throw new GazetteerException(r.File, r.Line, $"cannot make a key from the name '{r.Name}'; give one");
        return prefix + slug;
    }

    private static ImmutableArray<string> Distinct(string name, IEnumerable<string> aliases)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var kept = ImmutableArray.CreateBuilder<string>();
        foreach (var a in aliases)
        {
            if (seen.Add(a)) kept.Add(a);
        }
        return kept.ToImmutable();
    }

    private static void MergeTitle(string file, int line, TitleEntry title, List<TitleEntry> titles, Dictionary<string, string> isoToKey)
    {
        if (title.Country is { } cc && !isoToKey.ContainsKey(cc))
            throw new GazetteerException(file, line, $"'{cc}' is not a country code GeoNames knows");
        var at = titles.FindIndex(t => t.Canonical == title.Canonical && t.Country == title.Country && t.IsNational == title.IsNational);
        if (at < 0)
        {
            titles.Add(title);
            return;
        }
        titles[at] = titles[at] with
        {
            Variants = [.. titles[at].Variants.Concat(title.Variants).Distinct(StringComparer.Ordinal)],
            Organization = title.Organization ?? titles[at].Organization,
        };
    }
}
