using System.Text.Json;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// The parts of the realnews gold record that concern more than one article: copies of one wire story
/// (<c>wire_groups</c>) and disputes between sources or sides (<c>disputes</c>), as its README defines them.
/// </summary>
internal static partial class RealnewsGold
{
    /// <summary>Texts that come from one wire story: <see cref="Kind"/> is <c>reprint</c>, <c>reprint + rewrites</c> or <c>same-origin rewrites</c>.</summary>
    internal sealed record WireGroup(string Id, string Kind, string Origin, List<string> Members);

    /// <summary>
    /// One side of a dispute: its value in words and the files that state it.
    /// </summary>
    internal sealed record DisputeSide(string Value, List<string> Files);

    /// <summary>
    /// A dispute about an incident (<see cref="Scope"/> <c>TC04</c>, or with a side <c>PA04:PK-mil</c>) or about an
    /// episode's toll (<c>TC-E1:ALL</c>); <see cref="ScoredIn"/> lists the splits it counts in.
    /// </summary>
    internal sealed record Dispute(string Id, string Scope, string Field, string Kind, List<string> ScoredIn, List<DisputeSide> Sides)
    {
        /// <summary>The incident or episode id of the scope (before the side).</summary>
        public string Target => ScopeId(Scope);

        public bool OnEpisode => Target.Contains('-', StringComparison.Ordinal);
    }

    /// <summary>The id a scope names: <c>TC-E1</c> of <c>TC-E1:KH-mil</c>, <c>PA04</c> of <c>PA04:PK-mil</c>.</summary>
    internal static string ScopeId(string scope)
    {
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? scope : scope[..colon]).Trim();
    }

    private static List<WireGroup> WireGroupsOf(JsonElement root)
    {
        var groups = new List<WireGroup>();
        if (!root.TryGetProperty("wire_groups", out var array) || array.ValueKind != JsonValueKind.Array) return groups;
        foreach (var g in array.EnumerateArray())
        {
            var members = g.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("file").GetString()!).ToList();
            groups.Add(new WireGroup(g.GetProperty("id").GetString()!, Str(g, "kind"), Str(g, "origin"), members));
        }
        return groups;
    }

    private static List<Dispute> DisputesOf(JsonElement root)
    {
        var disputes = new List<Dispute>();
        if (!root.TryGetProperty("disputes", out var array) || array.ValueKind != JsonValueKind.Array) return disputes;
        foreach (var d in array.EnumerateArray())
        {
            var sides = d.GetProperty("values").EnumerateArray()
                .Select(v => new DisputeSide(v.TryGetProperty("value", out var x) ? x.ToString() : "", Strings(v, "files"))).ToList();
            disputes.Add(new Dispute(d.GetProperty("id").GetString()!, d.GetProperty("scope").GetString()!, Str(d, "field"), Str(d, "kind"),
                Strings(d, "scored_in"), sides));
        }
        return disputes;
    }

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
}
