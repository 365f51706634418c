using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>A gold attribution for training: its content and source as character intervals (either may be discontinuous).</summary>
internal readonly record struct GoldSource((int Start, int End)[] Content, (int Start, int End)[] Source);

/// <summary>
/// The learned step of attribution: every quote of a text gets the speaker <see cref="QuoteSpeakerModel"/> ranks
/// first among its candidates, or none. A quote no rule frame holds gets a relation of its own; a quote a frame
/// holds keeps the frame unless <c>overrideRules</c>. Also turns gold attributions into training examples.
/// </summary>
internal static class QuoteSpeakers
{
    /// <summary>Quotes further than this many sentences from the previous speaker do not see it.</summary>
    private const int PreviousSpeakerReach = 4;


    public static void Apply(AnnotatedText text, QuoteSpeakerModel model, List<QuoteMarks.QuoteSpan> quotes, TokenSpan[] quoteTokens,
        List<AttributionRelation> found, bool overrideRules)
    {
        if (quotes.Count == 0 || text.Sentences.Length == 0) return;
        var inQuote = InQuote(text, quoteTokens);
        var tables = QuoteSituation.Tables(text);
        var candidates = new SpeakerCandidate[SpeakerCandidates.MaxCandidates];
        Span<ulong> features = stackalloc ulong[SpeakerCandidates.MaxFeatures];
        int previousHead = -1, previousSentence = -1;
        for (var i = 0; i < quotes.Count; i++)
        {
            var tokens = quoteTokens[i];
            if (tokens.Length == 0) continue;
            var rule = RuleFor(found, tokens);
            var q = Situation(text, quotes[i], tokens, rule, previousHead, previousSentence, tables);
            var n = SpeakerCandidates.Collect(text, inQuote, q, candidates);
            var pick = model.Pick(text, q, candidates.AsSpan(0, n), features);
            if (pick < 0)
            {
                if (rule is { Source: { } kept }) (previousHead, previousSentence) = (kept.EndToken - 1, q.FirstSentence);
                continue;
            }
            var c = candidates[pick];
            if (rule is not null && (rule.Source is { } s && s.StartToken < c.End && c.Start < s.EndToken || !overrideRules))
            {
                if (rule.Source is { } ruleSource) (previousHead, previousSentence) = (ruleSource.EndToken - 1, q.FirstSentence);
                continue;
            }
            var cue = CueNear(text, inQuote, c);
            var attribution = AttributionFinder.Describe(text, text.Span(c.Start, c.End), cue.Text, null, null);
            // No reporting verb near the speaker (a quote continuing the previous speaker's): no verb to report.
            if (cue.StartToken == c.Start) attribution = attribution with { Verb = null };
            if (rule is null) found.Add(new AttributionRelation(cue, tokens, attribution) { Learned = true });
            else found[found.IndexOf(rule)] = rule with { Cue = cue, Attribution = attribution, Learned = true };
            (previousHead, previousSentence) = (c.Head, q.FirstSentence);
        }
    }

    /// <summary>Adds one training example per quote of <paramref name="text"/> whose gold answer is among its candidates.</summary>
    public static void AddExamples(AnnotatedText text, ImmutableArray<AttributionRelation> ruleRelations, IReadOnlyList<GoldSource> gold,
        List<QuoteSpeakerModel.Example> into)
    {
        var quotes = QuoteMarks.Find(text.Text);
        if (quotes.Count == 0 || text.Sentences.Length == 0) return;
        var quoteTokens = new TokenSpan[quotes.Count];
        for (var q = 0; q < quotes.Count; q++) quoteTokens[q] = QuoteMarks.Tokens(text, quotes[q]);
        var inQuote = InQuote(text, quoteTokens);
        var rules = ruleRelations.ToList();
        var tables = QuoteSituation.Tables(text);
        var candidates = new SpeakerCandidate[SpeakerCandidates.MaxCandidates];
        var features = new ulong[SpeakerCandidates.MaxFeatures];
        int previousHead = -1, previousSentence = -1;
        for (var i = 0; i < quotes.Count; i++)
        {
            var tokens = quoteTokens[i];
            if (tokens.Length == 0) continue;
            var q = Situation(text, quotes[i], tokens, RuleFor(rules, tokens), previousHead, previousSentence, tables);
            var n = SpeakerCandidates.Collect(text, inQuote, q, candidates);
            var g = GoldFor(gold, quotes[i]);
            var rows = new ulong[n + 1][];
            var right = new bool[n + 1];
            rows[0] = features.AsSpan(0, SpeakerCandidates.NoSpeakerFeatures(text, q, candidates.AsSpan(0, n), features)).ToArray();
            right[0] = g?.Source is not { Length: > 0 };
            var rightHead = -1;
            for (var c = 0; c < n; c++)
            {
                rows[c + 1] = features.AsSpan(0, SpeakerCandidates.Features(text, q, candidates.AsSpan(0, n), c, features)).ToArray();
                if (right[0] || !Overlaps(g!.Value.Source, text.StartOf(candidates[c].Start), text.EndOf(candidates[c].End - 1))) continue;
                right[c + 1] = true;
                if (rightHead < 0) rightHead = candidates[c].Head;
            }
            if (!right[0] && rightHead < 0) { previousHead = -1; continue; }
            into.Add(new QuoteSpeakerModel.Example(rows, right));
            if (rightHead >= 0) (previousHead, previousSentence) = (rightHead, q.FirstSentence);
        }
    }

    private static QuoteSituation Situation(AnnotatedText text, QuoteMarks.QuoteSpan quote, TokenSpan tokens, AttributionRelation? rule,
        int previousHead, int previousSentence, (int[] EntityTypeAt, int[] ChainAt) tables)
    {
        var first = text.SentenceIndexOf(tokens.StartToken);
        var q = new QuoteSituation
        {
            Quote = tokens,
            FirstSentence = first,
            LastSentence = Math.Max(first, text.SentenceIndexOf(tokens.EndToken - 1)),
            OpensParagraph = quote.OpensParagraph,
            RuleStart = -1,
            RuleEnd = -1,
            PreviousHead = previousHead >= 0 && first - previousSentence <= PreviousSpeakerReach ? previousHead : -1,
            EntityTypeAt = tables.EntityTypeAt,
            ChainAt = tables.ChainAt,
        };
        if (rule?.Source is { } s) (q.RuleStart, q.RuleEnd) = (s.StartToken, s.EndToken);
        return q;
    }

    /// <summary>The rule relation whose content holds the quote most tightly, or null.</summary>
    private static AttributionRelation? RuleFor(List<AttributionRelation> relations, TokenSpan tokens)
    {
        AttributionRelation? best = null;
        foreach (var r in relations)
        {
            if (r.Content.Overlaps(tokens) && (best is null || r.Content.Length < best.Content.Length)) best = r;
        }
        return best;
    }

    /// <summary>The gold attribution whose content covers at least half of the quote's characters, the most covering first.</summary>
    private static GoldSource? GoldFor(IReadOnlyList<GoldSource> gold, QuoteMarks.QuoteSpan quote)
    {
        GoldSource? best = null;
        var bestOverlap = 0;
        foreach (var g in gold)
        {
            var o = 0;
            foreach (var (s, e) in g.Content) o += Math.Max(0, Math.Min(e, quote.End) - Math.Max(s, quote.Start));
            if (o > bestOverlap) { best = g; bestOverlap = o; }
        }
        return 2 * bestOverlap >= quote.End - quote.Start ? best : null;
    }

    private static bool Overlaps((int Start, int End)[] spans, int start, int end)
    {
        foreach (var (s, e) in spans) if (s < end && start < e) return true;
        return false;
    }

    private static bool[] InQuote(AnnotatedText text, TokenSpan[] quoteTokens)
    {
        var inQuote = new bool[text.Count + 1];
        foreach (var q in quoteTokens) Array.Fill(inQuote, true, q.StartToken, q.Length);
        return inQuote;
    }

    /// <summary>The cue of a learned attribution: the reporting verb beside the speaker, else the first in its sentence, else the speaker's words.</summary>
    private static TokenSpan CueNear(AnnotatedText text, bool[] inQuote, SpeakerCandidate c)
    {
        var next = c.End;
        while (next < text.Count && next - c.End < 3 && AttributionWords.VerbPrefixes.Contains(text.WordOf(next))) next++;
        if (next < text.Count && AttributionWords.CueVerbs.ContainsKey(text.WordOf(next))) return text.Span(next, next + 1);
        if (c.Start > 0 && AttributionWords.CueVerbs.ContainsKey(text.WordOf(c.Start - 1))) return text.Span(c.Start - 1, c.Start);
        var sentence = text.SentenceOf(c.Head);
        for (var k = sentence.StartToken; k < sentence.EndToken; k++)
            if (!inQuote[k] && AttributionWords.CueVerbs.ContainsKey(text.WordOf(k))) return text.Span(k, k + 1);
        return text.Span(c.Start, c.End);
    }
}
