using Crosscheck.Language;

namespace Crosscheck.Events;

// How a follow-up's statements add to an event's dead and wounded: new dead, wounded who died, more hurt.
public sealed partial class CasualtyFinder
{
    private static EventMention AddFollowUp(AnnotatedText text, EventMention target, List<Statement> statements, List<Statement> own, out decimal moved)
    {
        statements = WithHurtWhoDied(text, statements);
        var killed = target.Fatalities;
        var injured = target.Injured;
        moved = 0;
        var all = 0m;
        foreach (var o in own)
        {
            if (o.AllVictims) all = Math.Max(all, o.Min);
        }
        // "Twelve terrorists were neutralised and two soldiers lost their lives": new victims in a clause joined by "and" or
        // "while" to the dead before them add to them, as in a sentence of the event's own.
        Statement? previous = null;
        CountRange? beforePrevious = null, joined = null;
        foreach (var s in statements)
        {
            if (s.Kind != Outcome.Killed) continue;
            var range = new CountRange(s.Min, s.Max, text.Span(s.Start, s.End));
            // "One of the injured died overnight" after "killing four and wounding 20": one more dead, taken from the hurt.
            var ofTheHurt = OfTheHurt(text, s);
            var fromHurt = ofTheHurt && injured is { Min: > 0 } && s.Min <= injured.Min;
            // "Five of the wounded died in hospital overnight" with no dead told before: those are some of the dead, the
            // ones who died of their wounds, not the attack's whole toll; at least that many.
            if (ofTheHurt && killed is null && s.Max == s.Min) range = new CountRange(s.Min, null, range.Span);
            if (previous is { } p && joined is not null && !s.Additional && !fromHurt && JoinedClause(text, p, s))
            {
                joined = Add(text, joined, range);
                killed = Larger(beforePrevious, joined);
            }
            else
            {
                beforePrevious = killed;
                joined = range;
                killed = (s.Additional || fromHurt) && killed is not null ? Add(text, killed, range) : Larger(killed, range);
            }
            previous = s;
            // The wounded victim died: move them from injured to killed.
            // "The second victim was pronounced dead" is not the wounded one.
            // "Four children were among the dead" names some of the dead, not wounded who died.
            // "A man was killed and a teen hurt. The man died at the scene.": the dead named again by the noun that named
            // them are no wounded who died; "… The teen died later." names one of the hurt, who joins the dead told before.
            var named = s.Anaphoric ? NamedAs(text, s, own) : null;
            if (named == Outcome.Killed) continue;
            if (s.Anaphoric && injured is { Min: > 0 } && s.Min > 0 && !NamesAnother(text, s) && !AmongThem(text, s))
            {
                if (named == Outcome.Injured && beforePrevious is { Min: > 0 } dead) killed = Add(text, dead, range);
                var min = Math.Max(0, injured.Min - s.Min);
                moved += injured.Min - min;
                injured = min == 0 ? null : new CountRange(min, injured.Max is { } max ? Math.Max(min, max - s.Min) : null, injured.Span);
            }
        }
        foreach (var s in statements)
        {
            if (s.Kind != Outcome.Injured) continue;
            if (s.Anaphoric && killed is { Min: > 0 } && (injured is null || injured.Min == 0)) continue;
            if (statements.Exists(k => k.Kind == Outcome.Killed && k.Anaphoric && k.Min > 0) && s.Anaphoric) continue;
            var range = new CountRange(s.Min, s.Max, text.Span(s.Start, s.End));
            // "Four people were shot. One man died and three others were taken to hospital.": "others" after new dead of the
            // follow-up's own are others than those dead; when the two add up to the event's wounded, they tell what became of
            // those wounded (one died, three stayed hurt), so the hurt are the others, not more besides.
            if (s.Additional && injured is { } told && told.Max == told.Min && s.Max == s.Min && NewDeadBefore(statements, s) is > 0 and var died
                && died + s.Min == told.Min)
            {
                injured = range;
                continue;
            }
            var added = s.Additional && injured is not null ? Add(text, injured, range) : null;
            // "Police named the man killed in a double shooting. A second man was wounded.": the other victims of a count of
            // every victim ("a double shooting") are among that count, not more; the sentence says they lived.
            if (added is not null && injured is not null && all > 0 && added.Min + (killed?.Min ?? 0) > all) added = new CountRange(injured.Min, injured.Max, added.Span);
            injured = added ?? Larger(injured, range);
        }
        return target with { Fatalities = killed, Injured = injured };
    }

    /// <summary>How many new dead (no victims named before) the statements before <paramref name="others"/> count, all exact; 0 when any is not.</summary>
    private static decimal NewDeadBefore(List<Statement> statements, Statement others)
    {
        var dead = 0m;
        foreach (var k in statements)
        {
            if (k.Kind != Outcome.Killed || k.End > others.VictimStart) continue;
            if (k.Anaphoric || k.Additional || k.Max != k.Min) return 0;
            dead += k.Min;
        }
        return dead;
    }

    /// <summary>Whether <paramref name="s"/> names new dead in a clause joined by "and" or "while" right after those of <paramref name="p"/>.</summary>
    private static bool JoinedClause(AnnotatedText text, Statement p, Statement s) =>
        !p.Anaphoric && !s.Anaphoric && p.Min > 0 && s.Min > 0 && p.End <= s.VictimStart && s.VictimStart > 0 && s.VictimStart - p.End <= 2
        && text.WordOf(s.VictimStart - 1).ToLowerInvariant() is "and" or "while" or "whereas";

    /// <summary>"two children were among the dead": the statement puts its victims among a group told elsewhere.</summary>
    private static bool AmongThem(AnnotatedText text, Statement s)
    {
        for (var i = Math.Max(s.Start, s.VictimEnd); i < s.End; i++)
        {
            if (text.WordOf(i).Equals("among", StringComparison.OrdinalIgnoreCase)) return true;
        }
        // "Villagers buried 14 of the dead": a part of the dead told before, no wounded who died.
        for (var i = s.Start; i + 2 < s.End; i++)
        {
            if (text.WordOf(i).Equals("of", StringComparison.OrdinalIgnoreCase) && text.WordOf(i + 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(i + 2).ToLowerInvariant() is "dead" or "slain") return true;
        }
        return false;
    }

    /// <summary>"the second victim", "the other man": a victim other than the one named before.</summary>
    private static bool NamesAnother(AnnotatedText text, Statement s)
    {
        for (var i = s.VictimStart; i < s.VictimEnd; i++)
        {
            if (Additions.Contains(text.WordOf(i))) return true;
        }
        return false;
    }

    private static CountRange Larger(CountRange? a, CountRange b) =>
        a is null ? b : (b.Max ?? b.Min) > (a.Max ?? a.Min) || (b.Max is null && a.Max is not null && b.Min >= a.Min) ? b : a;

    private static CountRange Add(AnnotatedText text, CountRange a, CountRange b) =>
        new(a.Min + b.Min, a.Max is { } x && b.Max is { } y ? x + y : null,
            text.Span(Math.Min(a.Span.StartToken, b.Span.StartToken), Math.Max(a.Span.EndToken, b.Span.EndToken)));

    /// <summary>Whether the sentence names a known place (a country, city or region) other than the place of <paramref name="target"/>, which has one.</summary>
    private static bool NamesOtherPlace(AnnotatedText text, TokenSpan sentence, EventMention target)
    {
        if (target.Location?.Known?.Key is not { } key) return false;
        for (var t = sentence.StartToken; t < sentence.EndToken; t++)
        {
            if (text.EntityAt(t) is { Type: EntityType.Gpe or EntityType.Loc, Known.Key: { } other } && other != key) return true;
        }
        return false;
    }
}
