using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// The dead of one fight told side by side: "Troops killed nine militants in the district on Tuesday. Two soldiers also
/// died during the exchange of fire." The second count is of the other side of the same fight, so the fight is one event
/// whose dead are the sum (11), as a careful coder (and a two-sided incident's gold) counts them. A later event's dead join
/// the event before when: both are asserted attacks with dead; the later one is in the same or the next sentence; one of
/// them is a fight (ACLED "Battles"); their victims are of two sides (the state's forces and the armed groups they fight,
/// <c>@side-forces</c> and <c>@side-armed</c> of casualty-words.txt); the later one is set against it by "while" in one
/// sentence (or joined by nothing but "and") or points back at the fight ("also", or a definite "the exchange of fire", "the ensuing clash",
/// <c>@side-fight</c>); and nothing tells another fight (a different place or day, or <c>@side-apart</c> words: "in a
/// separate attack", "two days later"). A count of one group that includes the other ("15 people, including 12 soldiers")
/// names no side and joins nothing. Attackers killed in the fight their attack led to ("the ensuing gunfight", "a
/// subsequent shootout", <c>@side-sequel</c>) join the attack before them whatever side its victims were.
/// </summary>
internal static class SidesMerger
{
    private static readonly FrozenSet<string> Forces = CasualtyWords.Set("side-forces");
    private static readonly FrozenSet<string> Armed = CasualtyWords.Set("side-armed");
    private static readonly FrozenSet<string> Apart = CasualtyWords.Set("side-apart");
    private static readonly FrozenSet<string> Fight = CasualtyWords.Set("side-fight");
    private static readonly FrozenSet<string> Sequel = CasualtyWords.Set("side-sequel");
    private static readonly FrozenSet<string> Repel = CasualtyWords.Set("side-repel");
    private static readonly FrozenSet<string> RepelBack = CasualtyWords.Set("side-repel-back");

    private enum Side { None, Forces, Armed, Both }

    public static ImmutableArray<EventMention> Merge(AnnotatedText text, ImmutableArray<EventMention> events)
    {
        if (events.Length < 2) return events;
        var result = events.ToList();
        for (var j = 1; j < result.Count; j++)
        {
            var later = result[j];
            if (!Counted(later)) continue;
            var i = j - 1;
            while (i >= 0 && !Counted(result[i])) i--;
            if (i < 0) continue;
            var first = result[i];
            if (!Joins(text, first, later)) continue;
            result[i] = Sum(text, first, later);
            result.RemoveAt(j);
            j--;
        }
        return [.. result];
    }

    private static bool Counted(EventMention e) =>
        e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Fatalities is { Min: > 0 } && !e.AtAnotherPlace
        && e.Segment != SegmentKind.Headline && e.Count is null;

    private static bool Joins(AnnotatedText text, EventMention first, EventMention later)
    {
        var s1 = text.SentenceIndexOf(first.Trigger.StartToken);
        var s2 = text.SentenceIndexOf(later.Trigger.StartToken);
        if (s2 - s1 is not (0 or 1)) return false;
        if (first.Acled?.EventType != "Battles" && later.Acled?.EventType != "Battles") return false;
        var a = SideOf(text, first.Fatalities!.Span);
        var b = SideOf(text, later.Fatalities!.Span);
        if (first.Location is { } p && later.Location is { } q && p.Name != q.Name) return false;
        if (first.Time is { Start: { } sa, End: { } ea } && later.Time is { Start: { } sb, End: { } eb } && (sb > ea || sa > eb)) return false;
        var sentence = text.Sentences[s2];
        var from = s1 == s2 ? first.Fatalities.Span.EndToken : sentence.StartToken;
        // "… killing 27 soldiers. More than 60 militants were killed as troops repelled the attack": attackers the defenders
        // killed turning the attack back are the dead of the defenders' action, another event, never the attack's.
        if (b == Side.Armed && a != Side.Armed && Repelled(text, from, sentence.EndToken)) return false;
        // "Gunmen killed nine guests … The six attackers were killed in the ensuing gunfight": the attackers killed in the
        // fight their attack led to are of that attack, whoever its victims were.
        if (b == Side.Armed && a != Side.Armed && SequelFight(text, from, sentence.EndToken)) return !Apart.Overlaps(Words(text, from, sentence.EndToken));
        if (a is Side.None or Side.Both || b is Side.None or Side.Both || a == b) return false;
        // Two counts in one sentence set against each other by "while" ("ten rebels were killed while three soldiers were
        // martyred") are of the fight it tells; two attack words joined otherwise ("five guards died in a raid on the post,
        // and the air force's reprisal killed 30 rebels") may be two attacks.
        var backward = false;
        if (s1 == s2)
        {
            // "Fourteen assailants were killed and three soldiers died": two counts joined by nothing but "and" are of one fight too.
            var onlyAnd = later.Fatalities!.Span.StartToken > first.Fatalities.Span.EndToken;
            for (var t = first.Fatalities.Span.EndToken; t < later.Fatalities!.Span.StartToken; t++)
            {
                var w = text.WordOf(t).ToLowerInvariant();
                if (w is "while" or "whereas") backward = true;
                if (w is not ("and" or ",")) onlyAnd = false;
            }
            backward |= onlyAnd;
        }
        for (var t = from; t < sentence.EndToken; t++)
        {
            var w = text.WordOf(t);
            if (Apart.Contains(w)) return false;
            if (w.Equals("also", StringComparison.OrdinalIgnoreCase)) backward = true;
        }
        // "in the exchange of fire", "in the ensuing clash": a definite article up to two words before a fight's word.
        for (var t = from; t < sentence.EndToken && !backward; t++)
        {
            if (!Fight.Contains(text.WordOf(t))) continue;
            for (var k = t - 1; k >= Math.Max(from, t - 2); k--)
            {
                if (text.WordOf(k).Equals("the", StringComparison.OrdinalIgnoreCase)) backward = true;
            }
        }
        return backward;
    }

    /// <summary>Whether [from, to) tells the defenders turning an attack back: <c>@side-repel</c> ("repelled"), or "back" after <c>@side-repel-back</c> ("fought back").</summary>
    internal static bool Repelled(AnnotatedText text, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (Repel.Contains(w) || w == "back" && t > from && RepelBack.Contains(text.WordOf(t - 1).ToLowerInvariant())) return true;
        }
        return false;
    }

    /// <summary>Whether a fight's word in [from, to) follows a sequel word ("the ensuing clash", "a subsequent shootout").</summary>
    private static bool SequelFight(AnnotatedText text, int from, int to)
    {
        for (var t = from + 1; t < to; t++)
        {
            if (Fight.Contains(text.WordOf(t)) && (Sequel.Contains(text.WordOf(t - 1).ToLowerInvariant()) || t - 2 >= from && Sequel.Contains(text.WordOf(t - 2).ToLowerInvariant()))) return true;
        }
        return false;
    }

    private static IEnumerable<string> Words(AnnotatedText text, int from, int to)
    {
        for (var t = from; t < to; t++) yield return text.WordOf(t);
    }

    /// <summary>
    /// Whether the victims in [victimStart, victimEnd) of a sentence [from, to) with no event of its own are attackers the
    /// defenders killed turning back the attack told before, whose dead (<paramref name="attackDead"/>) are not of the
    /// attackers' side: "… killing 27 soldiers. More than 60 militants were killed when troops fought back."
    /// </summary>
    internal static bool RepelledAttackers(AnnotatedText text, TokenSpan? attackDead, int victimStart, int victimEnd, int from, int to) =>
        attackDead is { } dead ? RepelledAttackers(text, dead.StartToken, dead.EndToken, victimStart, victimEnd, from, to)
            : SideOf(text, victimStart, victimEnd) == Side.Armed && Repelled(text, from, to);

    /// <summary>As above, the attack's dead at [deadStart, deadEnd).</summary>
    internal static bool RepelledAttackers(AnnotatedText text, int deadStart, int deadEnd, int victimStart, int victimEnd, int from, int to) =>
        SideOf(text, victimStart, victimEnd) == Side.Armed && SideOf(text, deadStart, deadEnd) != Side.Armed && Repelled(text, from, to);

    private static Side SideOf(AnnotatedText text, TokenSpan span) => SideOf(text, span.StartToken, span.EndToken);

    private static Side SideOf(AnnotatedText text, int start, int end)
    {
        var side = Side.None;
        for (var t = start; t < end; t++)
        {
            var w = text.WordOf(t);
            var now = Forces.Contains(w) ? Side.Forces : Armed.Contains(w) ? Side.Armed : Side.None;
            if (now == Side.None) continue;
            side = side == Side.None || side == now ? now : Side.Both;
        }
        return side;
    }

    private static EventMention Sum(AnnotatedText text, EventMention first, EventMention later)
    {
        var a = first.Fatalities!;
        var b = later.Fatalities!;
        var span = new TokenSpan(text, Math.Min(a.Span.StartToken, b.Span.StartToken), Math.Max(a.Span.EndToken, b.Span.EndToken));
        var injured = first.Injured is { } x && later.Injured is { } y
            ? new CountRange(x.Min + y.Min, x.Max is { } xm && y.Max is { } ym ? xm + ym : null,
                new TokenSpan(text, Math.Min(x.Span.StartToken, y.Span.StartToken), Math.Max(x.Span.EndToken, y.Span.EndToken)))
            : first.Injured ?? later.Injured;
        return first with
        {
            Fatalities = new CountRange(a.Min + b.Min, a.Max is { } am && b.Max is { } bm ? am + bm : null, span),
            Injured = injured,
            Location = first.Location ?? later.Location,
            Time = first.Time ?? later.Time,
            Confidence = Math.Max(first.Confidence, later.Confidence),
        };
    }
}
