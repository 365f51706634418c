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
    /// <summary>The cues that only say a count adds up what the text told ("in all"; <c>sum</c> lines).</summary>
    private readonly FrozenSet<string> _sums;
    /// <summary>The cues that hold only before a word of a span of time (<c>timed</c> lines), and those words (<c>period</c>).</summary>
    private readonly FrozenSet<string> _timed;
    private readonly FrozenSet<string> _periods;

    private TollCues(List<(string[], TollMeasure)> nouns, List<(string[], bool)> cues, HashSet<string> links, HashSet<string> campaigns,
        HashSet<string> moments, Dictionary<string, TollMeasure> units, HashSet<string> ownVictims, HashSet<string> claimVerbs, HashSet<string> reciprocal, Dictionary<string, int> ordinals,
        HashSet<string> starts, HashSet<string> fronts, HashSet<string> raises, Dictionary<string, TollMeasure> counts, HashSet<string> changes, HashSet<string> exceeds, HashSet<string> series, HashSet<string> divisions, HashSet<string> spans, HashSet<string> losses, HashSet<string> sums,
        HashSet<string> timed, HashSet<string> periods)
    {
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
        var periods = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
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
                case "ordinal":
                    ordinals[words[0]] = f.Length > 2 && int.TryParse(f[2].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nth) && nth >= 2 ? nth
                        : throw new FormatException($"{name}:{lineNumber}: an ordinal needs its number (2 or more)");
                    break;
                default: throw new FormatException($"{name}:{lineNumber}: kind '{f[0]}' is not noun, link, cue, sum, timed, period, since, campaign, moment, unit, own, claim, reciprocal, ordinal, start, front, raise, count, change, exceed, series, division, span or loss");
            }
        }
        return new TollCues(nouns, cues, links, campaigns, moments, units, ownVictims, claimVerbs, reciprocal, ordinals, starts, fronts, raises, counts, changes, exceeds, series, divisions, spans, losses, sums, timed, periods);
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

    /// <summary>The cue that makes the count at [<paramref name="start"/>, <paramref name="end"/>) a running total; null when none.</summary>
    internal Cue? CueNear(AnnotatedText text, TokenSpan sentence, int start, int end, List<Tally> tallies)
    {
        var (from, to) = Window(text, sentence, start, end);
        // "the three-week war in spring, when 300 died", "since 2010, when 30 died", "four days of shelling, which has
        // claimed 21 lives": a clause about a campaign, a span of days or a whole year counts its toll; "since March,
        // when a guard was killed" names one past death.
        if (from > sentence.StartToken && Relatives.Contains(text.WordOf(from - 1)))
        {
            // "four days of clashes in the spring (which killed 31 people)": the bracket opens the same clause.
            var back = from - 2 >= sentence.StartToken && text.WordOf(from - 2) == "(" ? from - 3 : from - 2;
            for (var i = back; i >= sentence.StartToken && from - i <= Before + 3 && !ClauseBreaks.Contains(text.WordOf(i)); i--)
            {
                if (IsCampaignWord(text, i)) return new Cue(i, i + 1, false);
                // "a three-day exchange of shelling in June, when 36 villagers died": a past month or season
                // with a count of many ("in May, when a soldier was killed" names one past death).
                if (PastSpan(text, i, from, from, from) is { } month && month.StartToken == i && CountsMany(text, start, end)) return new Cue(month.StartToken, month.EndToken, false);
                // "four days of shelling along the frontier, which has claimed 21 lives"
                foreach (var (words, since) in CuesStarting(text.WordOf(i)))
                {
                    if (!since && CueMatches(text, i, from, words)) return new Cue(i, i + words.Length, false);
                }
                if (IsYear(text, i) && text.InTime(i) && !NamesOneAttack(text, sentence, i, from)) return new Cue(i, i + 1, false);
            }
        }
        // A tally's words are its own: "killing three people, raising the death toll from the offensive to 83".
        foreach (var t in tallies)
        {
            if (t.Start >= end) to = Math.Min(to, t.Start);
            else if (t.End <= start) from = Math.Max(from, t.End);
        }
        // "the deadliest attack since March", "the worst fighting since the war began": a superlative's "since" compares, and
        // names no start of the count; its words are no cue.
        var (compareFrom, compareTo) = Comparison(text, sentence, from, to);
        // "In all, at least 101 people have been killed on both sides since Sunday": a cue that names where the count
        // starts wins over one before it that only says it is a total.
        Cue? total = null;
        for (var i = from; i < to; i++)
        {
            if (i >= start && i < end || i >= compareFrom && i < compareTo) continue;
            foreach (var (words, since) in CuesStarting(text.WordOf(i)))
            {
                if (!CueMatches(text, i, to, words)) continue;
                if (since && !SinceNamesAStart(text, i + words.Length, to)) continue;
                if (since) return new Cue(i, i + words.Length, true);
                if (SumsOneAccount(text, sentence, words, start, end)) continue;
                total ??= new Cue(i, i + words.Length, false);
            }
        }
        if (total is not null) return total;
        // Words that say where the count starts ("since September") come first, also when they open the sentence; then what
        // it is the total of.
        if (FrontedCue(text, sentence, from, start) is { } fronted) return fronted;
        for (var i = from; i < to; i++)
        {
            if (i >= start && i < end || i >= compareFrom && i < compareTo) continue;
            // "the war has killed 400", "killed in the conflict": a campaign word in the count's clause.
            if (IsCampaignWord(text, i) && !FramesOneEvent(text, i, from, end)) return new Cue(i, i + 1, false);
            // "died in the three operations", "killed across the 14 strikes": a count over a known series of events is its
            // total; "killed 14 in two strikes" reports two new ones.
            if (i > from && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase) && NumberStartingAt(text, i) is { Min: >= 2 } events
                && UnitMeasure(events.Unit) is TollMeasure.Strikes or TollMeasure.Boats && events.Span.EndToken <= to) return new Cue(i, events.Span.EndToken, false);
        }
        if (CampaignInPerfect(text, sentence, start, end) is { } campaign) return new Cue(campaign, campaign + 1, false);
        if (SpanSubject(text, sentence, start, end) is { } span) return new Cue(span, span + 2, false);
        if (WholeCountry(text, sentence, from, to, start, end) is { } country) return new Cue(country.StartToken, country.EndToken, false);
        if (CurrentSpanInPerfect(text, sentence, from, to, start, end) is { } current) return new Cue(current.StartToken, current.EndToken, false);
        if (LengthOfTime(text, from, to, start, end) is { } length) return new Cue(length.StartToken, length.EndToken, false);
        // A past month or season sums up many dead; one death in it ("a soldier was killed in May") is that death.
        // "A similar bombing in the town in 2024 left 27 dead": a count whose clause names one attack is that attack's.
        if (PastSpan(text, from, to, start, end) is { } past && CountsMany(text, start, end) && !NamesOneAttack(text, sentence, from, to))
            return new Cue(past.StartToken, past.EndToken, false);
        return PastSpanSubject(text, sentence, start, end) is { } subject ? new Cue(subject.StartToken, subject.EndToken, false) : null;
    }

    /// <summary>
    /// "A drone hit the market on Monday. In all, eight people were killed": a <c>sum</c> cue ("in all") before a count
    /// under a verb in the simple past ("were killed", "died", "left eight dead"; never with "has", "have" or "had") adds up
    /// the account just told, one attack's dead, and makes no running total by itself. False without a parse.
    /// </summary>
    private bool SumsOneAccount(AnnotatedText text, TokenSpan sentence, string[] words, int start, int end)
    {
        if (!_sums.Contains(string.Join(' ', words)) || end <= start || !SyntaxScope.HasParse(text, sentence)) return false;
        // The statement's own verb when its words hold one ("eight people were killed", "21 people died in the attack", which
        // the parse may read as a noun and its reduced relative), else the verb above the count.
        var verb = -1;
        for (var i = end - 1; i >= start && verb < 0; i--)
        {
            if ((text.PosOf(i) ?? "").StartsWith("VB", StringComparison.Ordinal)) verb = i;
        }
        if (verb < 0) verb = SyntaxScope.HeadOf(text, start, end);
        for (var depth = 0; verb >= 0 && depth < 4 && !(text.PosOf(verb) ?? "").StartsWith("VB", StringComparison.Ordinal); depth++) verb = text.HeadOf(verb);
        if (verb < 0 || text.PosOf(verb) is not ("VBD" or "VBN")) return false;
        // A participle with no auxiliary ("21 people killed in the attack") is the past too.
        for (var i = Math.Max(sentence.StartToken, verb - 6); i < verb; i++)
        {
            if (text.HeadOf(i) == verb && text.RelationOf(i) is "aux" or "aux:pass" && text.WordOf(i).ToLowerInvariant() is not ("was" or "were")) return false;
        }
        return true;
    }

    /// <summary>
    /// "The death toll since the offensive began on 2 March has risen to 310": a "since" cue inside a tally's own words,
    /// between its toll noun and its number, names where the tally counts from; null when there is none.
    /// </summary>
    internal Cue? SinceInside(AnnotatedText text, Tally t)
    {
        for (var i = t.Start; i < t.Number.Span.StartToken; i++)
        {
            foreach (var (words, since) in CuesStarting(text.WordOf(i)))
            {
                if (since && CueMatches(text, i, t.Number.Span.StartToken, words) && SinceNamesAStart(text, i + words.Length, t.Number.Span.StartToken)) return new Cue(i, i + words.Length, true);
            }
        }
        return null;
    }

    /// <summary>
    /// Whether [from, to) holds one attack: a singular attack noun that is no campaign word after "a", "an" or "one" and
    /// describing words ("a similar bombing", "an attack"); not one over a span ("a three-day siege").
    /// </summary>
    private bool NamesOneAttack(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        foreach (var t in TriggerLexicon.Default.Match(text, sentence))
        {
            if (t.Entry.Type != PloverType.Assault || t.Span.StartToken < from || t.Span.EndToken > to) continue;
            if (text.PosOf(t.Head) != "NN" || CasualtyFinder.IsOutcomeWord(t.Span.Text) || IsCampaignWord(text, t.Head)) continue;
            // "a 2019 raid", "the 2014 bombing": a year set before the noun dates one attack, and makes "the" single it out.
            var dated = false;
            for (var i = t.Span.StartToken - 1; i >= sentence.StartToken && t.Span.StartToken - i <= 4; i--)
            {
                var word = text.WordOf(i).ToLowerInvariant();
                if (word is "a" or "an" or "one" || dated && word == "the") return true;
                if (IsYear(text, i) && text.InTime(i)) { dated = true; continue; }
                if (text.PosOf(i) is not ("JJ" or "NN" or "VBN" or "HYPH") || word.Contains("day") || word.Contains("week") || word.Contains("month") || word.Contains("year")) break;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="word"/> says an ordinal's unit is one of a series ("the 20th such strike"; the <c>series</c> words).</summary>
    internal bool IsSeriesWord(string word) => _series.Contains(word);

    /// <summary>
    /// "Over the past day, Russian forces attacked 12 settlements, killing one person", "Since Monday, …": a cue that opens
    /// the sentence and is set off by a comma (within eight words) scopes every count of the sentence, however far, unless
    /// a contrast or a break stands between ("So far, no one has claimed it, but a bomb killed three"). Null when none.
    /// </summary>
    private Cue? FrontedCue(AnnotatedText text, TokenSpan sentence, int from, int start)
    {
        if (from <= sentence.StartToken) return null;
        var comma = -1;
        // "Since the start of the war on 12 February, …": an opening phrase of up to a dozen words.
        for (var i = sentence.StartToken; i < Math.Min(sentence.EndToken, sentence.StartToken + 12); i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i))) return null;
            if (text.WordOf(i) == ",") { comma = i; break; }
        }
        if (comma < 0 || comma >= start) return null;
        for (var i = comma + 1; i < start; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i)) || Contrasts.Contains(text.WordOf(i)) || Relatives.Contains(text.WordOf(i))) return null;
        }
        // "Since March, nine guards have been killed, and one more guard died when a bomb went off on Friday": a count
        // whose own clause names an attack, or with a day after the opening, is news of its own.
        var clauseEnd = start;
        while (clauseEnd < sentence.EndToken && text.WordOf(clauseEnd) != "," && !ClauseBreaks.Contains(text.WordOf(clauseEnd))) clauseEnd++;
        if (text.Times.Any(t => t.Precision == TimePrecision.Day && t.Span.Length > 0 && t.Span.StartToken > comma && t.Span.StartToken < clauseEnd)) return null;
        var clauseStart = start;
        while (clauseStart > comma + 1 && text.WordOf(clauseStart - 1) != ",") clauseStart--;
        if (NamesAnAttack(text, sentence, clauseStart, clauseEnd, skip: w => NamesNoOneAttack(text, sentence, w))) return null;
        foreach (var (words, since) in CuesStarting(text.WordOf(sentence.StartToken)))
        {
            if (!CueMatches(text, sentence.StartToken, comma, words) || since && !SinceNamesAStart(text, sentence.StartToken + words.Length, comma)) continue;
            if (SumsOneAccount(text, sentence, words, start, start + 1)) continue;
            return new Cue(sentence.StartToken, sentence.StartToken + words.Length, since);
        }
        return null;
    }

    /// <summary>
    /// The words of a comparison in [<paramref name="from"/>, <paramref name="to"/>): a superlative ("deadliest", "worst",
    /// "most intense") and up to three words of its noun right before "since", through the end of the clause "since" opens
    /// (a comma or a break); an empty range when there is none.
    /// </summary>
    private static (int From, int To) Comparison(AnnotatedText text, TokenSpan sentence, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase)) continue;
            var superlative = false;
            for (var k = i - 1; k >= Math.Max(sentence.StartToken, i - 4) && !superlative; k--)
            {
                if (text.PosOf(k) is "JJS" or "RBS") superlative = true;
                else if (text.PosOf(k) is not ("NN" or "NNS" or "JJ" or "VBG")) break;
            }
            if (!superlative) continue;
            var end = i + 1;
            while (end < sentence.EndToken && text.WordOf(end) != "," && !ClauseBreaks.Contains(text.WordOf(end))) end++;
            return (i, end);
        }
        return (0, 0);
    }

    /// <summary>
    /// "the deadliest strike on the city since October, when 13 people were killed": the clause after a superlative's
    /// "since" and its time tells the event compared with, not the one the sentence reports; the index of its "when" or
    /// "which", or null when the sentence has no such clause.
    /// </summary>
    internal static int? ComparedEventClause(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken + 1; i < sentence.EndToken - 2; i++)
        {
            if (!text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase)) continue;
            var superlative = false;
            for (var k = i - 1; k >= Math.Max(sentence.StartToken, i - 8) && !superlative; k--)
            {
                if (text.PosOf(k) is "JJS" or "RBS") superlative = true;
                else if (text.WordOf(k) == "," || ClauseBreaks.Contains(text.WordOf(k))) break;
            }
            if (!superlative) continue;
            var comma = i + 1;
            while (comma < sentence.EndToken && text.WordOf(comma) != "," && !ClauseBreaks.Contains(text.WordOf(comma))) comma++;
            if (comma + 1 >= sentence.EndToken || text.WordOf(comma) != "," || !text.Times.Any(t => t.Span.StartToken >= i && t.Span.EndToken <= comma && t.Span.Length > 0)) return null;
            return text.WordOf(comma + 1).ToLowerInvariant() is "when" or "which" ? comma + 1 : null;
        }
        return null;
    }

    /// <summary>The number of a spelled ordinal ("fifth" → 5); null for other words.</summary>
    internal int? WordOrdinal(string word) => _ordinals.TryGetValue(word, out var n) ? n : null;

    /// <summary>What a plural event or target noun counts as a toll ("strikes", "boats"); null for other nouns.</summary>
    internal TollMeasure? UnitMeasure(string? unit) => unit is not null && _units.TryGetValue(unit, out var m) ? m : null;

    /// <summary>The clause window around a count: up to <see cref="Before"/> words before and <see cref="After"/> after, stopping at strong breaks and contrasts.</summary>
    private static (int From, int To) Window(AnnotatedText text, TokenSpan sentence, int start, int end)
    {
        var from = start;
        while (from - 1 >= sentence.StartToken && start - from < Before && !ClauseBreaks.Contains(text.WordOf(from - 1))
            && !(Contrasts.Contains(text.WordOf(from - 1)) && from - 2 >= sentence.StartToken && text.WordOf(from - 2) == ",")
            && !Relatives.Contains(text.WordOf(from - 1))) from--;
        // After the count the clause ends at a comma, or at "and" that opens another clause ("and police made no arrests so far").
        // A count joined by "and" shares what follows the last one ("two soldiers dead and 17 wounded in clashes
        // since March 3": the phrase after both counts scopes over both), so the reach runs from the last count.
        var to = end;
        var last = end;
        while (to < sentence.EndToken && to - last < After && !ClauseBreaks.Contains(text.WordOf(to)) && text.WordOf(to) != ","
            && !(text.WordOf(to) == "and" && OpensClause(text, to + 1, sentence.EndToken)))
        {
            if (text.WordOf(to) == "and" && NumberStartingAt(text, to + 1) is { } joined) last = joined.Span.EndToken;
            to++;
        }
        return (from, to);
    }

    /// <summary>
    /// Whether the words after "and" start a new clause ("and police have made no arrests so far") rather than more of
    /// the same count ("and 20 injured", "and wounded five") or of a place ("in the north and the east since
    /// March"): a finite verb follows within four words, before any comma.
    /// </summary>
    private static bool OpensClause(AnnotatedText text, int next, int end)
    {
        if (next >= end) return false;
        if (NumberStartingAt(text, next) is not null) return false;
        if (text.PosOf(next) is "VBN" or "VBD" or "VBG" or "RB" or "CD" or "JJ") return false;
        for (var i = next; i < Math.Min(end, next + 4); i++)
        {
            if (text.WordOf(i) is "," or ";") return false;
            if (text.PosOf(i) is "VBD" or "VBZ" or "VBP" or "MD") return true;
        }
        return false;
    }

    /// <summary>
    /// A campaign word as a common noun: "the war", "Clashes have killed", not the "War" of "Secretary of War", nor one
    /// day's or night's violence ("the early morning violence", "Friday night's clashes"), which is one event.
    /// </summary>
    /// <summary>Whether the word at <paramref name="i"/> is a campaign word as a count's scope reads it ("the offensive").</summary>
    internal bool IsCampaignAt(AnnotatedText text, int i) => i >= 0 && IsCampaignWord(text, i);

    private bool IsCampaignWord(AnnotatedText text, int i) =>
        _campaigns.Contains(text.WordOf(i)) && (text.PosOf(i) is "NN" or "NNS" or null || IsNounGerund(text, i))
        && (char.IsLower(text.WordOf(i)[0]) || text.SentenceOf(i).StartToken == i) && !OfOneMoment(text, i);

    /// <summary>
    /// "Blasts in Herat during the fighting killed four farmers", "200 fighters died during the clashes": a front's
    /// fighting (the <c>front</c> words, not a war or a campaign) named only as the time of a count in the simple past
    /// ("during", "amid"; "in the fighting" after one attack told before it) frames one event's dead, no running total;
    /// "have died amid the clashes" and "killed during the war" stay tolls.
    /// </summary>
    private bool FramesOneEvent(AnnotatedText text, int i, int from, int end)
    {
        if (!_fronts.Contains(text.WordOf(i))) return false;
        var k = i - 1;
        while (k >= from && text.PosOf(k) is "DT" or "JJ" or "PRP$") k--;
        if (k < from) return false;
        var preposition = text.WordOf(k).ToLowerInvariant();
        // "Troops killed six rebels in a clash. One soldier died in the fighting": "in the fighting" after one attack told in
        // the sentence before, or earlier in its own, is that attack's fighting.
        if (preposition == "in" && k == i - 2 && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
            && text.SentenceOf(i) is var sentence && (AfterAnAttack(text, sentence)
                || NamesAnAttack(text, sentence, sentence.StartToken, from, skip: t => NamesNoOneAttack(text, sentence, t)))) preposition = "during";
        if (preposition is not ("during" or "amid")) return false;
        // A perfect ("have died", "has killed") counts up to now: a total.
        for (var j = from; j < Math.Max(end, i); j++)
        {
            if (text.WordOf(j).ToLowerInvariant() is "has" or "have" or "had" or "'s" or "’s" && text.PosOf(j) is "VBZ" or "VBP" or "VBD") return false;
        }
        return true;
    }

    /// <summary>Whether the word at <paramref name="i"/> names a campaign or a front's fighting ("the war", "fighting", "clashes").</summary>
    internal bool IsCampaignNoun(AnnotatedText text, int i) => _campaigns.Contains(text.WordOf(i).ToLowerInvariant());

    private bool OfOneMoment(AnnotatedText text, int i)
    {
        var before = i - 1;
        if (before >= 0 && text.WordOf(before) is "'s" or "’s") before--;
        return before >= 0 && _moments.Contains(text.WordOf(before));
    }

    private static bool IsYear(AnnotatedText text, int i) => text.WordOf(i) is { Length: 4 } w && w.All(char.IsAsciiDigit) && w[0] is '1' or '2';

    /// <summary>
    /// "since September", "since the start of", "since border clashes broke out", "since it erupted" (a pronoun and a verb
    /// of starting, the <c>start</c> words), not the causal "since they".
    /// </summary>
    private bool SinceNamesAStart(AnnotatedText text, int next, int to)
    {
        if (next >= to) return false;
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken <= next && next < t.Span.EndToken) return true;
        }
        if (text.PosOf(next) is not ("PRP" or "EX" or "RB" or "IN" or "MD") && text.WordOf(next) is not ("then" or "it" or "they" or "we" or "he" or "she")) return true;
        // "since it erupted in April", "since they began": a pronoun whose verb, past an adverb, says when something started.
        if (text.PosOf(next) != "PRP") return false;
        for (var i = next + 1; i < Math.Min(to, next + 3); i++)
        {
            if (IsStartVerb(text, i)) return true;
            if (text.PosOf(i) != "RB") return false;
        }
        return false;
    }

    /// <summary>
    /// A tally that says nothing of what it sums up: "the death toll has climbed to five", "That takes the death
    /// toll to 14" (only verbs and adverbs between the toll noun and its link word, and no cue near it); "the death toll
    /// from the offensive rose to 83" and "the death toll among Lao troops had climbed to 23" name their scope.
    /// </summary>
    internal bool IsBare(AnnotatedText text, TokenSpan sentence, Tally t, List<Tally> tallies)
    {
        // "Two more of the wounded died, taking the total to 12": a total raised with "to" right after it names no scope either.
        if (RaisedTotal(text, sentence, t.Start) is { } raised)
            return text.WordOf(raised.End).Equals("to", StringComparison.OrdinalIgnoreCase) && CueNear(text, sentence, t.Start, t.End, tallies) is null && !ToldByPlaces(text, sentence, t.End);
        if (NounAt(text, t.Start, sentence.EndToken) is not { } noun || IsPartysOwn(text, sentence, t.Start)) return false;
        for (var i = noun.End; i < t.Number.Span.StartToken - 1; i++)
        {
            // "The number of wounded stands at 40": a link word is a verb whatever its tag ("stands" read as a plural noun).
            if (_links.Contains(text.WordOf(i))) continue;
            // "The death toll has since risen to 12": "since" right before the verb of change is an adverb, no start.
            if (text.WordOf(i).Equals("since", StringComparison.OrdinalIgnoreCase) && text.PosOf(i + 1) is "VBN" or "VBD") continue;
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return CueNear(text, sentence, t.Start, t.End, tallies) is null && !ToldByPlaces(text, sentence, t.End);
    }

    /// <summary>
    /// "Tajikistan put its own toll at 35", "Cambodia's toll stood at 13": a toll a party keeps of its own ("own" before the
    /// toll noun, or a country's or group's possessive) counts that side, not the attack told before it.
    /// </summary>
    private static bool IsPartysOwn(AnnotatedText text, TokenSpan sentence, int noun)
    {
        // "Armenia's military death toll", "its civilian toll": the side's adjectives stand between owner and noun.
        var described = 0;
        while (noun - 1 > sentence.StartToken && described < 2 && text.PosOf(noun - 1) is "JJ") { noun--; described++; }
        if (noun - 1 < sentence.StartToken) return false;
        if (text.WordOf(noun - 1).Equals("own", StringComparison.OrdinalIgnoreCase)) return true;
        if (described > 0 && text.WordOf(noun - 1).ToLowerInvariant() is "its" or "their") return true;
        return noun - 2 >= sentence.StartToken && text.WordOf(noun - 1) is "'s" or "’s"
            && text.EntityAt(noun - 2) is { Type: EntityType.Gpe or EntityType.Norp or EntityType.Org };
    }

    /// <summary>
    /// "a death toll of eight villagers, saying five had died in Surin province, two in Sisaket province and one in Ubon
    /// Ratchathani province": counts after a tally in two or more places (each number followed within four words by "in"
    /// and a place) tell it place by place, so it sums up more than one event.
    /// </summary>
    private static bool ToldByPlaces(AnnotatedText text, TokenSpan sentence, int after)
    {
        var places = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var n in text.NumbersStartingIn(after, sentence.EndToken))
        {
            for (var i = n.Span.EndToken; i < Math.Min(sentence.EndToken - 1, n.Span.EndToken + 4); i++)
            {
                if (ClauseBreaks.Contains(text.WordOf(i)) || text.WordOf(i) == ",") break;
                if (!text.WordOf(i).Equals("in", StringComparison.OrdinalIgnoreCase)) continue;
                foreach (var m in text.EntitiesStartingIn(i + 1, i + 2))
                {
                    if (m.Type is EntityType.Gpe or EntityType.Loc) places.Add(m.Span.Text);
                }
                break;
            }
        }
        return places.Count >= 2;
    }

    /// <summary>
    /// "The death toll in Dnipro has risen to nine": a tally scoped only by a town or division ("in" and a place, with
    /// nothing but verbs and adverbs after it before the link word, and no cue); the place's words, or null.
    /// </summary>
    internal TokenSpan? PlaceOfTally(AnnotatedText text, TokenSpan sentence, Tally t, List<Tally> tallies)
    {
        if (NounAt(text, t.Start, sentence.EndToken) is not { } noun || noun.End + 1 >= t.Number.Span.StartToken) return null;
        if (!text.WordOf(noun.End).Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
        var entities = text.EntitiesStartingIn(noun.End + 1, noun.End + 2);
        if (entities.Length == 0 || entities[0] is not { Type: EntityType.Gpe or EntityType.Loc } m || m.Known is not { } known) return null;
        if (known.Country is { } code && Gazetteer.Default.Country(code)?.Entity.Key == known.Key) return null;
        for (var i = m.Span.EndToken; i < t.Number.Span.StartToken - 1; i++)
        {
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return null;
        }
        return CueNear(text, sentence, t.Start, t.End, tallies) is null ? m.Span : null;
    }

    /// <summary>
    /// A tally of one event: "the death toll from the attack rose to four", "the toll of Monday's strike to 11" (the
    /// toll noun, "from", "of" or "in", a determiner or a possessive, and a singular event word that is no campaign's,
    /// with nothing but verbs and adverbs before the link word). "the death toll from the strikes" and "the toll of
    /// the offensive" are a series'.
    /// A tally in a clause on one attack ("the shelling of the market, whose death toll rose to nine") is that attack's.
    /// </summary>
    internal bool IsOfOneEvent(AnnotatedText text, TokenSpan sentence, Tally t)
    {
        if (NounAt(text, t.Start, sentence.EndToken) is { } owned && t.Start > sentence.StartToken
            && text.WordOf(t.Start - 1).Equals("whose", StringComparison.OrdinalIgnoreCase))
            return OnlyVerbsBetween(text, owned.End, t.Number.Span.StartToken - 1) && OneAttackBefore(text, sentence, t.Start - 1);
        // "the number of people killed in Sunday's strike": a toll noun of the victims says what is counted too ("killed
        // by Thursday's glide bomb attack" as well).
        if ((NounAt(text, t.Start, sentence.EndToken) ?? NumberOfVictims(text, t.Start, sentence.EndToken)) is not { } noun || noun.End + 2 >= t.Number.Span.StartToken) return false;
        var i = noun.End;
        if (text.WordOf(i).ToLowerInvariant() is not ("from" or "of" or "in" or "by")) return false;
        i++;
        if (text.PosOf(i) is not ("DT" or "PRP$") && !(i + 1 < t.Number.Span.StartToken && text.WordOf(i + 1) is "'s" or "’s")) return false;
        i += text.PosOf(i) is "DT" or "PRP$" ? 1 : 2;
        // "Tuesday's Russian drone attack": describing words and nouns compounded before the event word, which ends them.
        while (i + 1 < t.Number.Span.StartToken && (text.PosOf(i) is "JJ" or "NNP" || text.PosOf(i) is "NN" && text.PosOf(i + 1) is "NN" or "NNP" or "JJ")) i++;
        if (i >= t.Number.Span.StartToken || text.PosOf(i) != "NN" || IsCampaignNoun(text, i)
            || !TriggerLexicon.Default.Starts(text.WordOf(i).ToLowerInvariant())) return false;
        // "… attack on Odesa", "… strike on the harbour", "… bombing of a bus station": what the attack hit, a short
        // phrase of its own; "… strike on a clinic in Kherson": and where that stands, one more.
        for (var phrases = 0; phrases < 2 && i + 2 < t.Number.Span.StartToken && text.WordOf(i + 1).ToLowerInvariant() is "on" or "in" or "at" or "against" or "near" or "of"; phrases++)
        {
            var k = i + 2;
            if (text.PosOf(k) is "DT") k++;
            var start = k;
            // "… on the city of Ternopil", "… on the port town of Izmail": a name after "of" belongs to the place.
            while (k < t.Number.Span.StartToken && k - start < 6 && (text.PosOf(k) is "JJ" or "NN" or "NNP" or "NNPS"
                || k > start && k + 1 < t.Number.Span.StartToken && text.WordOf(k).Equals("of", StringComparison.OrdinalIgnoreCase) && text.PosOf(k + 1) is "NNP")) k++;
            if (k == start) break;
            i = k - 1;
        }
        for (i++; i < t.Number.Span.StartToken - 1; i++)
        {
            // "… attack on Sumy on Sunday has risen to 12": the attack's day, as "Sunday's attack" would be.
            if (text.InTime(i) || text.WordOf(i).ToLowerInvariant() is "on" or "late" or "early" && i + 1 < t.Number.Span.StartToken && text.InTime(i + 1)) continue;
            if (text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return true;
    }

    /// <summary>Whether every word in [from, to) is a verb, an adverb or a modal, and none a time ("has since risen").</summary>
    private static bool OnlyVerbsBetween(AnnotatedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text.InTime(i) || text.PosOf(i) is not { } pos || !(pos.StartsWith("VB", StringComparison.Ordinal) || pos is "RB" or "MD")) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the words before "whose" (at <paramref name="whose"/>) end a phrase whose head is a singular event word of
    /// no campaign ("Sunday's bombing of the bus station in the port, whose"): going back over a comma, nouns, names,
    /// describing words, determiners, possessives and "of", "in", "on", "at", with no verb, within twelve words.
    /// </summary>
    private bool OneAttackBefore(AnnotatedText text, TokenSpan sentence, int whose)
    {
        var k = whose - 1;
        if (k >= sentence.StartToken && text.WordOf(k) == ",") k--;
        for (var steps = 0; k >= sentence.StartToken && steps < 12; k--, steps++)
        {
            var word = text.WordOf(k).ToLowerInvariant();
            if (text.PosOf(k) == "NN" && TriggerLexicon.Default.Starts(word)) return !IsCampaignNoun(text, k);
            if (text.PosOf(k) is "NN" or "NNS" or "NNP" or "NNPS" or "JJ" or "DT" or "PRP$" or "POS" or "CD" || word is "of" or "in" or "on" or "at" or "'s" or "’s") continue;
            return false;
        }
        return false;
    }

    /// <summary>Whether a toll noun of the data file opens the words ("death toll at 31", "the number of dead").</summary>
    internal bool OpensWithTollNoun(AnnotatedText text, int start, int end) =>
        NounAt(text, start, end) is not null || start + 1 < end && text.PosOf(start) == "DT" && NounAt(text, start + 1, end) is not null;

    private (int End, TollMeasure Measure)? NounAt(AnnotatedText text, int i, int end)
    {
        if (!_nounsByFirst.TryGetValue(text.WordOf(i), out var nouns)) return null;
        foreach (var (words, measure) in nouns)
        {
            if (Matches(text, i, end, words)) return (i + words.Length, measure);
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
}
