using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// One attribution in a text: the words credited (<see cref="Content"/>), the report frame's verb or phrase
/// (<see cref="Cue"/>: "told", "according to") and who they are credited to (<see cref="Attribution"/>, whose
/// <see cref="Attribution.Speaker"/> is the source's words).
/// </summary>
public sealed record AttributionRelation(TokenSpan Cue, TokenSpan Content, Attribution Attribution)
{
    /// <summary>The words naming the source ("two US officials", "she"); null when the text names none.</summary>
    public TokenSpan? Source => Attribution.Speaker;

    /// <summary>Whether the speaker came from the learned quote-speaker ranker rather than a rule frame.</summary>
    public bool Learned { get; init; }
}

/// <summary>
/// Finds who a statement is credited to: the report frame around a clause ("two US officials told NBC News",
/// "according to Reuters", "NBC News reported"), the speaker, how many sources, the outlet credited and the verb.
/// Rules over words and tags, one pass per text; thread-safe.
/// </summary>
public sealed partial class AttributionFinder
{
    public static readonly AttributionFinder Default = new();

    /// <summary>The learned quote-speaker ranker (the embedded model by default); null reads with the rules alone.</summary>
    internal QuoteSpeakerModel? Speakers
    {
        // The embedded model is loaded on first use, so a finder given its own model (or none) never touches it.
        get => _speakersGiven ? _speakers : QuoteSpeakerModel.Embedded;
        init => (_speakers, _speakersGiven) = (value, true);
    }

    private readonly QuoteSpeakerModel? _speakers;
    private readonly bool _speakersGiven;

    /// <summary>Whether the ranker's speaker replaces the speaker of a rule frame holding the quote (false: it only adds quotes no frame holds).</summary>
    internal bool SpeakersOverrideRules { get; init; }

    private readonly ConditionalWeakTable<AnnotatedText, RelationsBox> _cache = new();

    private sealed class RelationsBox(ImmutableArray<AttributionRelation> relations)
    {
        public ImmutableArray<AttributionRelation> Relations { get; } = relations;
    }

    /// <summary>
    /// The attribution of the clause around <paramref name="focus"/> in <paramref name="sentence"/>: the frame of
    /// that sentence whose content holds the focus (the innermost when frames nest); unattributed when none does.
    /// A frame in another sentence is not used, nor a frame whose content is another clause of the sentence.
    /// </summary>
    public Attribution Find(AnnotatedText text, TokenSpan sentence, TokenSpan focus)
    {
        ArgumentNullException.ThrowIfNull(text);
        AttributionRelation? best = null;
        // Only frames cued inside the sentence are looked at.
        foreach (var r in FindAll(text))
        {
            if (r.Cue.StartToken < sentence.StartToken || r.Cue.StartToken >= sentence.EndToken || !r.Content.Contains(focus.StartToken)) continue;
            if (best is null || r.Content.Length < best.Content.Length) best = r;
        }
        return best?.Attribution ?? Attribution.Unattributed;
    }

    /// <summary>Every attribution of <paramref name="text"/>, in text order of their cues. Computed once per text.</summary>
    public ImmutableArray<AttributionRelation> FindAll(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.GetValue(text, t => new RelationsBox(Compute(t))).Relations;
    }

    // ---- The finder. ----

    private ImmutableArray<AttributionRelation> Compute(AnnotatedText text)
    {
        var quotes = QuoteMarks.Find(text.Text);
        var quoteTokens = new TokenSpan[quotes.Count];
        for (var q = 0; q < quotes.Count; q++) quoteTokens[q] = QuoteMarks.Tokens(text, quotes[q]);
        var found = new List<AttributionRelation>();
        foreach (var sentence in text.Sentences)
        {
            // A sentence the splitter ran over a line break (a caption, a headline) is read line by line.
            var start = sentence.StartToken;
            for (var i = sentence.StartToken + 1; i <= sentence.EndToken; i++)
            {
                if (i < sentence.EndToken && !LineBreakBefore(text, i)) continue;
                ReadUnit(text, text.Span(start, i), quoteTokens, found);
                start = i;
            }
        }
        DashCredits.Add(text, quotes, quoteTokens, found);
        found.Sort((a, b) => a.Cue.StartToken.CompareTo(b.Cue.StartToken));
        ResolvePronouns(found);
        if (Speakers is { } model)
        {
            QuoteSpeakers.Apply(text, model, quotes, quoteTokens, found, SpeakersOverrideRules);
            found.Sort((a, b) => a.Cue.StartToken.CompareTo(b.Cue.StartToken));
            ResolvePronouns(found);
        }
        else AddContinuedQuotes(text, quotes, quoteTokens, found);
        found.Sort((a, b) => a.Content.StartToken != b.Content.StartToken ? a.Content.StartToken.CompareTo(b.Content.StartToken) : a.Cue.StartToken.CompareTo(b.Cue.StartToken));
        return [.. found];
    }

    private static bool LineBreakBefore(AnnotatedText text, int token)
    {
        var s = text.Text;
        for (var j = text.StartOf(token) - 1; j >= 0 && j >= text.EndOf(token - 1); j--) if (s[j] == '\n') return true;
        return false;
    }

    /// <summary>Reads the frames of one sentence (or one line of a sentence).</summary>
    private static void ReadUnit(AnnotatedText text, TokenSpan unit, TokenSpan[] quoteTokens, List<AttributionRelation> found)
    {
        if (SpeakerLine(text, unit) is { } line) found.Add(line);
        for (var i = unit.StartToken; i < unit.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (InsideQuote(quoteTokens, i)) continue;
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < unit.EndToken && text.WordOf(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                if (AccordingTo(text, unit, i, found) is { } r) found.Add(r);
                continue;
            }
            string? lemma;
            var cueEnd = i + 1;
            if (w is "made" or "make" or "makes" or "making" && MakeClear(text, unit, i) is { } clearEnd)
            {
                lemma = "make clear";
                cueEnd = clearEnd;
            }
            else if (!AttributionWords.CueVerbs.TryGetValue(w, out lemma)) continue;
            if (Frame(text, unit, i, cueEnd, lemma, quoteTokens) is { } frame) found.Add(frame);
        }
    }

    private static bool InsideQuote(TokenSpan[] quoteTokens, int token)
    {
        foreach (var q in quoteTokens) if (q.Contains(token)) return true;
        return false;
    }
}
