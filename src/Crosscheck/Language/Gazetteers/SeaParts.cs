namespace Crosscheck.Language.Gazetteers;

/// <summary>
/// Which curated places lie within which (<c>within=</c> in <c>data/gazetteers/places.txt</c>): the Eastern Pacific
/// within the Pacific Ocean, the Caribbean within the Atlantic. Read from the shipped file alone, once per process,
/// so asking costs nothing like loading the whole gazetteer.
/// </summary>
public static class SeaParts
{
    private const string Resource = "Crosscheck.Gazetteers.places.txt";

    private static readonly Lazy<(Dictionary<string, string> KeyOfName, Dictionary<string, string> Container, Dictionary<string, string> NameOfKey)> Data =
        new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The names of the places that hold the named one, nearest first ("Pacific Ocean" for "Eastern Pacific"); empty for
    /// an unknown name or one that lies within none.
    /// </summary>
    public static IReadOnlyList<string> ContainersOf(string name)
    {
        var (keys, container, nameOfKey) = Data.Value;
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
        var (keys, _, _) = Data.Value;
        if (!keys.TryGetValue(a, out var ka) || !keys.TryGetValue(b, out var kb) || ka == kb) return false;
        return Holds(ka, kb) || Holds(kb, ka);
    }

    /// <summary>True when <paramref name="part"/> lies within <paramref name="whole"/> ("Eastern Pacific" within "Pacific").</summary>
    public static bool LiesWithin(string part, string whole)
    {
        var (keys, _, _) = Data.Value;
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

    private static (Dictionary<string, string>, Dictionary<string, string>, Dictionary<string, string>) Read()
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
        foreach (var r in source.Entities)
        {
            if (r.Key is null) continue;
            keys.TryAdd(r.Name, r.Key);
            names.TryAdd(r.Key, r.Name);
            foreach (var alias in r.Aliases) keys.TryAdd(alias, r.Key);
            if (r.Within is { } within) container[r.Key] = within;
        }
        return (keys, container, names);
    }
}
