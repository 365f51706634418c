using System.Globalization;
using Crosscheck.Linking;
using Crosscheck.Review;

namespace Crosscheck.Web;

/// <summary>An incident's review history as its page shows it: every decision about it and its reports, oldest first.</summary>
internal static class ReviewPages
{
    public static void History(HtmlPage html, SourcedRecord record, Incident incident)
    {
        var overlay = record.Review;
        var decisions = overlay.History(incident.Id, incident.Events);
        html.Raw("""<section class="history" aria-label="Review history"><h2>Review history</h2>""");
        if (decisions.Count == 0)
        {
            html.Raw("""<p class="muted">No analyst has decided on this incident or its reports yet; every value above is the machine's reading.</p></section>""" + "\n");
            return;
        }
        html.Raw("""<table class="decisions"><thead><tr><th>#</th><th>When</th><th>Who</th><th>What</th><th>Before</th><th>After</th><th>Why</th></tr></thead><tbody>""" + "\n");
        foreach (var d in decisions)
        {
            var inEffect = overlay.InEffect(d.Number);
            html.Raw($"""<tr class="decision{(inEffect ? "" : " reverted")}" data-number="{d.Number.ToString(CultureInfo.InvariantCulture)}"><td>""")
                .Text(d.Number.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>")
                .Text(d.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Raw("</td><td>").Text(d.Author).Raw("</td><td>")
                .Text(What(d) + (inEffect ? "" : " (reverted)")).Raw("</td><td>").Text(d.Before ?? "—").Raw("</td><td>").Text(d.After ?? "—")
                .Raw("</td><td>").Text(d.Reason).Raw("</td></tr>\n");
        }
        html.Raw("</tbody></table></section>\n");
    }

    private static string What(Decision d)
    {
        var on = d.TargetKind == DecisionTarget.Event ? $" of report {d.Target}" : "";
        return d.Action switch
        {
            DecisionAction.Revert => $"reverted decision {d.Reverts}",
            DecisionAction.Note => "note" + on,
            DecisionAction.Grade => "grade",
            DecisionAction.Move => $"moved report {d.Target}",
            DecisionAction.Merge => "merged another incident into this one",
            DecisionAction.Split => "split reports into a new incident",
            _ => $"{DecisionNames.Name(d.Action)} {d.Field}{on}",
        };
    }
}
