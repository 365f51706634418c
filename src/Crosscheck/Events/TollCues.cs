using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

/// <summary>
/// The words that make a count a running toll, read from <c>data/events/tolls.txt</c> (embedded): toll nouns
/// ("death toll", "number of dead") with the link words before their number, cues that make a count a total
/// ("since September", "so far", "in all"), campaign words ("the war"), and the plural nouns whose counts are
/// tolls of events ("strikes", "boats"). Both <see cref="CasualtyFinder"/> (which leaves tolls out of events'
/// casualties) and <see cref="TollFinder"/> (which reads them as tolls) ask it, so the two always agree.
/// </summary>
public sealed partial class TollCues
{
    private static readonly Lazy<TollCues> Shared = new(() =>
    {
        using var stream = typeof(TollCues).Assembly.GetManifestResourceStream("Crosscheck.Events.tolls.txt")
            ?? throw new InvalidOperationException("The toll cues are not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "tolls.txt");
    });

    public static TollCues Default => Shared.Value;

    /// <summary>How far before and after a count a cue is looked for, in words, within its clause.</summary>
    private const int Before = 8, After = 10;

    private static readonly FrozenSet<string> ClauseBreaks = FrozenSet.ToFrozenSet([";", ":", "–", "—", "(", ")", "\"", "“", "”"], StringComparer.Ordinal);
    /// <summary>Words that open a clause about what comes before them ("since March, when a guard was killed").</summary>
    private static readonly FrozenSet<string> Relatives = FrozenSet.ToFrozenSet(["when", "where", "which"], StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Contrasts = FrozenSet.ToFrozenSet(["while", "whereas", "but", "although", "though"], StringComparer.OrdinalIgnoreCase);

    private readonly ImmutableArray<(string[] Words, TollMeasure Measure)> _nouns;
    private readonly ImmutableArray<(string[] Words, bool Since)> _cues;
    /// <summary>The nouns and cues by their first word (in the order above), so a word is looked up once rather than compared with each.</summary>
    private readonly FrozenDictionary<string, (string[] Words, TollMeasure Measure)[]> _nounsByFirst;
    private readonly FrozenDictionary<string, (string[] Words, bool Since)[]> _cuesByFirst;
    private readonly FrozenSet<string> _links;
    private readonly FrozenSet<string> _campaigns;
    private readonly FrozenSet<string> _moments;
    private readonly FrozenDictionary<string, TollMeasure> _units;
    private readonly FrozenSet<string> _ownVictims;
    private readonly FrozenSet<string> _claimVerbs;
    private readonly FrozenSet<string> _reciprocal;
    private readonly FrozenDictionary<string, int> _ordinals;
    private readonly FrozenSet<string> _starts;
    private readonly FrozenSet<string> _fronts;
    private readonly FrozenSet<string> _raises;
    private readonly FrozenDictionary<string, TollMeasure> _counts;
    private readonly FrozenSet<string> _changes;
    private readonly FrozenSet<string> _exceeds;
    private readonly FrozenSet<string> _series;
    private readonly FrozenSet<string> _divisions;
    private readonly FrozenSet<string> _spans;
    private readonly FrozenSet<string> _losses;
    /// <summary>Nouns that head a tally of the people named after their "of" (<c>head</c> lines: "number", "tally").</summary>
    private readonly FrozenSet<string> _heads;
    /// <summary>The cues that only say a count adds up what the text told ("in all"; <c>sum</c> lines).</summary>
    private readonly FrozenSet<string> _sums;
    /// <summary>The cues that hold only before a word of a span of time (<c>timed</c> lines), and those words (<c>period</c>).</summary>
    private readonly FrozenSet<string> _timed;
    private readonly FrozenSet<string> _periods;
    /// <summary>The <c>timed</c> cues that name a stretch of the year by its order (<c>stretch</c> lines: "in the third quarter").</summary>
    private readonly FrozenSet<string> _stretches;

    /// <summary>Words that tell a count as an earlier one (<c>earlier</c> lines: "earlier reports", "had initially").</summary>
    private readonly List<string[]> _earlier;

    private TollCues(List<(string[], TollMeasure)> nouns, List<(string[], bool)> cues, HashSet<string> links, HashSet<string> campaigns,
        HashSet<string> moments, Dictionary<string, TollMeasure> units, HashSet<string> ownVictims, HashSet<string> claimVerbs, HashSet<string> reciprocal, Dictionary<string, int> ordinals,
        HashSet<string> starts, HashSet<string> fronts, HashSet<string> raises, Dictionary<string, TollMeasure> counts, HashSet<string> changes, HashSet<string> exceeds, HashSet<string> series, HashSet<string> divisions, HashSet<string> spans, HashSet<string> losses, HashSet<string> sums,
        HashSet<string> timed, HashSet<string> periods, List<string[]> earlier, HashSet<string> heads, HashSet<string> stretches, Dictionary<string, HashSet<string>> groups)
    {
        _groups = groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        _stretches = stretches.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _earlier = earlier;
        _heads = heads.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _timed = timed.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _periods = periods.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _sums = sums.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _losses = losses.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _spans = spans.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _divisions = divisions.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _series = series.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _exceeds = exceeds.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _raises = raises.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _counts = counts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _changes = changes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _starts = starts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _fronts = fronts.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _ordinals = ordinals.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _reciprocal = reciprocal.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _ownVictims = ownVictims.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _claimVerbs = claimVerbs.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _nouns = [.. nouns.OrderByDescending(n => n.Item1.Length)];
        _cues = [.. cues.OrderByDescending(c => c.Item1.Length)];
        _nounsByFirst = _nouns.GroupBy(n => n.Words[0], StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _cuesByFirst = _cues.GroupBy(c => c.Words[0], StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        _links = links.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _campaigns = campaigns.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _moments = moments.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _units = units.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Parses cue text; <paramref name="name"/> names it in errors.</summary>
    public static TollCues Parse(string content, string name)
    {
        var nouns = new List<(string[], TollMeasure)>();
        var cues = new List<(string[], bool)>();
        var links = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var campaigns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var moments = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var units = new Dictionary<string, TollMeasure>(StringComparer.OrdinalIgnoreCase);
        var ownVictims = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var claimVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var reciprocal = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var starts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fronts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var raises = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var counts = new Dictionary<string, TollMeasure>(StringComparer.OrdinalIgnoreCase);
        var changes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exceeds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var series = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var divisions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var spans = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var losses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sums = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var timed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stretches = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var periods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var earlier = new List<string[]>();
        var heads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groups = GroupKinds.ToDictionary(k => k, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var (lineNumber, f) in TabLines.Of(content))
        {
            if (f.Length < 2 || f[1].Trim().Length == 0) throw new FormatException($"{name}:{lineNumber}: expected kind TAB phrase [TAB measure]");
            var words = f[1].Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            TollMeasure Measure() => f.Length > 2 && TollMeasures.TryParse(f[2].Trim(), out var m) ? m
                : throw new FormatException($"{name}:{lineNumber}: '{(f.Length > 2 ? f[2] : "")}' is not a toll measure");
            switch (f[0].Trim())
            {
                case "noun": nouns.Add((words, Measure())); break;
                case "link": links.Add(words[0]); break;
                case "cue": cues.Add((words, false)); break;
                case "sum": cues.Add((words, false)); sums.Add(string.Join(' ', words)); break;
                case "timed": cues.Add((words, false)); timed.Add(string.Join(' ', words)); break;
                case "stretch": cues.Add((words, false)); timed.Add(string.Join(' ', words)); stretches.Add(string.Join(' ', words)); break;
                case "period": periods.Add(words[0]); break;
                case "since": cues.Add((words, true)); break;
                case "campaign": campaigns.Add(string.Join(' ', words)); break;
                case "moment": moments.Add(words[0]); break;
                case "unit": units[string.Join(' ', words)] = Measure(); break;
                case "own": ownVictims.Add(words[^1]); break;
                case "claim": claimVerbs.Add(words[0]); break;
                case "reciprocal": reciprocal.Add(words[0]); break;
                case "start": starts.Add(words[0]); break;
                case "front": fronts.Add(words[0]); break;
                case "raise": raises.Add(words[0]); break;
                case "count": counts[words[0]] = Measure(); break;
                case "change": changes.Add(words[0]); break;
                case "exceed": exceeds.Add(words[0]); changes.Add(words[0]); break;
                case "series": series.Add(words[0]); break;
                case "division": divisions.Add(words[0]); break;
                case "span": spans.Add(words[0]); break;
                case "loss": losses.Add(words[0]); break;
                case "earlier": earlier.Add(words); break;
                case "head": heads.Add(words[0]); break;
                case var kind when groups.TryGetValue(kind, out var group): group.Add(string.Join(' ', words)); break;
                case "ordinal":
                    ordinals[words[0]] = f.Length > 2 && int.TryParse(f[2].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nth) && nth >= 2 ? nth
                        : throw new FormatException($"{name}:{lineNumber}: an ordinal needs its number (2 or more)");
                    break;
                default: throw new FormatException($"{name}:{lineNumber}: kind '{f[0]}' is not noun, link, cue, sum, timed, stretch, period, since, campaign, moment, unit, own, claim, reciprocal, ordinal, start, front, raise, count, change, exceed, series, division, span, loss, earlier, head, " + string.Join(", ", GroupKinds));
            }
        }
        return new TollCues(nouns, cues, links, campaigns, moments, units, ownVictims, claimVerbs, reciprocal, ordinals, starts, fronts, raises, counts, changes, exceeds, series, divisions, spans, losses, sums, timed, periods, earlier, heads, stretches, groups);
    }

    /// <summary>
    /// A tally: a toll noun and the number behind its link word ("the toll has climbed to at least 83"); <c>Later</c> when it
    /// is a tally's later count told by a second verb ("… and rose to 46 on Sunday"), its words starting at that verb.
    /// </summary>
    internal readonly record struct Tally(TollMeasure Measure, int Start, int End, NumberMention Number, bool Later = false);

    /// <summary>
    /// A cue found near a count: its words, whether it names where the count starts ("since …"), and whether the count
    /// is the other half of the tally in the sentence before (so it stands as of that tally's day).
    /// </summary>
    internal readonly record struct Cue(int Start, int End, bool Since, bool OtherHalf = false);

    /// <summary>Whether a toll noun of the data file opens the words ("death toll at 31", "the number of dead").</summary>
    internal bool OpensWithTollNoun(AnnotatedText text, int start, int end) =>
        NounAt(text, start, end) is not null || start + 1 < end && text.PosOf(start) == "DT" && NounAt(text, start + 1, end) is not null;

    private (int End, TollMeasure Measure)? NounAt(AnnotatedText text, int i, int end)
    {
        if (!_nounsByFirst.TryGetValue(text.WordOf(i), out var nouns)) return null;
        foreach (var (words, measure) in nouns)
        {
            if (Matches(text, i, end, words)) return (i + words.Length, words.Length == 1 ? OfEvents(text, i + 1, end) ?? measure : measure);
        }
        return null;
    }

    /// <summary>
    /// "the year's tally of massacres", "a toll of 30 raids": a bare toll noun whose "of" names events (a plural <c>unit</c>
    /// noun, after at most one describing word) counts those events, not the dead; null when it names none.
    /// </summary>
    private TollMeasure? OfEvents(AnnotatedText text, int next, int end)
    {
        if (next + 1 >= end || !text.WordOf(next).Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
        for (var k = next + 1; k < Math.Min(end, next + 3); k++)
        {
            if (text.PosOf(k) == "NNS" && UnitMeasure(text.WordOf(k).ToLowerInvariant()) is TollMeasure.Strikes or TollMeasure.Boats) return UnitMeasure(text.WordOf(k).ToLowerInvariant());
            if (text.PosOf(k) is not ("JJ" or "NN" or "VBN")) return null;
        }
        return null;
    }

    private ReadOnlySpan<(string[] Words, bool Since)> CuesStarting(string word) => _cuesByFirst.TryGetValue(word, out var cues) ? cues : [];

    /// <summary>
    /// Whether the cue <paramref name="words"/> stands at <paramref name="i"/>, before <paramref name="end"/>; a <c>timed</c>
    /// cue only with a word of a span of time (the <c>period</c> words) within four words after it, in its sentence
    /// ("in the last 48 hours", "in recent days"; "killed in the last attack" names one event).
    /// </summary>
    private bool CueMatches(AnnotatedText text, int i, int end, string[] words)
    {
        if (!Matches(text, i, end, words)) return false;
        if (!_timed.Contains(string.Join(' ', words))) return true;
        var sentence = text.SentenceOf(i);
        for (var k = i + words.Length; k < sentence.EndToken && k < i + words.Length + 4; k++)
        {
            if (_periods.Contains(text.WordOf(k))) return true;
            if (text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k))) return false;
        }
        return false;
    }

    private static bool Matches(AnnotatedText text, int i, int end, string[] words)
    {
        if (i + words.Length > end) return false;
        for (var k = 0; k < words.Length; k++)
        {
            if (!text.WordOf(i + k).Equals(words[k], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>A toll number counts people ("83", "83 people", "19 soldiers"), not money or distance.</summary>
    private static bool CountsPeopleOrNothing(NumberMention n) =>
        n.Unit is null || !n.Unit.Any(char.IsDigit) && n.Unit is not ("km" or "kilometres" or "kilometers" or "miles" or "percent" or "%" or "years" or "days" or "hours");

    internal static NumberMention? NumberStartingAt(AnnotatedText text, int token)
    {
        foreach (var n in text.NumbersStartingIn(token, token + 1)) return n;
        return null;
    }

    /// <summary>
    /// "Earlier reports had put the number of dead at 14", "Officials had initially said nine died": the sentence tells its
    /// count as an earlier one (an <c>earlier</c> phrase before the count), which stood at no day the article gives.
    /// </summary>
    internal bool RecallsEarlierCount(AnnotatedText text, TokenSpan sentence, int start)
    {
        for (var i = sentence.StartToken; i < start; i++)
        {
            foreach (var words in _earlier)
            {
                if (i + words.Length <= start && words.Select((w, k) => text.WordOf(i + k).Equals(w, StringComparison.OrdinalIgnoreCase)).All(b => b)) return true;
            }
        }
        return false;
    }
}
