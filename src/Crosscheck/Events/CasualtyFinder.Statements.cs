using System.Runtime.CompilerServices;
using Crosscheck.Language;

namespace Crosscheck.Events;

// The outcome statements of one sentence, read word by word.
public sealed partial class CasualtyFinder
{
    /// <summary>
    /// The outcome statements of one sentence that count an event's victims: those that are running tolls
    /// ("raising the death toll to 83", "64 people have been killed since September") are left out, as
    /// <see cref="TollFinder"/> reads them.
    /// </summary>
    internal List<Statement> Statements(AnnotatedText text, TokenSpan sentence) => Memo(text).Get(sentence, victims: true, () => ReadStatements(text, sentence));

    private List<Statement> ReadStatements(AnnotatedText text, TokenSpan sentence)
    {
        var found = AllStatements(text, sentence);
        if (found.Count == 0) return found;
        // "If that is so, the shooting becomes a triple homicide": the main clause of a conditional holds only under its
        // condition, so it counts no victims (the condition's own words, "If you saw the shooting that killed two", still do).
        if (ConditionalMainClause(text, sentence) is { } main) found.RemoveAll(s => s.Start >= main);
        // "the deadliest strike since October, when 13 people were killed": the dead of the event compared with are not
        // the dead of the one reported.
        if (TollCues.ComparedEventClause(text, sentence) is { } compared) found.RemoveAll(s => s.Start > compared);
        if (found.Count == 0) return found;
        var tallies = Tolls.Tallies(text, sentence);
        var all = found.ToList();
        found.RemoveAll(s => tallies.Exists(t => t.Start < s.End && s.Start < t.End) || Tolls.StatementCue(text, sentence, s, tallies, all) is not null
            || Breakdown(text, sentence, s));
        // "The offensive has killed 52 people since Wednesday. The dead included 40 insurgents and 12 villagers": the groups
        // of a toll just told are that toll's (TollFinder), no event's dead.
        if (found.Count > 0 && TollFinder.Breakdown(text, sentence) is not null && PreviousHasToll(text, sentence)) found.Clear();
        return found;
    }

    /// <summary>Whether the sentence before <paramref name="sentence"/> tells a toll (a tally, or an outcome statement with a toll's cue).</summary>
    private bool PreviousHasToll(AnnotatedText text, TokenSpan sentence)
    {
        var index = text.SentenceIndexOf(sentence.StartToken);
        if (index <= 0) return false;
        var previous = text.Sentences[index - 1];
        var tallies = Tolls.Tallies(text, previous);
        if (tallies.Count > 0) return true;
        var all = AllStatements(text, previous);
        return all.Exists(s => Tolls.StatementCue(text, previous, s, tallies, all) is not null);
    }

    /// <summary>
    /// "Of the 62 dead, 40 were soldiers", "12 of the dead were aid workers": the dead (or hurt) told before, named again to
    /// say who they were ("of the" before the count and a comma after it, or "of the" and a noun of the victims followed by
    /// "were" and no outcome word), count no new victims.
    /// </summary>
    private static bool Breakdown(AnnotatedText text, TokenSpan sentence, Statement s)
    {
        if (s.End >= sentence.EndToken || s.VictimEnd > s.End) return false;
        var after = text.WordOf(s.End).ToLowerInvariant();
        if (s.VictimStart - 1 >= sentence.StartToken && text.WordOf(s.VictimStart - 1).Equals("of", StringComparison.OrdinalIgnoreCase)
            && text.WordOf(s.VictimStart).Equals("the", StringComparison.OrdinalIgnoreCase) && after == ",") return true;
        if (s.End + 1 >= sentence.EndToken || !BeForms.Contains(after) || text.WordOf(s.End + 1) is var next
            && (KilledParticiples.Contains(next) || InjuredParticiples.Contains(next) || Died.Contains(next))) return false;
        for (var k = s.VictimStart; k + 2 < s.VictimEnd; k++)
        {
            if (text.PosOf(k) == "CD" && text.WordOf(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase) && text.WordOf(k + 2).Equals("the", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>The outcome statements of one sentence, tolls included, a victim who is both shot and killed counted as killed only.</summary>
    internal List<Statement> AllStatements(AnnotatedText text, TokenSpan sentence) => Memo(text).Get(sentence, victims: false, () => ReadAllStatements(text, sentence));

    private List<Statement> ReadAllStatements(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<Statement>();
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            // "no casualties", "no immediate reports of casualties": none killed and none hurt.
            if (text.WordOf(i).Equals("casualties", StringComparison.OrdinalIgnoreCase) && NoBefore(text, sentence, i) is { } none)
            {
                found.Add(Zero(Outcome.Killed, none, i + 1));
                found.Add(Zero(Outcome.Injured, none, i + 1));
                continue;
            }
            if (Read(text, sentence, i) is { } s)
                found.Add(s.Kind == Outcome.Killed && s.VictimEnd - s.VictimStart == 1 && IsReflexive(text.WordOf(s.VictimStart)) ? s with { Self = true }
                    : OrdinalOfTheHurt(text, s) || AddedByAdverb(text, sentence, s) ? s with { Additional = true, Anaphoric = false, Min = OrdinalOfTheHurt(text, s) ? 1 : s.Min, Max = OrdinalOfTheHurt(text, s) ? 1 : s.Max } : s);
        }
        if (found.Count < 2) return found;
        // One victim phrase, several outcomes: "was shot and killed", "shot in the leg and taken to hospital".
        var kept = new List<Statement>(found.Count);
        var killed = 0m;
        foreach (var s in found)
        {
            // (A doer who killed himself is none of the victims he hurt.)
            if (s.Kind == Outcome.Killed && !s.Self) killed = Math.Max(killed, s.Min);
        }
        for (var a = 0; a < found.Count; a++)
        {
            var s = found[a];
            var duplicate = false;
            for (var b = 0; b < found.Count; b++)
            {
                var o = found[b];
                // "after two wounded nurses died in hospital": a word of the hurt whose victims hold those of a death tells
                // who died, not people who still are hurt.
                if (a != b && s.Kind == Outcome.Injured && o.Kind == Outcome.Killed && o.Min > 0 && s.VictimStart <= o.VictimStart && o.VictimEnd <= s.VictimEnd
                    && s.VictimEnd - s.VictimStart > o.VictimEnd - o.VictimStart) duplicate = true;
                if (a == b || o.VictimStart != s.VictimStart || o.VictimEnd != s.VictimEnd) continue;
                if (s.Kind == Outcome.Injured && o.Kind == Outcome.Killed && o.Min > 0) duplicate = true;
                else if (s.Kind == o.Kind && b < a) duplicate = true;
                // "A 14-year-old boy was shot and wounded", "shot and wounded his wife": the victim said to be wounded lived, whatever
                // "shot" alone leaves open (being taken to a hospital does not say so: "she had two bullet wounds and was carried
                // to a hospital"). The verb ends a passive statement and opens an active one.
                else if (s.Kind == o.Kind && s.Weak && !o.Weak && (SaysWounded(text.WordOf(o.End - 1)) || SaysWounded(text.WordOf(o.Start)))) s = s with { Weak = false };
            }
            // "Twelve people lost their lives and 40 people sustained injuries": a counted group joined by "and" after the
            // sentence's dead is told apart from them; its wound says they lived.
            if (s.Kind == Outcome.Injured && s.Weak && CountedAfterDead(text, s, found)) s = s with { Weak = false };
            // "Three guards were wounded …, one fatally", "Four people were shot, one of whom died": the dead counted after the
            // victims are among them; the rest are hurt, and said to have lived.
            if (s.Kind == Outcome.Injured && !duplicate && DeadAmong(found, s) is > 0 and var among && among < s.Min)
                s = s with { Min = s.Min - among, Max = s.Max - among, Weak = false };
            // "A man was shot ... and died": a shooting that the sentence also counts as deaths.
            if (s.Kind == Outcome.Injured && s.Weak && killed > 0 && s.Min <= killed) duplicate = true;
            if (!duplicate) kept.Add(s);
        }
        return killed > 0 ? WithinAllVictims(kept, killed) : kept;
    }

    /// <summary>
    /// "A second man, 30, was wounded": an ordinal counts the victims so far, dead or hurt, so for the hurt it is one more
    /// victim (added to the hurt told before, if any), not n hurt. The running count of the dead ("a fifth person died") is
    /// the tolls' reading and stays.
    /// </summary>
    private static bool OrdinalOfTheHurt(AnnotatedText text, Statement s) =>
        s.Kind == Outcome.Injured && s.VictimEnd - s.VictimStart >= 3 && text.WordOf(s.VictimStart).ToLowerInvariant() is "a" or "an"
        && TollFinder.Ordinal(TollCues.Default, text.WordOf(s.VictimStart + 1)) is { } nth && nth >= 2 && s.Min == nth && s.Max == nth;

    /// <summary>
    /// "A woman was also shot", "The deputy also shot and killed a passenger", "His son was also shot": victims named afresh
    /// (an article, a number or a possessive first, not "he" or "the victim") with "also" by their outcome verb are more
    /// than those told before.
    /// </summary>
    private static bool AddedByAdverb(AnnotatedText text, TokenSpan sentence, Statement s)
    {
        if (s.Additional || s.Min <= 0 || s.VictimEnd <= s.VictimStart) return false;
        // "His son was also shot": a person named by whose kin or what role he has is another than the one he is named by.
        var possessed = s.VictimEnd - s.VictimStart >= 2 && text.PosOf(s.VictimStart) is "PRP$" && PersonNouns.Contains(text.WordOf(s.VictimEnd - 1));
        if (s.Anaphoric && !possessed) return false;
        if (!possessed && text.WordOf(s.VictimStart).ToLowerInvariant() is not ("a" or "an") && text.PosOf(s.VictimStart) != "CD") return false;
        for (var i = s.Start; i < Math.Min(sentence.EndToken, s.End); i++)
        {
            if (i >= s.VictimStart && i < s.VictimEnd) continue;
            if (AddingAdverbs.Contains(text.WordOf(i))) return true;
        }
        // Before an active verb chain ("also shot and killed a passenger"), back to its subject.
        for (var i = s.Start - 1; i >= Math.Max(sentence.StartToken, s.Start - 4); i--)
        {
            if (AddingAdverbs.Contains(text.WordOf(i))) return true;
            if (text.PosOf(i) is { } pos && (pos.StartsWith("NN", StringComparison.Ordinal) || pos.StartsWith("PRP", StringComparison.Ordinal) || pos == ",")) break;
        }
        return false;
    }

    /// <summary>Whether a word says its victim was hurt and lived ("wounded", "injured"), unlike "shot" or "stabbed".</summary>
    private static bool SaysWounded(string word) => !WeakWords.Contains(word) && (InjuredParticiples.Contains(word) || InjuredActive.Contains(word));

    /// <summary>How many of the victims of <paramref name="s"/> a count of the dead after them says died ("…, one fatally"); 0 when none.</summary>
    private static decimal DeadAmong(List<Statement> found, Statement s)
    {
        foreach (var o in found)
        {
            if (o.Kind == Outcome.Killed && o.OfThoseBefore && o.VictimStart >= s.End) return o.Min;
        }
        return 0;
    }

    /// <summary>Whether the victims of <paramref name="s"/> open with a number and a verb of @suffering tells their wound ("19 people sustained injuries").</summary>
    private static bool CountedWound(AnnotatedText text, Statement s)
    {
        if (NumberAt(text, s.VictimStart, s.VictimEnd) is not { } n || n.Span.StartToken != s.VictimStart) return false;
        for (var i = s.Start; i < s.End; i++)
        {
            if (Suffering.Contains(text.WordOf(i).ToLowerInvariant())) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether the victims of <paramref name="s"/> open with a number right after "and" (or "while"), behind a count of
    /// the dead of other victims in the same sentence ("12 people were killed and 40 sustained injuries").
    /// </summary>
    private static bool CountedAfterDead(AnnotatedText text, Statement s, List<Statement> found)
    {
        if (s.VictimStart < 1 || text.WordOf(s.VictimStart - 1).ToLowerInvariant() is not ("and" or "while")
            || NumberAt(text, s.VictimStart, s.VictimEnd) is not { } n || n.Span.StartToken != s.VictimStart) return false;
        return found.Exists(o => o.Kind == Outcome.Killed && o.Min > 0 && o.End <= s.VictimStart - 1 && o.VictimEnd <= s.VictimStart - 1 && s.VictimStart - 1 - o.End <= 1);
    }

    /// <summary>
    /// "Double shooting, 1 killed. Two people were wounded …": a sentence that counts all the victims ("a double shooting")
    /// and some dead counts the rest, and no more, as hurt; the wounded said beside it include the one who died.
    /// </summary>
    private static List<Statement> WithinAllVictims(List<Statement> statements, decimal killed)
    {
        var all = 0m;
        foreach (var s in statements)
        {
            if (s.AllVictims) all = Math.Max(all, s.Min);
        }
        if (all == 0) return statements;
        var hurt = Math.Max(0, all - killed);
        var kept = new List<Statement>(statements.Count);
        foreach (var s in statements)
        {
            if (s.Kind != Outcome.Injured || s.Min <= hurt && s.Max is { } max && max <= hurt) { kept.Add(s); continue; }
            if (hurt > 0) kept.Add(s with { Min = Math.Min(s.Min, hurt), Max = hurt });
        }
        return kept;
    }

    /// <summary>Where the main clause starts in a sentence opened by a condition ("If …, …"); null for other sentences.</summary>
    private static int? ConditionalMainClause(AnnotatedText text, TokenSpan sentence)
    {
        if (sentence.Length == 0 || !Conditionals.Contains(text.WordOf(sentence.StartToken))) return null;
        for (var i = sentence.StartToken + 1; i < sentence.EndToken; i++)
        {
            if (text.WordOf(i) == ",") return i + 1;
        }
        return null;
    }

    private static Statement Zero(Outcome kind, int start, int end) => new(kind, 0, 0, start, end, start, end, false, false);

    // The statements of a sentence are asked for several times (its events, the anchors that split them, the follow-ups,
    // the tolls); each text keeps them once read. A text's annotations do not change once the pipeline ran.
    private readonly ConditionalWeakTable<AnnotatedText, StatementMemo> _memo = new();

    private StatementMemo Memo(AnnotatedText text) => _memo.GetValue(text, static _ => new StatementMemo());

    private sealed class StatementMemo
    {
        // The lists kept are never handed out: each caller gets its own copy, which it may change.
        private readonly Dictionary<(int Start, int End, bool Victims), List<Statement>> _read = [];
        private readonly Lock _lock = new();

        public List<Statement> Get(TokenSpan sentence, bool victims, Func<List<Statement>> read)
        {
            var key = (sentence.StartToken, sentence.EndToken, victims);
            lock (_lock)
            {
                if (_read.TryGetValue(key, out var known)) return [.. known];
            }
            var found = read();
            lock (_lock) _read[key] = found;
            return [.. found];
        }
    }
}
