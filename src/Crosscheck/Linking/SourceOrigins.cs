using System.Collections.Immutable;
using Crosscheck.Events;

namespace Crosscheck.Linking;

/// <summary>
/// Where a document, and its report of one incident, trace back to. Copies (<see cref="DocumentFacts.DuplicateOf"/>:
/// reprints found by Jaccard or containment), wire credits (<see cref="DocumentFacts.Wire"/>) and an outlet's own
/// interviews ("told Reuters") all lead to one origin, so that <c>independentSources</c> counts sources, not sites.
/// </summary>
public static class SourceOrigins
{
    /// <summary>
    /// Each document's own origin, whatever incident. Copies of one original (<see cref="DocumentFacts.DuplicateOf"/>)
    /// and rewrites of one story (<see cref="Rewrites"/>) share it: the wire agency the first or, failing it, another is
    /// credited to (first by id); else the outlet whose report they relay ("citing Al Jazeera", "a commander told
    /// Reuters"); else the outlet of the copy they are named after (<see cref="Source"/>); else its id.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Origin, string Reason)> OfDocuments(IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var story = Rewrites.Join([.. documents.Values], d => Original(d, documents).Id);
        foreach (var cluster in documents.Values.GroupBy(d => story[d.Id], StringComparer.Ordinal))
        {
            var root = documents.GetValueOrDefault(cluster.Key) ?? cluster.First();
            var members = cluster.OrderBy(d => d.Id == root.Id ? 0 : 1).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            var source = Source(members);
            (string, string) origin;
            if (members.Select(d => d.Wire).OfType<string>().FirstOrDefault() is { } wire) origin = (wire, $"credited to the wire {wire}");
            else if (members.Select(d => Relayed(root, d)).FirstOrDefault(r => r.Origin is not null) is { Origin: { } relayed } r) origin = (relayed, r.Reason);
            else origin = (source.Outlet ?? root.Outlet ?? root.Id, "own reporting");
            foreach (var d in members) result[d.Id] = d.Id == source.Id || origin.Item2 != "own reporting" ? origin : (origin.Item1, $"copy of {source.Id}");
        }
        return result;
    }

    /// <summary>
    /// The copy that a set of copies and rewrites credited to no one is named after: the one on a wire agency's own site
    /// (its outlet is an agency of <c>@wires</c>), else the fullest (most sentences of narration,
    /// <see cref="DocumentFacts.Sentences"/>: a sign-off, a headline or a word changed does not count, a paragraph does),
    /// else the first given. The original by link order is only the earliest copy: a site that printed the story cut
    /// to its first paragraphs can come first on one day (the id decides), and the story is not that site's reporting.
    /// </summary>
    internal static DocumentFacts Source(IReadOnlyList<DocumentFacts> copies) =>
        copies.OrderBy(d => d.Outlet is { } outlet && WireCredits.Agency(outlet) is not null ? 0 : 1)
            .ThenByDescending(d => SharedSentences.Narration(d.Sentences)).First();

    /// <summary>The document that <paramref name="doc"/> copies (its original), or itself.</summary>
    public static DocumentFacts Original(DocumentFacts doc, IReadOnlyDictionary<string, DocumentFacts> documents) =>
        doc.DuplicateOf is { } dup && documents.GetValueOrDefault(dup) is { } original ? original : doc;

    /// <summary>"NBC" and "NBC News", "AP" and "The Associated Press" are one origin.</summary>
    public static string Key(string name)
    {
        if (WireCredits.Agency(name) is { } agency) name = agency;
        var key = name.Trim().ToLowerInvariant();
        if (key.StartsWith("the ", StringComparison.Ordinal)) key = key[4..];
        foreach (var suffix in new[] { " news", " newspaper", " network", " tv", " online" })
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length + 1) key = key[..^suffix.Length];
        }
        return key;
    }

    /// <summary>
    /// Where one document's report of an incident traces back to, by the first rule that applies:
    /// an outlet its events of the incident credit ("told NBC News", "according to Reuters");
    /// else the wire agency the document (or the original it copies) is credited to;
    /// else, when those events are second-hand (hedged, anonymous, "a new report") and the article credits one
    /// outlet most, that outlet; else the named speaker it leads with (two articles quoting one minister are one source),
    /// unless that is the outlet's own staff ("Harbor Ledger's correspondent"): the first source it credits decides, so a
    /// wire's report built on unnamed officials that quotes a group's claim further down is no relay of the group;
    /// else the outlet whose own interview the document reports elsewhere ("a commander told Reuters");
    /// else the original's own reporting, under its outlet's name when known.
    /// </summary>
    internal static SourceReport Report(string documentId, IReadOnlyList<EventFacts> events, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        var doc = documents.GetValueOrDefault(documentId);
        var root = doc is null ? null : Original(doc, documents);
        string origin;
        string reason;
        if (events.Select(e => e.Via).OfType<string>().Where(IsName).GroupBy(Key).OrderByDescending(g => g.Count()).FirstOrDefault() is { } credited)
        {
            origin = Display(credited);
            reason = $"credits {origin}";
        }
        else if ((root?.Wire ?? doc?.Wire) is { } wire)
        {
            origin = wire;
            reason = $"credited to the wire {wire}";
        }
        else if (events.Any(e => e.Hedged || e.AttributionKind is AttributionKind.Anonymous or AttributionKind.Document or AttributionKind.Outlet)
            && doc is not null && MostCredited(doc, events) is { } outlet)
        {
            origin = outlet;
            reason = $"second-hand; the article credits {outlet}";
        }
        else if (LeadingSource(events) is { AttributionKind: AttributionKind.Named, Speaker: not null } named && !OwnStaff(named.Speaker!, root, doc))
        {
            origin = named.Speaker!;
            reason = $"quotes {origin}";
        }
        else if (doc is not null && Relayed(root!, doc) is { Origin: { } relayed } r)
        {
            origin = relayed;
            reason = r.Reason;
        }
        else
        {
            origin = root?.Outlet ?? doc?.Outlet ?? root?.Id ?? documentId;
            reason = root is not null && root != doc ? $"own reporting of {root.Id}, which it copies" : "own reporting";
        }
        var (count, countText) = SourceCount(events, doc, origin);
        return new SourceReport(documentId, doc?.Outlet, doc?.Published, origin, reason, [.. events.Select(e => e.Id)], count, countText);
    }

    /// <summary>
    /// Whether the speaker is the text's own outlet or its staff ("Harbor Ledger's correspondent in the north"): a report
    /// its own reporter files is its own reporting, not a quote of a speaker that another outlet could share.
    /// </summary>
    private static bool OwnStaff(string speaker, DocumentFacts? root, DocumentFacts? doc)
    {
        var key = Key(speaker);
        foreach (var outlet in new[] { root?.Outlet, doc?.Outlet }.OfType<string>().Select(Key))
        {
            if (key.StartsWith(outlet, StringComparison.Ordinal) && (key.Length == outlet.Length || !char.IsLetterOrDigit(key[outlet.Length]))) return true;
        }
        return false;
    }

    /// <summary>The first of the events, in the text's order, that the article credits to someone (null when none is).</summary>
    private static EventFacts? LeadingSource(IReadOnlyList<EventFacts> events) =>
        events.Where(e => e.AttributionKind != AttributionKind.Unattributed).OrderBy(e => e.Start).FirstOrDefault();

    /// <summary>
    /// Reports of copies of one original and of rewrites of one story (<see cref="Rewrites"/>) in one incident trace back
    /// to one origin: the first that credits a source (an outlet, a wire, an interview, second-hand), else the first that
    /// quotes a speaker, else the own reporting of the copy they are named after (<see cref="Source"/>, among them and the
    /// originals they copy; also for a copy alone in the incident). A rewrite that names a source of its own keeps it.
    /// </summary>
    internal static ImmutableArray<SourceReport> JoinCopies(ImmutableArray<SourceReport> reports, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        string CopyOf(string id) => documents.GetValueOrDefault(id)?.DuplicateOf ?? id;
        var here = reports.Select(r => documents.GetValueOrDefault(r.Document)).OfType<DocumentFacts>().ToList();
        // The originals the reports copy join the rewrites too: a rewrite of a story whose lede only the original (not
        // reported in this incident: a brief cut before the line the incident is told in) shares with it is one story
        // with the original's other copies, as it is by document.
        var originals = here.Select(d => Original(d, documents)).ToList();
        var story = Rewrites.Join([.. here.Concat(originals).DistinctBy(d => d.Id)], d => d.DuplicateOf ?? d.Id);
        string RootOf(string id) => story.GetValueOrDefault(id) ?? CopyOf(id);
        var chosen = new Dictionary<string, SourceReport>(StringComparer.Ordinal);
        foreach (var cluster in reports.GroupBy(r => RootOf(r.Document), StringComparer.Ordinal))
        {
            var best = cluster.OrderBy(r => Strength(r.OriginReason)).ThenBy(r => r.Document == CopyOf(r.Document) && r.Document == cluster.Key ? 0 : 1).First();
            // Copies that credit no one are the reporting of the copy they are named after, not of the earliest (a cut).
            if (Strength(best.OriginReason) == 2 && NamedAfter(cluster.Select(r => r.Document), documents) is { Outlet: { } outlet } source && best.Origin != outlet)
            {
                best = cluster.FirstOrDefault(r => r.Document == source.Id && Strength(r.OriginReason) == 2) ?? best;
                best = best with { Origin = outlet, OriginReason = best.Document == source.Id ? "own reporting" : $"own reporting of {source.Id}, which it copies" };
            }
            chosen[cluster.Key] = best;
        }
        // A copy takes the chosen origin whatever it says; so does a copy sentence by sentence of the chosen text unless it
        // credits an outlet of its own (a quote of another speaker in a text that carries the story's narration is the
        // story's: sites keep or cut the story's quotes, and its reports' speakers vary with the cut). A rewrite by its
        // lede takes it only when it names no source of its own (a rewrite that quotes another speaker or credits another
        // outlet has added reporting of its own).
        return [.. reports.Select(r => !chosen.TryGetValue(RootOf(r.Document), out var c) ? r : c.Document == r.Document ? c
            : CopyOf(r.Document) == CopyOf(c.Document) ? r with { Origin = c.Origin, OriginReason = $"near-duplicate of {c.Document}" }
            : Strength(r.OriginReason) >= 1 && SentenceCopy(r.Document, c.Document, documents) ? r with { Origin = c.Origin, OriginReason = $"copies the story of {c.Document} sentence by sentence" }
            : Strength(r.OriginReason) == 2 ? r with { Origin = c.Origin, OriginReason = $"rewrite of the story of {c.Document}" } : r)];
    }

    /// <summary>The copy that the texts of <paramref name="ids"/> and the originals they copy are named after (<see cref="Source"/>).</summary>
    private static DocumentFacts? NamedAfter(IEnumerable<string> ids, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        var here = ids.Select(documents.GetValueOrDefault).OfType<DocumentFacts>().ToList();
        var copies = here.Concat(here.Select(d => Original(d, documents))).DistinctBy(d => d.Id).ToList();
        return copies.Count == 0 ? null : Source(copies);
    }

    /// <summary>
    /// Whether the text <paramref name="copy"/> carries the text <paramref name="chosen"/> (or the original it copies)
    /// sentence by sentence (<see cref="SharedSentences.Same(DocumentFacts, DocumentFacts)"/>), published at most
    /// <see cref="Rewrites.Days"/> apart.
    /// </summary>
    private static bool SentenceCopy(string copy, string chosen, IReadOnlyDictionary<string, DocumentFacts> documents)
    {
        if (documents.GetValueOrDefault(copy) is not { } a || documents.GetValueOrDefault(chosen) is not { } b) return false;
        if (a.Published is { } pa && b.Published is { } pb && Math.Abs(pa.DayNumber - pb.DayNumber) > Rewrites.Days) return false;
        if (SharedSentences.Same(a, b)) return true;
        var original = Original(b, documents);
        return original != b && SharedSentences.Same(a, original);
    }

    private static int Strength(string reason) =>
        reason.StartsWith("own reporting", StringComparison.Ordinal) ? 2 : reason.StartsWith("quotes ", StringComparison.Ordinal) ? 1 : 0;

    private static bool IsName(string via) => via.Length > 0 && char.IsUpper(via[0]);

    /// <summary>The name to show for names of one origin: the agency's name for a wire, else the longest.</summary>
    private static string Display(IEnumerable<string> names)
    {
        var longest = names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).First();
        return WireCredits.Agency(longest) ?? longest;
    }

    /// <summary>
    /// Where an interview must begin for the text to relay the outlet that held it: within its first 1,200 characters
    /// (about 200 words, the top of a story). A wire story puts the interview it is built on there, and its copies keep
    /// it there; an article of its own that passes on one line an official gave a wire does so further down, as an aside
    /// ("an official told Reuters ..." near the end). On the realnews dev split the interviews of the
    /// wire groups begin at 149-931 characters and the one aside at 1,652.
    /// </summary>
    internal const int InterviewWithin = 1200;

    /// <summary>
    /// The outlet whose report the text passes on, when it is not the text's own outlet (or its original's): the one its
    /// relay line names ("Harbor Ledger reports, citing Al Jazeera"), else the one whose own interview it reports near its top
    /// ("a commander told Reuters", <see cref="InterviewWithin"/>), the one credited most, first in the text among equals.
    /// </summary>
    private static (string? Origin, string Reason) Relayed(DocumentFacts root, DocumentFacts doc)
    {
        var own = new[] { root.Outlet, doc.Outlet }.OfType<string>().Select(Key).ToHashSet(StringComparer.Ordinal);
        if (doc.Relay is { } line && !own.Contains(Key(line))) return (line, $"relays {line}'s report");
        var interviews = doc.Credits.Where(c => c.Interview && c.Start < InterviewWithin && IsName(c.Via) && !own.Contains(Key(c.Via)))
            .GroupBy(c => Key(c.Via)).ToList();
        if (interviews.Count == 0) return (null, "");
        var top = interviews.OrderByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.Start)).First();
        var name = Display(top.Select(c => c.Via));
        return (name, $"reports {name}'s own interview");
    }

    /// <summary>
    /// The outlet the article credits most, leaving out a credit given for a report of another incident only (a background
    /// line's "…, according to United Nations estimates" under the war's toll is not where the day's attack was heard of:
    /// a wire story and its copies, and two independent reports, that close on such a line had all been traced to it).
    /// </summary>
    private static string? MostCredited(DocumentFacts doc, IReadOnlyList<EventFacts> events)
    {
        static bool Overlaps(Credit c, EventFacts e) => c.Start < e.End && e.Start < c.End;
        var mine = events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var elsewhere = doc.Events.Where(e => !mine.Contains(e.Id)).ToList();
        // A running toll none of the incident's events counts ("The war has killed tens of thousands …, according to
        // United Nations estimates") is another count's credit too, as another incident's event is.
        var otherTolls = doc.Tolls.Where(t => !events.Any(e => e.Fatalities is { } f && (f.Min == t.Min || f.Max == t.Min))).ToList();
        var groups = doc.Credits.Where(c => IsName(c.Via) && (events.Any(e => Overlaps(c, e))
                || !elsewhere.Any(e => Overlaps(c, e)) && !otherTolls.Any(t => c.Start < t.End && t.Start < c.End)))
            .GroupBy(c => Key(c.Via)).ToList();
        if (groups.Count == 0) return null;
        var top = groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.Start)).First();
        return Display(top.Select(c => c.Via));
    }

    /// <summary>How many sources the report says stand behind it: the most its events or its credits of the origin name.</summary>
    private static (int? Count, string? Text) SourceCount(IReadOnlyList<EventFacts> events, DocumentFacts? doc, string origin)
    {
        int? best = null;
        string? text = null;
        foreach (var e in events)
        {
            if (e.SourceCount is { } n && (best is null || n > best)) { best = n; text = e.Speaker ?? e.Evidence; }
        }
        if (doc is not null)
        {
            var key = Key(origin);
            foreach (var c in doc.Credits)
            {
                if (c.SourceCount is { } n && Key(c.Via) == key && (best is null || n > best)) { best = n; text = c.SourceText ?? c.Text; }
            }
        }
        return (best, text);
    }
}
