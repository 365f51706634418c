using System.Collections.Immutable;

namespace Crosscheck.Language;

/// <summary>
/// Links mentions of the same person or organization inside one text: full names with later surnames
/// ("Pete Hegseth" … "Hegseth"), entries the gazetteers know under several names, acronyms introduced in
/// brackets, office titles used alone ("the president"), and the pronouns he/him/his and she/her. Rules,
/// not a model: every link can be explained by the rule that made it.
/// </summary>
public sealed class CoreferenceResolver : IPipelineComponent
{
    public string Name => "coref";
    public Annotations Requires => Annotations.Sentences | Annotations.Entities;
    public Annotations Sets => Annotations.Coreference;

    /// <summary>How many sentences back a pronoun or a bare title may look for its antecedent.</summary>
    public int SentenceWindow { get; init; } = 2;

    private static readonly ImmutableHashSet<string> MalePronouns = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "he", "him", "his", "himself");
    private static readonly ImmutableHashSet<string> FemalePronouns = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "she", "her", "hers", "herself");

    public void Process(AnnotatedText text)
    {
        var clusters = new List<Cluster>();
        var byKey = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        Func<int, int> sentenceIndex = text.SentenceIndexOf;

        // Named mentions first, in text order, so a later surname finds the full name before it.
        var mentions = text.Entities.Where(m => m.Type is not (EntityType.Gpe or EntityType.Loc or EntityType.Norp)).OrderBy(m => m.Span.StartToken).ToList();
        var pending = new List<EntityMention>();
        foreach (var m in mentions)
        {
            var cluster = FindNamed(m, clusters, byKey);
            if (cluster is null && m.Type == EntityType.Person && m.Name.Length == 1 && m.Known is null)
            {
                // A lone surname may be introduced in full later in the text ("Hegseth said … Defense Secretary Pete Hegseth").
                pending.Add(m);
                continue;
            }
            cluster ??= NewCluster(m, clusters, byKey);
            cluster.Add(m.Span, sentenceIndex(m.Span.StartToken), m);
            Register(cluster, m, byKey);
        }
        foreach (var m in pending)
        {
            var cluster = FindNamed(m, clusters, byKey) ?? NewCluster(m, clusters, byKey);
            cluster.Add(m.Span, sentenceIndex(m.Span.StartToken), m);
            Register(cluster, m, byKey);
        }

        ResolveBareTitles(text, clusters, sentenceIndex);
        ResolvePronouns(text, clusters, sentenceIndex);

        text.Coreference = clusters
            .Select(c => new CorefChain(c.Name, c.Type, [.. c.Mentions.OrderBy(s => s.StartToken)]) { Known = c.Known, Titles = [.. c.Titles.Order(StringComparer.Ordinal)] })
            .OrderBy(c => c.Mentions[0].StartToken)
            .ToImmutableArray();
    }

    private static Cluster? FindNamed(EntityMention m, List<Cluster> clusters, Dictionary<string, Cluster> byKey)
    {
        if (m.Known is not null && byKey.TryGetValue("k:" + m.Known.Key, out var known)) return known;
        var name = Normalize(m.Name.Text);
        if (byKey.TryGetValue(TypeKey(m.Type) + name, out var same)) return same;
        if (m.Type == EntityType.Person && m.Name.Length == 1 && byKey.TryGetValue("surname:" + name, out var bySurname)) return bySurname;
        if (m.Type is EntityType.Org or EntityType.Group or EntityType.Outlet && IsAcronym(m.Name.Text))
        {
            foreach (var c in clusters)
            {
                if (c.Type == m.Type && c.Acronyms.Contains(m.Name.Text)) return c;
            }
        }
        return null;
    }

    private static Cluster NewCluster(EntityMention m, List<Cluster> clusters, Dictionary<string, Cluster> byKey)
    {
        var c = new Cluster(m.Known?.Name ?? m.Name.Text, m.Type, m.Known);
        clusters.Add(c);
        return c;
    }

    private static void Register(Cluster c, EntityMention m, Dictionary<string, Cluster> byKey)
    {
        if (m.Known is not null) byKey.TryAdd("k:" + m.Known.Key, c);
        byKey.TryAdd(TypeKey(m.Type) + Normalize(m.Name.Text), c);
        if (c.Known is null && m.Known is not null) c.Known = m.Known;
        // The longest name seen becomes the chain's name unless a gazetteer entry names it.
        if (c.Known is null && m.Name.Text.Length > c.Name.Length && m.Name.Length >= CountWords(c.Name)) c.Name = m.Name.Text;
        if (c.Known is not null) c.Name = c.Known.Name;
        if (m.Title is not null) c.Titles.Add(m.Title);
        if (m.Type == EntityType.Person && m.Name.Length >= 2)
        {
            var surname = Normalize(m.Name[m.Name.Length - 1].Text);
            byKey.TryAdd("surname:" + surname, c);
        }
        if (m.Type is EntityType.Org or EntityType.Group or EntityType.Outlet)
        {
            var initials = Initials(m.Name);
            if (initials.Length >= 2) c.Acronyms.Add(initials);
            // "Department of Homeland Security (DHS)": the bracketed acronym names the same body.
            var owner = m.Span.Owner;
            var after = m.Span.EndToken;
            if (after + 2 < owner.Count && owner.WordOf(after) == "(" && owner.WordOf(after + 2) == ")" && IsAcronym(owner.WordOf(after + 1)))
                c.Acronyms.Add(owner.WordOf(after + 1));
        }
    }

    /// <summary>
    /// An office title that names nobody ("the president said") refers to the person the text last gave that
    /// title, or whose gazetteer entry holds it ("President" matches "President of Mexico").
    /// </summary>
    private static void ResolveBareTitles(AnnotatedText text, List<Cluster> clusters, Func<int, int> sentenceIndex)
    {
        if (text.GazetteerMatches.IsEmpty) return;
        var people = clusters.Where(c => c.Type == EntityType.Person).ToList();
        if (people.Count == 0) return;
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Kind != Gazetteers.GazetteerMatchKind.Title || m.Title is null) continue;
            // Titles that are part of a named mention ("Secretary of War Pete Hegseth") are already in their chain.
            if (text.Entities.Any(e => e.Span.StartToken <= m.StartToken && m.EndToken <= e.Span.EndToken)) continue;
            // "the president" or "President": the next word must not be a name the recognizer missed.
            if (m.EndToken < text.Count && text.WordOf(m.EndToken) is { Length: > 0 } next && char.IsUpper(next[0])) continue;
            var wanted = m.CanonicalTitle ?? m.Title.Canonical;
            Cluster? best = null;
            var bestToken = -1;
            foreach (var c in people)
            {
                if (!c.Titles.Any(t => SameOffice(t, wanted)) && !(c.Known?.Titles.Any(t => SameOffice(t, wanted)) ?? false)) continue;
                var last = c.Mentions.Where(s => s.StartToken < m.StartToken).Select(s => s.StartToken).DefaultIfEmpty(-1).Max();
                if (last > bestToken) { best = c; bestToken = last; }
            }
            if (best is null || bestToken < 0) continue;
            best.Add(text.Span(m.StartToken, m.EndToken), sentenceIndex(m.StartToken), null);
        }
    }

    /// <summary>"President" names the same office as "President of Mexico"; "Secretary of War" only itself.</summary>
    private static bool SameOffice(string held, string said) =>
        string.Equals(held, said, StringComparison.OrdinalIgnoreCase)
        || held.StartsWith(said + " of ", StringComparison.OrdinalIgnoreCase);

    private void ResolvePronouns(AnnotatedText text, List<Cluster> clusters, Func<int, int> sentenceIndex)
    {
        var window = SentenceWindow;
        var people = clusters.Where(c => c.Type == EntityType.Person).ToList();
        if (people.Count == 0) return;
        for (var i = 0; i < text.Count; i++)
        {
            var w = text.WordOf(i);
            var male = MalePronouns.Contains(w);
            var female = !male && FemalePronouns.Contains(w);
            if (!male && !female) continue;
            var sentence = sentenceIndex(i);
            var wanted = male ? Gender.Male : Gender.Female;
            Cluster? best = null;
            var bestToken = -1;
            foreach (var c in people)
            {
                if (c.Gender != Gender.Unknown && c.Gender != wanted) continue;
                // The nearest earlier mention within the window.
                for (var k = c.Mentions.Count - 1; k >= 0; k--)
                {
                    var s = c.Mentions[k];
                    if (s.StartToken >= i) continue;
                    if (sentence - c.MentionSentences[k] > window) break;
                    if (s.StartToken > bestToken) { best = c; bestToken = s.StartToken; }
                    break;
                }
            }
            if (best is null) continue;
            best.Add(text.Span(i, i + 1), sentence, null);
            if (best.Gender == Gender.Unknown) best.Gender = wanted;
        }
    }

    private static string TypeKey(EntityType type) => type switch
    {
        EntityType.Person => "p:",
        _ => "o:",
    };

    internal static string Normalize(string name) =>
        name.Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant();

    private static int CountWords(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static bool IsAcronym(string w) => w.Length is >= 2 and <= 8 && w.All(ch => char.IsUpper(ch) || ch == '-' || char.IsDigit(ch)) && w.Any(char.IsLetter);

    private static string Initials(TokenSpan name)
    {
        if (name.Length < 2) return "";
        var chars = new List<char>();
        foreach (var t in name.Tokens)
        {
            if (t.Text.Length > 0 && char.IsUpper(t.Text[0])) chars.Add(t.Text[0]);
        }
        return new string([.. chars]);
    }

    private enum Gender { Unknown, Male, Female }

    private sealed class Cluster(string name, EntityType type, KnownEntity? known)
    {
        public string Name { get; set; } = name;
        public EntityType Type { get; } = type;
        public KnownEntity? Known { get; set; } = known;
        public Gender Gender { get; set; }
        public List<TokenSpan> Mentions { get; } = [];
        public List<int> MentionSentences { get; } = [];
        public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Acronyms { get; } = new(StringComparer.Ordinal);

        public void Add(TokenSpan span, int sentence, EntityMention? mention)
        {
            // Keep mentions in text order so "nearest earlier" is a backwards scan.
            var at = Mentions.FindIndex(s => s.StartToken > span.StartToken);
            if (at < 0) { Mentions.Add(span); MentionSentences.Add(sentence); }
            else { Mentions.Insert(at, span); MentionSentences.Insert(at, sentence); }
            if (mention is not null && Gender == Gender.Unknown && mention.Span.Length > mention.Name.Length)
            {
                var first = mention.Span.Owner.WordOf(mention.Span.StartToken);
                if (first is "Mr." or "Mr") Gender = Gender.Male;
                else if (first is "Mrs." or "Ms." or "Mrs" or "Ms") Gender = Gender.Female;
            }
        }
    }
}
