namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// Which curated places lie within which (<c>within=</c> in <c>data/gazetteers/places.txt</c>): the Eastern Pacific
/// within the Pacific Ocean, the Caribbean within the Atlantic. Read from the shipped file alone, once per process,
/// so asking costs nothing like loading the whole gazetteer.
/// </summary>
public static class SeaParts
{
    private const string Resource = "Crosscheck.Gazetteers.places.txt";

    private static readonly Lazy<(Dictionary<string, string> KeyOfName, Dictionary<string, string> Container, Dictionary<string, string> NameOfKey, Dictionary<string, double> Reach)> Data =
        new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The names of the places that hold the named one, nearest first ("Pacific Ocean" for "Eastern Pacific"); empty for
    /// an unknown name or one that lies within none.
    /// </summary>
    public static IReadOnlyList<string> ContainersOf(string name)
    {
        var (keys, container, nameOfKey, _) = Data.Value;
        if (!keys.TryGetValue(name, out var key)) return [];
        var names = new List<string>();
        for (var step = 0; step < 8 && container.TryGetValue(key, out var up); step++)
        {
            if (nameOfKey.TryGetValue(up, out var upName)) names.Add(upName);
            key = up;
        }
        return names;
    }

    /// <summary>
    /// True when one of two places (by name or alias, any case) lies within the other, however many levels apart
    /// ("Eastern Pacific" and "Pacific"); false for the same place, unknown names or places side by side.
    /// </summary>
    public static bool OneHoldsTheOther(string a, string b)
    {
        var (keys, _, _, _) = Data.Value;
        if (!keys.TryGetValue(a, out var ka) || !keys.TryGetValue(b, out var kb) || ka == kb) return false;
        return Holds(ka, kb) || Holds(kb, ka);
    }

    /// <summary>True when <paramref name="part"/> lies within <paramref name="whole"/> ("Eastern Pacific" within "Pacific").</summary>
    public static bool LiesWithin(string part, string whole)
    {
        var (keys, _, _, _) = Data.Value;
        return keys.TryGetValue(part, out var kp) && keys.TryGetValue(whole, out var kw) && kp != kw && Holds(kw, kp);
    }

    private static bool Holds(string whole, string part)
    {
        var container = Data.Value.Container;
        // Chains are a level or two deep (a test checks the shipped file has no loop); the bound guards a user's edit.
        for (var step = 0; step < 8 && container.TryGetValue(part, out var up); step++)
        {
            if (up == whole) return true;
            part = up;
        }
        return false;
    }

    /// <summary>
    /// How far from its point the named sea's shores lie at most, in km (<c>reach=</c>); null for an unknown name or a
    /// water given none (an ocean has no shore a place could be too far from).
    /// </summary>
    public static double? ReachKm(string name)
    {
        var (keys, _, _, reach) = Data.Value;
        return keys.TryGetValue(name, out var key) && reach.TryGetValue(key, out var km) ? km : null;
    }

    private static (Dictionary<string, string>, Dictionary<string, string>, Dictionary<string, string>, Dictionary<string, double>) Read()
    {
        var source = new GazetteerSource();
        using (var stream = typeof(SeaParts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The gazetteer resource {Resource} is not embedded."))
        using (var reader = new StreamReader(stream))
        {
            GazetteerFile.Read("data/gazetteers/places.txt", reader, source);
        }
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(NameFolding.Instance);
        var container = new Dictionary<string, string>(StringComparer.Ordinal);
        var reach = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in source.Entities)
        {
            if (r.Key is null) continue;
            keys.TryAdd(r.Name, r.Key);
            names.TryAdd(r.Key, r.Name);
            foreach (var alias in r.Aliases) keys.TryAdd(alias, r.Key);
            if (r.Within is { } within) container[r.Key] = within;
            if (r.Reach is { } km) reach[r.Key] = km;
        }
        return (keys, container, names, reach);
    }
}
