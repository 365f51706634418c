using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Which parts of speech a trigger word may have.</summary>
public enum TriggerPos
{
    Any,
    Verb,
    Noun,
    /// <summary>A passive participle after a form of "be": "the latest was carried out".</summary>
    Passive,
}

/// <summary>
/// One lexicon entry: a word or phrase (base forms, <c>*</c> for a gap of up to four words) that names an event of a PLOVER type.
/// <see cref="Needs"/> are words (base forms) of which one must occur near the phrase in its sentence ("discover" names a
/// seizure only near "weapons", "explosives" ...); <see cref="Forbids"/> are words none of which may ("ask" near "comment").
/// </summary>
public sealed record TriggerEntry(ImmutableArray<string> Words, PloverType Type, TriggerPos Pos, ImmutableArray<string> Modes,
    ImmutableArray<string> Contexts, double Weight)
{
    public string Phrase => string.Join(' ', Words);

    public ImmutableArray<string> Needs { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> Forbids { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Words that forbid the entry only as nouns, written <c>!word/N</c> ("killed in a fire", not "shells fired").</summary>
    public ImmutableArray<string> ForbidsAsNoun { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>A lexicon entry found in a text.</summary>
public sealed record TriggerMatch(TokenSpan Span, TriggerEntry Entry)
{
    /// <summary>The token that carries tense and modality: the first verb of the phrase, else its last word.</summary>
    public int Head { get; init; }
}

/// <summary>
/// The event words: phrases in base form mapped to PLOVER types, with modes and contexts, read from
/// <c>data/events/triggers.txt</c> (embedded). Lines are <c>phrase TAB TYPE TAB pos TAB modes TAB contexts TAB weight [TAB near]</c>;
/// <c>pos</c> is V (verb), N (noun), P (passive participle) or *; modes and contexts are comma lists or <c>-</c>; <c>near</c> is a comma list of words, one of which
/// must occur within <see cref="NearWindow"/> words of the phrase in its sentence, and of words prefixed <c>!</c> none of which
/// may; <c>#</c> starts a comment.
/// </summary>
public sealed class TriggerLexicon
{
    private static readonly Lazy<TriggerLexicon> Shared = new(() =>
    {
        using var stream = typeof(TriggerLexicon).Assembly.GetManifestResourceStream("Crosscheck.Events.triggers.txt")
            ?? throw new InvalidOperationException("The trigger lexicon is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "triggers.txt");
    });

    /// <summary>How far (in words, either side) a trigger's needed or forbidden words are looked for.</summary>
    public const int NearWindow = 10;

    private readonly FrozenDictionary<string, ImmutableArray<TriggerEntry>> _byFirstWord;

    private TriggerLexicon(IEnumerable<TriggerEntry> entries)
    {
        Entries = [.. entries];
        _byFirstWord = Entries.GroupBy(e => e.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToImmutableArray(), StringComparer.Ordinal);
    }

    public static TriggerLexicon Default => Shared.Value;

    public ImmutableArray<TriggerEntry> Entries { get; }

    /// <summary>True when some entry starts with <paramref name="baseForm"/>.</summary>
    public bool Starts(string baseForm) => _byFirstWord.ContainsKey(baseForm);

    /// <summary>Parses lexicon text; <paramref name="name"/> names it in errors.</summary>
    public static TriggerLexicon Parse(string content, string name)
    {
        var entries = new List<TriggerEntry>();
        foreach (var (lineNumber, f) in TabLines.Of(content))
        {
            if (f.Length < 2) throw new FormatException($"{name}:{lineNumber}: expected phrase TAB TYPE [TAB pos TAB modes TAB contexts TAB weight]");
            if (!PloverTypes.TryParse(f[1].Trim(), out var type)) throw new FormatException($"{name}:{lineNumber}: '{f[1]}' is not a PLOVER type");
            var pos = f.Length > 2 ? f[2].Trim() switch
            {
                "V" => TriggerPos.Verb,
                "N" => TriggerPos.Noun,
                "P" => TriggerPos.Passive,
                "*" or "" => TriggerPos.Any,
                var p => throw new FormatException($"{name}:{lineNumber}: part of speech '{p}' is not V, N, P or *"),
            } : TriggerPos.Any;
            var words = f[0].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToImmutableArray();
            if (words.Length == 0 || words[0] == "*" || words[^1] == "*") throw new FormatException($"{name}:{lineNumber}: a phrase may not start or end with a gap");
            var weight = 1.0;
            if (f.Length > 5 && f[5].Trim().Length > 0 && !double.TryParse(f[5].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                throw new FormatException($"{name}:{lineNumber}: weight '{f[5]}' is not a number");
            var near = List(f, 6);
            entries.Add(new TriggerEntry(words, type, pos, List(f, 3), List(f, 4), weight)
            {
                Needs = [.. near.Where(w => !w.StartsWith('!')).Select(w => w.ToLowerInvariant())],
                Forbids = [.. near.Where(w => w.StartsWith('!') && w.Length > 1 && !IsNounOnly(w)).Select(w => w[1..].ToLowerInvariant())],
                ForbidsAsNoun = [.. near.Where(w => w.StartsWith('!') && IsNounOnly(w) && w.Length > 3).Select(w => w[1..^2].ToLowerInvariant())],
            });
        }
        return new TriggerLexicon(entries);
    }

    private static ImmutableArray<string> List(string[] f, int i) =>
        f.Length > i && f[i].Trim() is { Length: > 0 } s && s != "-"
            ? [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : ImmutableArray<string>.Empty;

    /// <summary>The entries found in <paramref name="sentence"/>, longest first where they overlap, in text order.</summary>
    public ImmutableArray<TriggerMatch> Match(AnnotatedText text, TokenSpan sentence)
    {
        // The event reader, the toll cues and the anchored days each ask for a sentence's triggers, the toll cues once per
        // statement; a text's words and tags do not change once the pipeline ran, so each sentence is matched once.
        var memo = _matched.GetValue(text, static _ => new MatchMemo());
        var key = (sentence.StartToken, sentence.EndToken);
        lock (memo.Lock)
        {
            if (memo.Read.TryGetValue(key, out var known)) return known;
        }
        var found = Read(text, sentence);
        lock (memo.Lock) memo.Read[key] = found;
        return found;
    }

    private readonly ConditionalWeakTable<AnnotatedText, MatchMemo> _matched = new();

    private sealed class MatchMemo
    {
        public readonly Dictionary<(int Start, int End), ImmutableArray<TriggerMatch>> Read = [];
        public readonly Lock Lock = new();
    }

    private ImmutableArray<TriggerMatch> Read(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<TriggerMatch>();
        var lemmas = TokenLemmas.Of(text);
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            // A name inside a date ("the March 2025 earthquake") is the month, no event.
            if (text.PosOf(i) is "NNP" && text.InTime(i)) continue;
            TriggerMatch? best = null;
            foreach (var candidate in lemmas.At(i))
            {
                if (!_byFirstWord.TryGetValue(candidate, out var entries)) continue;
                foreach (var entry in entries)
                {
                    if (!PosFits(text, i, entry, 0)) continue;
                    if (TryMatch(text, sentence, i, entry, lemmas) is { } end && (best is null || end - i > best.Span.Length) && NearFits(text, sentence, i, end, entry, lemmas))
                        best = new TriggerMatch(text.Span(i, end), entry) { Head = HeadOf(text, i, end) };
                }
            }
            if (best is null) continue;
            // Longest wins where matches overlap.
            if (found.Count > 0 && found[^1].Span.EndToken > i)
            {
                if (found[^1].Span.Length >= best.Span.Length) continue;
                found.RemoveAt(found.Count - 1);
            }
            found.Add(best);
        }
        return [.. found];
    }

    private static int? TryMatch(AnnotatedText text, TokenSpan sentence, int start, TriggerEntry entry, TokenLemmas lemmas)
    {
        var j = start + 1;
        for (var w = 1; w < entry.Words.Length; w++)
        {
            if (entry.Words[w] == "*")
            {
                // A gap of up to four words that crosses no punctuation (possessives are words here), then the next word.
                var next = entry.Words[w + 1];
                var hit = -1;
                for (var k = j; k < Math.Min(j + 5, sentence.EndToken); k++)
                {
                    if (Is(lemmas, k, next)) { hit = k; break; }
                    var word = text.WordOf(k);
                    if (!char.IsLetterOrDigit(word[0]) && word is not ("'s" or "’s" or "-")) break;
                }
                if (hit < 0) return null;
                // The verb's object ends the phrase: a word that modifies the noun after it is no object ("launched a
                // drone and missile attack" launches an attack, not a missile; the noun phrase names the event).
                if (w + 2 == entry.Words.Length && entry.Pos == TriggerPos.Verb && hit + 1 < sentence.EndToken
                    && text.PosOf(hit + 1) is "NN" or "NNS" && !text.InTime(hit + 1)) return null;
                j = hit + 1;
                w++;
                continue;
            }
            if (j >= sentence.EndToken || !Is(lemmas, j, entry.Words[w])) return null;
            j++;
        }
        return j;
    }

    private static bool IsNounOnly(string word) => word.EndsWith("/N", StringComparison.Ordinal);

    /// <summary>True when a needed word (if any) and no forbidden word occurs within <see cref="NearWindow"/> words of the phrase.</summary>
    private static bool NearFits(AnnotatedText text, TokenSpan sentence, int start, int end, TriggerEntry entry, TokenLemmas lemmas)
    {
        if (entry.Needs.IsEmpty && entry.Forbids.IsEmpty && entry.ForbidsAsNoun.IsEmpty) return true;
        var needed = entry.Needs.IsEmpty;
        var from = Math.Max(sentence.StartToken, start - NearWindow);
        var to = Math.Min(sentence.EndToken, end + NearWindow);
        for (var k = from; k < to; k++)
        {
            if (k >= start && k < end) continue;
            foreach (var c in lemmas.At(k))
            {
                if (entry.Forbids.Contains(c)) return false;
                if (entry.ForbidsAsNoun.Contains(c) && text.PosOf(k) is { } tag && tag.StartsWith("NN", StringComparison.Ordinal)) return false;
                if (!needed && entry.Needs.Contains(c)) needed = true;
            }
        }
        return needed;
    }

    private static bool Is(TokenLemmas lemmas, int i, string baseForm)
    {
        foreach (var c in lemmas.At(i))
        {
            if (c == baseForm) return true;
        }
        return false;
    }

    private static bool PosFits(AnnotatedText text, int i, TriggerEntry entry, int _)
    {
        if (entry.Pos == TriggerPos.Any) return true;
        var pos = text.PosOf(i);
        if (entry.Pos == TriggerPos.Passive)
        {
            for (var j = i - 1; j >= 0 && j >= i - 3; j--)
            {
                if (text.WordOf(j) is "was" or "were" or "been" or "being" or "be" or "is" or "are") return true;
            }
            return false;
        }
        if (pos is null) return true;
        // "took the wounded to hospital", "the injured were flown out", "two of the seven wounded": a participle after "the"
        // (and a number) with no noun after it names a group of people, not an act.
        if (entry.Pos == TriggerPos.Verb && AfterThe(text, i) && text.WordOf(i).EndsWith("ed", StringComparison.OrdinalIgnoreCase)
            && !(i + 1 < text.Count && text.PosOf(i + 1) is { } next && (next.StartsWith("NN", StringComparison.Ordinal) || next == "JJ"))) return false;
        // A present participle after a noun that the parse makes another noun's modifier is a compound adjective ("life
        // threatening injuries"), not an act ("after destroying targets" stays one, however it is parsed).
        // The parse is read only when a noun follows, which a modifier needs (reading it costs a parse of the sentence).
        if (entry.Pos == TriggerPos.Verb && pos == "VBG" && i > 0 && text.PosOf(i - 1) is "NN" or "NNS"
            && i + 1 < text.Count && text.PosOf(i + 1) is "NN" or "NNS" && text.RelationOf(i) == "amod") return false;
        return entry.Pos == TriggerPos.Verb
            ? pos.StartsWith("VB", StringComparison.Ordinal) || (pos == "JJ" && text.WordOf(i).EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            : pos.StartsWith("NN", StringComparison.Ordinal) || pos == "JJ";
    }

    /// <summary>Whether the word follows "the", right after it or after a number ("the wounded", "the seven wounded").</summary>
    private static bool AfterThe(AnnotatedText text, int i)
    {
        var j = i - 1;
        if (j > 0 && text.PosOf(j) == "CD") j--;
        return j >= 0 && text.WordOf(j) is "the" or "The";
    }

    private static int HeadOf(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) return i;
        }
        return end - 1;
    }
}
