using Crosscheck.Documents;
using Crosscheck.Storage;
using Spectre.Console;

namespace Crosscheck.Cli.Commands;

/// <summary>The table an ingest run ends with: one row per document for small runs, then the totals.</summary>
internal static class SummaryTable
{
    private const int MaxRows = 60;

    public static void Write(IAnsiConsole console, IngestSummary summary, int stored)
    {
        var items = summary.Items.Where(i => i.Document is not null).ToList();
        if (items.Count is > 0 and <= MaxRows)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("Documents");
            foreach (var name in new[] { "Id", "Source", "Outlet", "Published", "Title", "Segments", "Status" })
            {
                table.AddColumn(new TableColumn(name));
            }
            foreach (var item in items)
            {
                var d = item.Document!;
                table.AddRow(
                    Markup.Escape(d.Id),
                    Markup.Escape(InputError.Escape(ShortSource(item.Source))),
                    Markup.Escape(d.Metadata.Outlet ?? "-"),
                    d.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(Trim(d.Metadata.Title ?? FirstLine(d), 60)),
                    Markup.Escape(SegmentCounts(d)),
                    Markup.Escape(Status(item)));
            }
            console.Write(table);
        }
        var totals = new Table().Border(TableBorder.Rounded).Title("Summary");
        totals.AddColumns("Read", "Added", "Near-duplicates", "Already stored", "Failed", "In database");
        totals.AddRow(
            summary.Read.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            summary.Added.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            summary.NearDuplicates.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            summary.AlreadyStored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            summary.Failed.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            stored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        console.Write(totals);
    }

    private static string Status(IngestItem item) => item.Status switch
    {
        StoreStatus.Added => "added",
        StoreStatus.AddedNearDuplicate => $"added, near-duplicate of {item.Document!.DuplicateOf}",
        StoreStatus.AlreadyStored => "already stored",
        _ => "failed",
    };

    private static string SegmentCounts(Document d) =>
        string.Join(" ", d.Segments.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => $"{Segment.Name(g.Key)}:{g.Count()}"));

    private static string ShortSource(string source)
    {
        var hash = source.IndexOf('#');
        var path = hash >= 0 ? source[..hash] : source;
        var name = Path.GetFileName(path);
        if (hash < 0) return name.Length > 0 ? name : source;
        // A feed item's id is often its URL: its last path segment is enough to tell items apart.
        var id = source[(hash + 1)..].TrimEnd('/');
        var slash = id.LastIndexOf('/');
        return name + "#" + (slash >= 0 && id.Contains("://", StringComparison.Ordinal) ? "…/" + id[(slash + 1)..] : id);
    }

    private static string FirstLine(Document d)
    {
        var nl = d.Text.IndexOf('\n');
        return nl < 0 ? d.Text : d.Text[..nl];
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
