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
                found.Add(s.Kind == Outcome.Killed && s.VictimEnd - s.VictimStart == 1 && IsReflexive(text.WordOf(s.VictimStart)) ? s with { Self = true } : s);
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

    /// <summary>The statement whose outcome word is at <paramref name="i"/>, if any.</summary>
    private static Statement? Read(AnnotatedText text, TokenSpan sentence, int i)
    {
        var w = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        var next = i + 1 < sentence.EndToken ? text.WordOf(i + 1) : "";

        // "no injuries", "no deaths were reported", "no immediate reports of injuries"
        if (NoBefore(text, sentence, i) is { } no)
        {
            if (KilledNouns.Contains(w)) return Zero(Outcome.Killed, no, i + 1);
            if (InjuredNouns.Contains(w) && pos.StartsWith("NN", StringComparison.Ordinal)) return Zero(Outcome.Injured, no, i + 1);
        }

        // "Among the dead were six children", "Those killed included two nurses"
        if (Inverted(text, sentence, i) is { } inverted) return inverted;

        // "a double shooting", "a triple stabbing": the adjective counts the victims (wounded unless a death is said).
        if (MultipleVictims.TryGetValue(w, out var many) && i + 1 < sentence.EndToken)
        {
            if (next is "shooting" or "shootings" or "stabbing" or "stabbings")
                return new Statement(Outcome.Injured, many, many, i, i + 2, i, i + 1, false, false) { Weak = true, AllVictims = true };
            if (next is "homicide" or "homicides" or "murder" or "murders" or "killing" or "killings")
                return new Statement(Outcome.Killed, many, many, i, i + 2, i, i + 1, false, false);
        }

        // "has claimed at least 14 lives", "cost 12 civilian lives"
        if (w.Equals("lives", StringComparison.OrdinalIgnoreCase) && i > sentence.StartToken
            && (NumberEndingAt(text, i) ?? (text.PosOf(i - 1) is "JJ" or "NN" ? NumberEndingAt(text, i - 1) : null)) is { Min: > 0 } lives
            && lives.Span.StartToken > sentence.StartToken && IsLifeTaking(text.WordOf(lives.Span.StartToken - 1)))
            return new Statement(Outcome.Killed, lives.Min, lives.Max, lives.Span.StartToken, i + 1, lives.Span.StartToken, i + 1, false, false);

        // "The dead were identified as Tomas Bren and Ivo Sarl": the names count the dead (or the wounded) named before.
        if (w.Equals("identified", StringComparison.OrdinalIgnoreCase) && next.Equals("as", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken
            && IdentifiedGroup(text, sentence, i) is { } identifiedKind && Victims(text, sentence, i + 2, forward: true) is { Max: not null } named
            && OnlyNames(text, named.Start, named.End))
            return new Statement(identifiedKind, named.Min, named.Max, i, named.End, named.Start, named.End, true, false);

        // "claimed the lives of three shoppers", "cost the lives of two soldiers"
        if (w.Equals("lives", StringComparison.OrdinalIgnoreCase) && next == "of" && i - 2 >= sentence.StartToken && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
            && (IsLifeTaking(text.WordOf(i - 2)) || text.WordOf(i - 2).ToLowerInvariant() is "take" or "takes")
            && Victims(text, sentence, i + 2, forward: true) is { } livesOf && NumberAt(text, livesOf.Start, livesOf.End) is not null)
            return new Statement(Outcome.Killed, livesOf.Min, livesOf.Max, i - 2, livesOf.End, livesOf.Start, livesOf.End, livesOf.Anaphoric, false);

        // "A stray bullet struck a 6-year-old girl", "a man was hit by gunfire": a person struck was hurt (a wound does not
        // say whether the victim lived, so a death said elsewhere wins); places and things struck count no one.
        if (w.ToLowerInvariant() is "struck" or "hit" or "hits" or "strikes" or "striking" or "hitting" && pos.StartsWith("VB", StringComparison.Ordinal)
            && Struck(text, sentence, i) is { } struck) return struck with { Weak = true };

        // "caused the deaths of four people", "the death of a soldier"
        // ("the deaths of at least nine people": a count with no upper bound.)
        if (w is "deaths" or "death" && next == "of" && i + 2 < sentence.EndToken && Victims(text, sentence, i + 2, forward: true) is { } dead
            && (NumberAt(text, dead.Start, dead.End) is not null || w == "death" && dead.Max is not null))
            return new Statement(Outcome.Killed, dead.Min, dead.Max, i, dead.End, dead.Start, dead.End, dead.Anaphoric, false);

        // "injuries to 20 others", "injuries to at least 40 people": a counted group hurt.
        if (w is "injuries" or "injury" && next == "to" && i + 2 < sentence.EndToken && Victims(text, sentence, i + 2, forward: true) is { } injuredTo
            && NumberAt(text, injuredTo.Start, injuredTo.End) is not null)
            return new Statement(Outcome.Injured, injuredTo.Min, injuredTo.Max, i, injuredTo.End, injuredTo.Start, injuredTo.End, injuredTo.Anaphoric, false);

        // "two deaths", "3 fatalities", "44 civilian deaths" (a modifier or two between the count and the noun)
        if (KilledNouns.Contains(w) && pos.StartsWith("NN", StringComparison.Ordinal))
        {
            var before = i;
            while (before - 1 > sentence.StartToken && i - before < 2 && text.PosOf(before - 1) is "JJ" or "NN" or "NNP" && NumberEndingAt(text, before) is null) before--;
            if (NumberEndingAt(text, before) is { } n && n.Min > 0) return new Statement(Outcome.Killed, n.Min, n.Max, n.Span.StartToken, i + 1, n.Span.StartToken, i + 1, false, false);
        }

        // "Seventeen wounded people were taken to hospitals", "evacuated four injured soldiers": a count of people the
        // participle describes as hurt.
        if (InjuredParticiples.Contains(w) && pos is "JJ" or "VBN" or "VBD" && i + 1 < sentence.EndToken && NumberEndingAt(text, i) is { Min: > 0 } hurtCount
            && (PersonNouns.Contains(next) || IsGroupPlural(text, i + 1)))
            return new Statement(Outcome.Injured, hurtCount.Min, hurtCount.Max, hurtCount.Span.StartToken, i + 2, hurtCount.Span.StartToken, i + 2, false, false);

        // "fatally shot", "shot dead", "shot to death", "lost his life"
        if (w.Equals("fatally", StringComparison.OrdinalIgnoreCase) || w.Equals("mortally", StringComparison.OrdinalIgnoreCase))
        {
            if (InjuredActive.Contains(next) || next.Equals("struck", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);
            // "Four people were shot, one fatally", "two of them fatally": a count after a comma says how many of the victims
            // named before died (they are among them: the others stay hurt).
            var last = i;
            if (last - 2 > sentence.StartToken && text.WordOf(last - 1).ToLowerInvariant() is "them" or "those" && text.WordOf(last - 2).Equals("of", StringComparison.OrdinalIgnoreCase)) last -= 2;
            // ("one" before "of" or an adverb is no number of its own.)
            var (count, countStart) = NumberEndingAt(text, last) is { Min: > 0 } some ? ((decimal?)some.Min, some.Span.StartToken)
                : last - 1 > sentence.StartToken && text.WordOf(last - 1).Equals("one", StringComparison.OrdinalIgnoreCase) ? (1, last - 1) : (null, -1);
            if (count is { } died && text.WordOf(countStart - 1) == ",")
                return new Statement(Outcome.Killed, died, died, countStart, i + 1, countStart, last, true, false) { OfThoseBefore = true };
            return null;
        }
        if (ToDeath.Contains(w))
        {
            // "Police shot dead three militants": active, with its object after "dead".
            if (next.Equals("dead", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && !PrecededByBe(text, sentence, i)
                && Victims(text, sentence, i + 2, forward: true) is { Max: not null, Pronoun: false } shotDead)
                return new Statement(Outcome.Killed, shotDead.Min, shotDead.Max, i, shotDead.End, shotDead.Start, shotDead.End, shotDead.Anaphoric, false);
            // "A gunman shot dead a cobbler": whatever is shot dead is someone, one for "a" and a singular noun (never the gunman).
            if (next.Equals("dead", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && !PrecededByBe(text, sentence, i)
                && text.PosOf(i + 2) is "DT" or "CD" or "PRP$" or "JJ" or "NN" or "NNS")
            {
                var noun = i + 2;
                if (text.WordOf(noun).ToLowerInvariant() is not ("a" or "an")) return null;
                while (noun + 1 < sentence.EndToken && text.PosOf(noun + 1) is "JJ" or "NN" or "HYPH") noun++;
                return text.PosOf(noun) is "NN" ? new Statement(Outcome.Killed, 1, 1, i, noun + 1, i + 2, noun + 1, false, false) : null;
            }
            if (next.Equals("dead", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);
            if (next.Equals("to", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && text.WordOf(i + 2).Equals("death", StringComparison.OrdinalIgnoreCase))
                return Verb(text, sentence, i, i + 3, Outcome.Killed);
        }
        if (i > sentence.StartToken && (text.WordOf(i - 1).Equals("fatally", StringComparison.OrdinalIgnoreCase) || text.WordOf(i - 1).Equals("mortally", StringComparison.OrdinalIgnoreCase))) return null;
        if (i > sentence.StartToken && ToDeath.Contains(text.WordOf(i - 1)) && w.Equals("dead", StringComparison.OrdinalIgnoreCase)) return null;
        if (w.Equals("lost", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && text.WordOf(i + 1) is "his" or "her" or "their"
            && text.WordOf(i + 2) is "life" or "lives")
            return Intransitive(text, sentence, i, i + 3, Outcome.Killed);
        // An army's words for its own dead and for the enemy's: "three soldiers embraced martyrdom", "12 terrorists were sent to hell".
        if (w.ToLowerInvariant() is "embraced" or "embrace" or "embraces" && next.Equals("martyrdom", StringComparison.OrdinalIgnoreCase))
            return Intransitive(text, sentence, i, i + 2, Outcome.Killed);
        if (w.ToLowerInvariant() is "sent" && next.Equals("to", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken
            && text.WordOf(i + 2).Equals("hell", StringComparison.OrdinalIgnoreCase))
            return Passive(text, sentence, i, i + 3, Outcome.Killed, requireBe: true);
        // "Laos lost 14 troops and two farmers in the clashes": a side that loses a counted number of people lost
        // them to death ("lost 14 seats" counts no people).
        if (w.ToLowerInvariant() is "lost" or "lose" or "loses" or "losing" && pos.StartsWith("VB", StringComparison.Ordinal) && i + 1 < sentence.EndToken
            && TollCues.NumberStartingAt(text, i + 1) is not null && Victims(text, sentence, i + 1, forward: true) is { Max: not null } lost && PersonNouns.Contains(text.WordOf(lost.End - 1)))
            return new Statement(Outcome.Killed, lost.Min, lost.Max, i, lost.End, lost.Start, lost.End, false, false);

        if (Died.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal)) return Intransitive(text, sentence, i, i + 1, Outcome.Killed);
        if (w.Equals("dead", StringComparison.OrdinalIgnoreCase) || w.Equals("deceased", StringComparison.OrdinalIgnoreCase) && pos.StartsWith("JJ", StringComparison.Ordinal) || w.Equals("deceased", StringComparison.OrdinalIgnoreCase) && pos.StartsWith("VB", StringComparison.Ordinal))
            return Intransitive(text, sentence, i, i + 1, Outcome.Killed);
        // "Caskey's body was taken", "the body of a man was found", "the bodies of two men"
        if (w.Equals("body", StringComparison.OrdinalIgnoreCase) && pos is "NN" && next is "was" or "is" or "had" or "has" or "of" or "were" or "lay" or "found")
        {
            if (next == "of" && Victims(text, sentence, i + 2, forward: true) is { } of) return new Statement(Outcome.Killed, 1, 1, i, of.End, of.Start, of.End, of.Anaphoric, false);
            var owner = i - 1 >= sentence.StartToken && text.WordOf(i - 1) is "'s" or "’s" or "his" or "her" or "His" or "Her" ? Victims(text, sentence, i - 1, forward: false) : null;
            var victimStart = owner?.Start ?? i;
            return new Statement(Outcome.Killed, 1, 1, victimStart, i + 1, victimStart, i + 1, true, false);
        }
        if (w.Equals("bodies", StringComparison.OrdinalIgnoreCase) && next == "of" && Victims(text, sentence, i + 2, forward: true) is { } bodies)
            return new Statement(Outcome.Killed, bodies.Min, bodies.Max, i, bodies.End, bodies.Start, bodies.End, bodies.Anaphoric, false);
        // "recovered 13 bodies from the ruins", "four more bodies were found": counted bodies are the dead, "more" adding to
        // those told before.
        if (w.Equals("bodies", StringComparison.OrdinalIgnoreCase) && pos is "NNS" && CountedBodies(text, sentence, i) is { } counted)
            return counted;

        // "took his own life": the doer killed himself (a death, but none of the hurt).
        if (w.ToLowerInvariant() is "took" or "take" or "takes" or "taking" or "taken" && i + 3 < sentence.EndToken && text.WordOf(i + 1).ToLowerInvariant() is "his" or "her" or "their"
            && text.WordOf(i + 2).Equals("own", StringComparison.OrdinalIgnoreCase) && text.WordOf(i + 3).ToLowerInvariant() is "life" or "lives")
            return Intransitive(text, sentence, i, i + 4, Outcome.Killed) is { } own ? own with { Self = true } : null;
        // "three people were taken out", "took out two fighters"
        if (w is "taken" or "took" or "take" or "takes" or "taking" && next.Equals("out", StringComparison.OrdinalIgnoreCase)) return Verb(text, sentence, i, i + 2, Outcome.Killed);

        // "was treated for minor injuries", "medics treated a cook for a gunshot wound", "was treated and released": the one
        // treated was hurt, whether or not a hospital is named.
        if (Treating.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal) && TreatedForWound(text, sentence, i)
            && Treated(text, sentence, i) is { } treated) return treated;
        // "taken to a local hospital", "rushed to Kings County Hospital"
        if (Carried.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal) && !w.Equals("hospitalized", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 7); j++)
            {
                var wj = text.WordOf(j);
                if (wj.StartsWith("hospital", StringComparison.OrdinalIgnoreCase) || wj.Equals("trauma", StringComparison.OrdinalIgnoreCase)
                    || (wj.Equals("medical", StringComparison.OrdinalIgnoreCase) && j + 1 < sentence.EndToken && text.WordOf(j + 1).Equals("center", StringComparison.OrdinalIgnoreCase)))
                    return Passive(text, sentence, i, j + 1, Outcome.Injured, requireBe: true);
                if (wj is "," or "." or ";" or "and" or "where") break;
            }
            return null;
        }
        // "A shooting sent two people to the hospital": the object of a verb of sending, when "to … hospital" follows it.
        if (Sending.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal) && i + 1 < sentence.EndToken
            && Victims(text, sentence, i + 1, forward: true) is { Max: not null } sent && sent.End < sentence.EndToken && text.WordOf(sent.End).Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = sent.End + 1; j < Math.Min(sentence.EndToken, sent.End + 5); j++)
            {
                if (text.WordOf(j).StartsWith("hospital", StringComparison.OrdinalIgnoreCase))
                    return new Statement(Outcome.Injured, sent.Min, sent.Max, i, j + 1, sent.Start, sent.End, sent.Anaphoric, sent.Additional);
            }
            return null;
        }
        // "He did not survive": the victim named before died.
        if (w.ToLowerInvariant() is "survive" or "survived" && i - 2 >= sentence.StartToken && text.WordOf(i - 1).ToLowerInvariant() is "not" or "n't"
            && text.WordOf(i - 2).ToLowerInvariant() is "did" or "does" or "do")
            return Intransitive(text, sentence, i - 2, i + 1, Outcome.Killed);
        // "A policeman was among the dead", "two children were among those wounded": some of the victims, counted elsewhere.
        if (w.Equals("among", StringComparison.OrdinalIgnoreCase) && i + 2 < sentence.EndToken && text.WordOf(i + 1).ToLowerInvariant() is "the" or "those"
            && text.WordOf(i + 2).ToLowerInvariant() is var group && (group is "dead" or "killed" or "slain" || InjuredNouns.Contains(group) || group is "hurt"))
            return Passive(text, sentence, i, i + 3, group is "dead" or "killed" or "slain" ? Outcome.Killed : Outcome.Injured, requireBe: true) is { } among
                ? among with { Anaphoric = true, Additional = false } : null;
        // "a 15-year-old with a gunshot wound to his leg", "one man was taken to the hospital with life-threatening injuries"
        if (w.Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 6); j++)
            {
                var wj = text.WordOf(j);
                if (wj is "wound" or "wounds" or "injuries" or "injury" && text.PosOf(j) is "NN" or "NNS")
                {
                    var k = i - 1;
                    // "One man was taken to the hospital with ...": the victim is the subject of the carrying verb.
                    for (var c = i - 1; c > sentence.StartToken && i - c <= 8; c--)
                    {
                        if (text.WordOf(c) is "," or ";" or "and") break;
                        if (Carried.Contains(text.WordOf(c)) && text.PosOf(c) is "VBN" && Passive(text, sentence, c, j + 1, Outcome.Injured, requireBe: true) is { } carried) return carried;
                    }
                    // "A man turned up at a clinic with a bullet wound": the one who came with the wound (a wound does not say
                    // whether the victim lived, so a death said elsewhere wins).
                    if (ArrivedBefore(text, sentence, i) is { } arrived && Passive(text, sentence, arrived, j + 1, Outcome.Injured, requireBe: false) is { } came)
                        return came with { Weak = true };
                    // "Two men were found with gunshot wounds": the victims are the subject of the passive before "with".
                    if (k > sentence.StartToken && BeForms.Contains(text.WordOf(k)) && BeForms.Contains(text.WordOf(k - 1))
                        && Passive(text, sentence, k, j + 1, Outcome.Injured, requireBe: true) is { } found) return found with { Weak = true };
                    // "found dead with a gunshot wound" says how, not who else.
                    if (k < sentence.StartToken || text.WordOf(k).Equals("dead", StringComparison.OrdinalIgnoreCase) || KilledParticiples.Contains(text.WordOf(k))) return null;
                    if (Victims(text, sentence, k + 1, forward: false) is not { } with || with.Max is null) return null;
                    // A wound does not say whether the victim lived: a death said elsewhere wins.
                    return new Statement(Outcome.Injured, with.Min, with.Max, with.Start, j + 1, with.Start, with.End, with.Anaphoric, with.Additional) { Weak = true };
                }
                if (wj is "," or "." or ";" or "and" or "gun" or "gunfire" or "shots" or "rifle" or "handgun" or "knife") break;
            }
            return null;
        }
        // "suffered a cut to his head", "sustained two gunshot wounds": the subject was hurt (a wound does not say whether
        // the victim lived, so a death said elsewhere wins); "suffered fatal injuries" is left to the words of death.
        if (Suffering.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 7); j++)
            {
                var wj = text.WordOf(j);
                if (wj.StartsWith("fatal", StringComparison.OrdinalIgnoreCase) || wj.StartsWith("mortal", StringComparison.OrdinalIgnoreCase)) return null;
                if (WoundNouns.Contains(wj) && text.PosOf(j) is "NN" or "NNS")
                    return Passive(text, sentence, i, j + 1, Outcome.Injured, requireBe: false) is { } hurt ? hurt with { Weak = true } : null;
                if (wj is "," or "." or ";" or "and" or "when" or "after") return null;
            }
            return null;
        }
        // "is recovering from a gunshot wound", "is recovering after being shot"
        if (w.Equals("recovering", StringComparison.OrdinalIgnoreCase) && next is "from" or "after" or "at" or "in" or "," or ".")
            return Passive(text, sentence, i, i + 1, Outcome.Injured, requireBe: true);
        // Headlines: "Man critical after Kensington shooting"
        if (w.Equals("critical", StringComparison.OrdinalIgnoreCase) && next is "after" or "following" or "in" or "," && i > sentence.StartToken
            && PersonNouns.Contains(text.WordOf(i - 1)) && text.PosOf(i - 1) is "NN" or "NNS" or "NNP")
            return Victims(text, sentence, i, forward: false) is { } critical
                ? new Statement(Outcome.Injured, critical.Min, critical.Max, critical.Start, i + 1, critical.Start, critical.End, critical.Anaphoric, critical.Additional) : null;
        // "dozens remain in hospital", "with 60 people still in hospital"
        if (w.Equals("in", StringComparison.OrdinalIgnoreCase) && StillInHospital(text, sentence, i) is { } staying) return staying;
        // "in critical condition", "in serious but stable condition"
        if (w.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            var j = i + 1;
            var sawCondition = false;
            while (j < Math.Min(sentence.EndToken, i + 6) && (Conditions.Contains(text.WordOf(j)) || text.WordOf(j) is "but" or "and" or "," or "extremely" or "very" or "non-life-threatening"))
            {
                if (Conditions.Contains(text.WordOf(j))) sawCondition = true;
                j++;
            }
            if (sawCondition && j < sentence.EndToken && text.WordOf(j).Equals("condition", StringComparison.OrdinalIgnoreCase))
                return Passive(text, sentence, i, j + 1, Outcome.Injured, requireBe: true);
            return null;
        }

        // "accused of shooting an 18-year-old man in the head": a gerund that is mostly the event's noun hurts its object when
        // the parse makes it a verb with one (a wound does not say whether the victim lived: a death said elsewhere wins).
        if (InjuredGerunds.Contains(w) && pos == "VBG" && HasObject(text, i))
            return Verb(text, sentence, i, i + 1, Outcome.Injured) is { } hurt ? hurt with { Weak = true } : null;

        var killedWord = KilledActive.Contains(w) || KilledParticiples.Contains(w);
        var injuredWord = InjuredActive.Contains(w) || InjuredParticiples.Contains(w);
        if (!killedWord && !injuredWord) return null;
        // "476 were shot down", "was beaten back": a particle gives the wounding word another sense.
        if (!killedWord && i + 1 < sentence.EndToken && OtherSenseParticles.Contains(text.WordOf(i + 1))) return null;
        // Nouns are events, not outcomes ("the shooting", "the killing"), except the headline's "2 injured".
        // A headline's "kills one, injures three more" is a verb whatever its tag: a third-person form right before a count.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && !(w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.Equals("shot", StringComparison.OrdinalIgnoreCase) || w.Equals("hurt", StringComparison.OrdinalIgnoreCase))
            && !(w.EndsWith('s') && text.NumbersStartingIn(i + 1, i + 2).Length > 0)) return null;
        var outcome = killedWord ? Outcome.Killed : Outcome.Injured;
        if (Partitive(text, sentence, i) is { } partitive) return partitive.Whole is { } whole ? new Statement(outcome, whole.Min, whole.Max, whole.Span.StartToken, i + 1, whole.Span.StartToken, i + 1, false, false) : null;
        return Verb(text, sentence, i, i + 1, outcome) is { } statement ? statement with { Weak = outcome == Outcome.Injured && WeakWords.Contains(w) } : null;
    }

    /// <summary>
    /// The dead that the number before "bodies" at <paramref name="bodies"/> counts, right before it or before one describing
    /// word ("13 bodies", "four more bodies", "six charred bodies"); null when no number counts them or it is an age.
    /// </summary>
    private static Statement? CountedBodies(AnnotatedText text, TokenSpan sentence, int bodies)
    {
        var described = bodies - 1 >= sentence.StartToken && text.PosOf(bodies - 1) is "JJ" or "JJR" or "RBR" or "VBN";
        var numberEnd = described ? bodies - 1 : bodies;
        if (NumberEndingAt(text, numberEnd) is not { } n || n.Span.StartToken < sentence.StartToken || IsAge(text, n)) return null;
        var more = described && Additions.Contains(text.WordOf(bodies - 1).ToLowerInvariant());
        return new Statement(Outcome.Killed, n.Min, n.Max, n.Span.StartToken, bodies + 1, n.Span.StartToken, bodies + 1, false, more);
    }

    /// <summary>
    /// "Among the dead were six children", "Those killed included two policemen and a child", "Killed were five fighters",
    /// "among those who died were three nurses": a group of the dead at <paramref name="i"/> ("the dead", "those killed",
    /// "those who died", or an opening "Killed") and a link after it (<c>@inversion-links</c>) name the dead after the
    /// link. A form of "be" needs "among" before the group or the group to open the sentence ("the dead were taken away"
    /// names no one, "the dead were 19" is a tally); "among" or "included" (<c>@partial-links</c>) count only some of the
    /// dead, a lower bound. They are the dead, never hurt victims told before who died (the group is not anaphoric). Null
    /// when the words are no such group.
    /// </summary>
    private static Statement? Inverted(AnnotatedText text, TokenSpan sentence, int i)
    {
        var w = text.WordOf(i).ToLowerInvariant();
        var before = i - 1 >= sentence.StartToken ? text.WordOf(i - 1).ToLowerInvariant() : "";
        int groupStart;
        if (w == "dead" && before == "the") groupStart = i - 1;
        else if (KilledParticiples.Contains(w) && before is "those" or "people") groupStart = i - 1;
        else if (KilledParticiples.Contains(w) && i == sentence.StartToken) groupStart = i;
        else if (Died.Contains(w) && before == "who" && i - 2 >= sentence.StartToken && text.WordOf(i - 2).ToLowerInvariant() is "those" or "people") groupStart = i - 2;
        else return null;
        // "Those killed in Tuesday's attack on the convoy included two aid workers": where the group died may stand between it
        // and its link.
        var linkAt = LinkAfterPlace(text, sentence, i + 1);
        if (linkAt + 1 >= sentence.EndToken || !InversionLinks.Contains(text.WordOf(linkAt))) return null;
        var link = text.WordOf(linkAt);
        var among = groupStart > sentence.StartToken && text.WordOf(groupStart - 1).Equals("among", StringComparison.OrdinalIgnoreCase);
        if (BeForms.Contains(link) && !among && groupStart != sentence.StartToken) return null;
        if (Victims(text, sentence, linkAt + 1, forward: true) is not { Max: not null, Pronoun: false } named || named.Start != linkAt + 1 || named.Min <= 0) return null;
        var partial = among || PartialLinks.Contains(link);
        return new Statement(Outcome.Killed, named.Min, partial ? null : named.Max, among ? groupStart - 1 : groupStart, named.End, named.Start, named.End, false, false);
    }

    /// <summary>
    /// Where the link of an inverted group of the dead stands: <paramref name="at"/>, or past a phrase of where or when they
    /// died that opens with a preposition and holds no comma or verb ("those killed in the attack on the convoy included").
    /// </summary>
    private static int LinkAfterPlace(AnnotatedText text, TokenSpan sentence, int at)
    {
        if (at >= sentence.EndToken || text.PosOf(at) != "IN" || text.WordOf(at).ToLowerInvariant() is "as" or "that" or "because" or "if") return at;
        for (var k = at + 1; k < sentence.EndToken && k - at <= 12; k++)
        {
            var w = text.WordOf(k);
            if (InversionLinks.Contains(w) && text.PosOf(k) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) return k;
            // ("in the fighting": a gerund after a determiner is a noun.)
            if (w is "," or ";" or ":" or "—" or "–" || text.PosOf(k) is { } q && q.StartsWith("VB", StringComparison.Ordinal) && text.PosOf(k - 1) is not ("DT" or "PRP$" or "POS")) return at;
        }
        return at;
    }

    /// <summary>
    /// Whether the verb of treating at <paramref name="verb"/> treats a wound: "for" and a wound noun within four words after
    /// it ("treated at the scene for minor injuries"), or "and released" right after it.
    /// </summary>
    private static bool TreatedForWound(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (verb + 2 < sentence.EndToken && text.WordOf(verb + 1).Equals("and", StringComparison.OrdinalIgnoreCase)
            && text.WordOf(verb + 2).Equals("released", StringComparison.OrdinalIgnoreCase)) return true;
        for (var j = verb + 1; j < Math.Min(sentence.EndToken, verb + 8); j++)
        {
            var wj = text.WordOf(j);
            if (wj is "," or ";" or ":" or "." or "and" or "but" or "after" or "when" or "while") return false;
            if (!wj.Equals("for", StringComparison.OrdinalIgnoreCase)) continue;
            for (var m = j + 1; m < Math.Min(sentence.EndToken, j + 5); m++)
            {
                if (WoundNouns.Contains(text.WordOf(m)) && text.PosOf(m) is "NN" or "NNS") return true;
                if (text.WordOf(m) is "," or ";" or "." or "and" or "or") return false;
            }
            return false;
        }
        return false;
    }

    /// <summary>
    /// The ones a verb of treating treats: its subject when passive ("two men were treated"), else its object ("medics
    /// treated a cashier"), never the ones who treat.
    /// </summary>
    private static Statement? Treated(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (PrecededByBe(text, sentence, verb)) return Passive(text, sentence, verb, verb + 1, Outcome.Injured, requireBe: true);
        if (verb + 1 >= sentence.EndToken || Victims(text, sentence, verb + 1, forward: true) is not { Max: not null } treated) return null;
        return new Statement(Outcome.Injured, treated.Min, treated.Max, verb, treated.End, treated.Start, treated.End, treated.Anaphoric, false);
    }

    /// <summary>
    /// The verb of arriving ("showed up", "walked into", "drove himself to", "was dropped off at") that a place alone separates
    /// from the "with" at <paramref name="with"/>; null when another word stands between ("arrived to find a man with …").
    /// </summary>
    private static int? ArrivedBefore(AnnotatedText text, TokenSpan sentence, int with)
    {
        for (var k = with - 1; k >= sentence.StartToken && with - k <= 10; k--)
        {
            var wk = text.WordOf(k);
            var pk = text.PosOf(k) ?? "";
            if (Arriving.Contains(wk) && pk.StartsWith("VB", StringComparison.Ordinal)) return k < with - 1 ? k : null;
            if (IsReflexive(wk) || wk.ToLowerInvariant() is "up" or "off" or "in") continue;
            if (pk is "NN" or "NNS" && PersonNouns.Contains(wk)) return null;
            if (pk is "IN" or "TO" && wk.ToLowerInvariant() is "at" or "to" or "into" or "in" or "on" or "near" or "outside" or "inside") continue;
            if (pk is not ("DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "RP" or "PRP$" or "POS" or "CD" or "HYPH")) return null;
        }
        return null;
    }

    /// <summary>A verb that takes lives in the past or a form of "claim" or "cost" ("claimed 12 lives", "cost the lives of two").</summary>
    private static bool IsLifeTaking(string word) =>
        word.ToLowerInvariant() is "claimed" or "claim" or "claims" or "claiming" or "cost" or "costs" or "costing" or "taken" or "took";

    /// <summary>Whether the words are names joined by commas and "and" ("Tomas Bren and Ivo Sarl"), ending in one.</summary>
    private static bool OnlyNames(AnnotatedText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text.PosOf(i) is not ("NNP" or "NNPS") && text.WordOf(i) is not ("," or "and")) return false;
        }
        return end > start && text.PosOf(end - 1) is "NNP" or "NNPS";
    }

    /// <summary>"The dead were identified", "the wounded have been identified": the kind of victims before the verb; null for others.</summary>
    private static Outcome? IdentifiedGroup(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var k = verb - 1;
        while (k > sentence.StartToken && (BeForms.Contains(text.WordOf(k)) || text.WordOf(k).ToLowerInvariant() is "have" or "has" or "had" or "since" or "now")) k--;
        if (k == verb - 1 || k - 1 < sentence.StartToken || !text.WordOf(k - 1).Equals("the", StringComparison.OrdinalIgnoreCase)) return null;
        var group = text.WordOf(k).ToLowerInvariant();
        return group is "dead" or "deceased" or "slain" ? Outcome.Killed : group is "wounded" or "injured" ? Outcome.Injured : null;
    }

    /// <summary>
    /// The people a verb of striking hit: its object after it when active ("struck a 6-year-old girl"), its subject before
    /// it when passive ("a woman was hit by a stray bullet"); only a phrase whose head is a person noun or an age, since
    /// what strikes places ("struck Kharkiv", "hit a hospital") hurts no one it names.
    /// </summary>
    private static Statement? Struck(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var passive = PrecededByBe(text, sentence, verb);
        var victims = passive ? Victims(text, sentence, PassiveStart(text, sentence, verb), forward: false) : verb + 1 < sentence.EndToken ? Victims(text, sentence, verb + 1, forward: true) : null;
        if (victims is not { Max: not null } v || v.Pronoun && !passive) return null;
        var head = text.WordOf(v.End - 1);
        if (text.PosOf(v.End - 1) is "NNP" or "NNPS" || !(PersonNouns.Contains(head) || head.Contains("year-old", StringComparison.OrdinalIgnoreCase) || v.Pronoun)) return null;
        return new Statement(Outcome.Injured, v.Min, v.Max, Math.Min(verb, v.Start), Math.Max(verb + 1, v.End), v.Start, v.End, v.Anaphoric, v.Additional);
    }

    /// <summary>Where the victims of a passive verb end: before its auxiliaries and adverbs ("a woman was (reportedly) hit").</summary>
    private static int PassiveStart(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var k = verb - 1;
        while (k >= sentence.StartToken && (BeForms.Contains(text.WordOf(k)) || PassiveBridge.Contains(text.WordOf(k)) || text.PosOf(k) is "RB")) k--;
        return k + 1;
    }

    /// <summary>
    /// Where the "no" that makes the noun at <paramref name="noun"/> a count of none stands: right before it ("no
    /// injuries") or before words of reporting ("no immediate reports of casualties", "no confirmed deaths"); null otherwise.
    /// </summary>
    private static int? NoBefore(AnnotatedText text, TokenSpan sentence, int noun)
    {
        for (var k = noun - 1; k >= sentence.StartToken && noun - k <= 4; k--)
        {
            if (text.WordOf(k).Equals("no", StringComparison.OrdinalIgnoreCase)) return k;
            if (!NoReportWords.Contains(text.WordOf(k))) return null;
        }
        return null;
    }

    /// <summary>
    /// "One of the men killed was a fisherman", "two of those wounded are children", "one of the three men killed when the
    /// boat was hit was a fisherman": a participle after the noun of a partitive describes some of the victims, with a verb
    /// of its own after it or, in the parse, as a reduced relative with no object. It states no count of them, unless the
    /// group it describes has its own number ("the three men killed"): then that is the count, not the part's one.
    /// Null when the participle is no such description.
    /// </summary>
    private static PartitiveReading? Partitive(AnnotatedText text, TokenSpan sentence, int participle)
    {
        // (A tagger may read the participle as a past tense: "the men killed was" cannot be one.)
        if (text.PosOf(participle) is not ("VBN" or "VBD") || participle + 1 >= sentence.EndToken) return null;
        var verbAfter = text.PosOf(participle + 1) is "VBD" or "VBZ" or "VBP" or "MD";
        if (!verbAfter && !(text.RelationOf(participle) == "acl" && !HasObject(text, participle))) return null;
        // Back over the noun phrase ("the men", "those", "the three people") to its "of" and the number before it.
        for (var k = participle - 1; k >= Math.Max(sentence.StartToken + 1, participle - 5); k--)
        {
            if (text.WordOf(k).Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                if (NumberEndingAt(text, k) is null && text.WordOf(k - 1) is not ("one" or "One")) return null;
                var whole = NumberEndingAt(text, participle - 1) ?? NumberEndingAt(text, participle - 2);
                return new PartitiveReading(whole is { Span.StartToken: var s } && s > k ? whole : null);
            }
            if (text.PosOf(k) is not ("DT" or "NN" or "NNS" or "JJ" or "PRP$" or "CD")) return null;
        }
        return null;
    }

    private sealed record PartitiveReading(NumberMention? Whole);

    /// <summary>Whether the parse gives the verb at <paramref name="verb"/> a direct object (false without a parse).</summary>
    private static bool HasObject(AnnotatedText text, int verb) => new Token(text, verb).Dependents.Any(d => d.Relation == "obj");

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
