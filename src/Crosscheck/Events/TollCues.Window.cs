using Crosscheck.Language;

namespace Crosscheck.Events;

// The clause window around a count, in which its cues are looked for.
public sealed partial class TollCues
{
    /// <summary>The clause window around a count: up to <see cref="Before"/> words before and <see cref="After"/> after, stopping at strong breaks and contrasts.</summary>
    private (int From, int To) Window(AnnotatedText text, TokenSpan sentence, int start, int end)
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
        // "The dead include 13 soldiers, the ministry said, as fighting went on for a fourth day": a reporting aside set off
        // by commas right after the count is passed over, and the clause goes on after it.
        // A participle that opens a clause right after the aside (", the ministry said on Friday, opening a third front in its
        // campaign") says what the whole event did, and is no part of the count's clause.
        if (end < sentence.EndToken && ReportingAsideEnd(text, sentence, end) is { } aside && aside < sentence.EndToken && text.PosOf(aside) != "VBG") to = last = aside;
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
}
