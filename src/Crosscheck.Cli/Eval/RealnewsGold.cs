using System.Globalization;
using System.Text.Json;

namespace Crosscheck.Cli.Eval;

/// <summary>
/// The realnews gold record (<c>../shared/data/realnews/gold.json</c>, described by the README there), read at run time:
/// incidents with their date (a day or a span), place and killed range, and per article the incidents it reports
/// and its toll statements. Nothing of it is copied into the repository.
/// </summary>
internal static partial class RealnewsGold
{
    internal sealed record Incident(string Id, DateOnly Start, DateOnly End, string Place, string Country, decimal? KilledMin, decimal? KilledMax, bool News)
    {
        public string Split { get; init; } = "";
        /// <summary>The episode (campaign) it belongs to; "" for none.</summary>
        public string Episode { get; init; } = "";
        /// <summary>The incident's latest count by the gold's one rule (README, <c>killed.best</c>); null where it gives none.</summary>
        public decimal? KilledBest { get; init; }
        /// <summary>The conflict (topic folder) it belongs to.</summary>
        public string Topic { get; init; } = "";
    }

    /// <summary>
    /// One figure an article gives: <see cref="Incidents"/> are the incident ids of its scope (empty for an episode
    /// toll such as <c>TC-E1:ALL</c>), <see cref="Side"/> the side after the colon.
    /// </summary>
    internal sealed record Statement(string Scope, string Measure, decimal Min, decimal Max, string Qualifier, DateOnly? AsOf, string Quote)
    {
        public List<string> Incidents { get; init; } = [];
        public string Side { get; init; } = "";
        public bool Episode => Incidents.Count == 0;
    }

    internal sealed record Article(string File, string Path, string Split, List<string> Reports, List<Statement> Tolls)
    {
        /// <summary>The episodes the article is about.</summary>
        public List<string> Episodes { get; init; } = [];
    }

    internal sealed record Gold(Dictionary<string, Incident> Incidents, List<Article> Articles)
    {
        public List<WireGroup> WireGroups { get; init; } = [];
        public List<Dispute> Disputes { get; init; } = [];

        /// <summary>
        /// The gold of one conflict (a folder of <c>articles/</c>): its articles, incidents, wire groups and disputes. An
        /// incident's or episode's conflict is the one whose incidents share its id's letters (<c>TC</c> of <c>TC04</c>,
        /// <c>TC-E1</c>). An unknown topic is an error naming the known ones.
        /// </summary>
        public Gold Only(string topic)
        {
            var topics = Incidents.Values.Select(i => i.Topic).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!topics.Contains(topic, StringComparer.Ordinal))
                throw new CliFailure($"--topic must be one of {string.Join(", ", topics)}, not '{topic}'");
            var prefixes = Incidents.Values.Where(i => i.Topic == topic).Select(i => Letters(i.Id)).ToHashSet(StringComparer.Ordinal);
            var articles = Articles.Where(a => a.Path.Split('/').Contains(topic, StringComparer.Ordinal)).ToList();
            var files = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
            return new Gold(Incidents.Where(p => p.Value.Topic == topic).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), articles)
            {
                WireGroups = [.. WireGroups.Where(g => g.Members.Any(files.Contains))],
                Disputes = [.. Disputes.Where(d => prefixes.Contains(Letters(d.Target)))],
            };
        }

        private static string Letters(string id) => new([.. id.TakeWhile(char.IsLetter)]);
    }

    public static Gold Load(string dataDirectory)
    {
        var path = System.IO.Path.Combine(dataDirectory, "gold.json");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new CliFailure($"cannot read {path}: {ex.Message}");
        }
        using (json)
        {
            try
            {
                var root = json.RootElement;
                var incidents = new Dictionary<string, Incident>(StringComparer.Ordinal);
                foreach (var i in root.GetProperty("incidents").EnumerateArray())
                {
                    var (start, end) = DateOrSpan(i.GetProperty("date"));
                    var place = i.GetProperty("place");
                    var killed = i.TryGetProperty("killed", out var k) && k.ValueKind == JsonValueKind.Object ? k : (JsonElement?)null;
                    incidents[i.GetProperty("id").GetString()!] = new Incident(i.GetProperty("id").GetString()!, start, end,
                        string.Join(", ", new[] { Str(place, "name"), Str(place, "city") }.Where(s => s.Length > 0)), Str(place, "country"),
                        killed is { } km ? Num(km, "min") : null, killed is { } kx ? Num(kx, "max") : null,
                        !i.TryGetProperty("reported_as_news", out var news) || news.ValueKind != JsonValueKind.False)
                    {
                        Split = Str(i, "split"),
                        Episode = Str(i, "episode"),
                        KilledBest = killed is { } kb ? Num(kb, "best") : null,
                        Topic = Str(i, "topic"),
                    };
                }
                var articles = new List<Article>();
                foreach (var a in root.GetProperty("articles").EnumerateObject())
                {
                    var tolls = new List<Statement>();
                    foreach (var t in a.Value.GetProperty("tolls").EnumerateArray()) tolls.Add(StatementOf(t));
                    articles.Add(new Article(a.Name, a.Value.GetProperty("path").GetString()!, a.Value.GetProperty("split").GetString()!,
                        [.. a.Value.GetProperty("reports").EnumerateArray().Select(r => r.GetString()!)], tolls)
                    {
                        Episodes = Strings(a.Value, "episodes"),
                    });
                }
                articles.Sort((x, y) => string.CompareOrdinal(x.File, y.File));
                return new Gold(incidents, articles) { WireGroups = WireGroupsOf(root), Disputes = DisputesOf(root) };
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new CliFailure($"{path} is not the realnews gold record (schema crosscheck.dev.realnews/2): {ex.Message}");
            }
        }
    }

    private static Statement StatementOf(JsonElement t)
    {
        var scope = t.GetProperty("scope").GetString()!;
        var value = t.GetProperty("value");
        decimal min, max;
        if (value.ValueKind == JsonValueKind.Array)
        {
            min = value[0].GetDecimal();
            max = value[1].GetDecimal();
        }
        else min = max = value.GetDecimal();
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        var ids = (colon < 0 ? scope : scope[..colon]).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new Statement(scope, t.GetProperty("measure").GetString()!, min, max, t.GetProperty("qualifier").GetString()!,
            t.TryGetProperty("as_of", out var asOf) && asOf.ValueKind == JsonValueKind.String ? Day(asOf.GetString()!) : null,
            t.TryGetProperty("quote", out var quote) ? quote.GetString() ?? "" : "")
        {
            // An episode id has a dash (TC-E1, UA-N1022); incident ids do not (TC04).
            Incidents = ids.Any(id => id.Contains('-', StringComparison.Ordinal)) ? [] : [.. ids],
            Side = colon < 0 ? "" : scope[(colon + 1)..],
        };
    }

    private static (DateOnly Start, DateOnly End) DateOrSpan(JsonElement date) =>
        date.ValueKind == JsonValueKind.Object
            ? (Day(date.GetProperty("start").GetString()!), Day(date.GetProperty("end").GetString()!))
            : (Day(date.GetString()!), Day(date.GetString()!));

    private static DateOnly Day(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static decimal? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;
}
