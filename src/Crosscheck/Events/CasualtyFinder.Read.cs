using Crosscheck.Language;

namespace Crosscheck.Events;

// The reading of one outcome word into a statement.
public sealed partial class CasualtyFinder
{
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
        // "claimed the life of a teacher", "took the life of a 15-year-old": one victim, named after "of".
        if (w.Equals("life", StringComparison.OrdinalIgnoreCase) && next == "of" && i - 2 >= sentence.StartToken && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
            && (IsLifeTaking(text.WordOf(i - 2)) || text.WordOf(i - 2).ToLowerInvariant() is "take" or "takes")
            && Victims(text, sentence, i + 2, forward: true) is { Max: not null } lifeOf)
            return new Statement(Outcome.Killed, lifeOf.Min, lifeOf.Max, i - 2, lifeOf.End, lifeOf.Start, lifeOf.End, lifeOf.Anaphoric, false);

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
                && Victims(text, sentence, i + 2, forward: true) is { Pronoun: false } shotDead && (shotDead.Max is not null || text.NumbersStartingIn(i + 2, i + 3).Length > 0))
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
            {
                // "Raiders hacked to death at least 30 villagers": active, with its object after "death".
                if (i + 3 < sentence.EndToken && !PrecededByBe(text, sentence, i)
                    && Victims(text, sentence, i + 3, forward: true) is { Pronoun: false } toDeath && (toDeath.Max is not null || NumberAt(text, toDeath.Start, toDeath.End) is not null))
                    return new Statement(Outcome.Killed, toDeath.Min, toDeath.Max, i, toDeath.End, toDeath.Start, toDeath.End, toDeath.Anaphoric, false);
                return Verb(text, sentence, i, i + 3, Outcome.Killed);
            }
        }
        // "gunned down two officers", "were mowed down at a checkpoint": the particle ends the verb, its victims follow it or
        // come before it when passive.
        if (KilledDown.Contains(w) && next.Equals("down", StringComparison.OrdinalIgnoreCase) && pos.StartsWith("VB", StringComparison.Ordinal))
            return Verb(text, sentence, i, i + 2, Outcome.Killed);
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

        if (Died.Contains(w) && pos.StartsWith("VB", StringComparison.Ordinal))
            return OtherSenseOfDying(text, sentence, i) ? null : Intransitive(text, sentence, i, i + 1, Outcome.Killed);
        if (PartOfTheDead(text, sentence, i) is { } part) return part;
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
        // "a 16-year-old with a bullet wound in the arm", "a driver was rushed to a clinic in a critical state"
        if (w.Equals("with", StringComparison.OrdinalIgnoreCase))
        {
            for (var j = i + 1; j < Math.Min(sentence.EndToken, i + 6); j++)
            {
                var wj = text.WordOf(j);
                if (wj is "wound" or "wounds" or "injuries" or "injury" && text.PosOf(j) is "NN" or "NNS")
                {
                    var k = i - 1;
                    // "A driver was rushed to a clinic with ...": the victim is the subject of the carrying verb.
                    for (var c = i - 1; c > sentence.StartToken && i - c <= 8; c--)
                    {
                        if (text.WordOf(c) is "," or ";" or "and") break;
                        if (Carried.Contains(text.WordOf(c)) && text.PosOf(c) is "VBN" && Passive(text, sentence, c, j + 1, Outcome.Injured, requireBe: true) is { } carried) return carried;
                    }
                    // "A man turned up at a clinic with a bullet wound": the one who came with the wound (a wound does not say
                    // whether the victim lived, so a death said elsewhere wins).
                    if (ArrivedBefore(text, sentence, i) is { } arrived && Passive(text, sentence, arrived, j + 1, Outcome.Injured, requireBe: false) is { } came)
                        return came with { Weak = true };
                    // "Three women were found with bullet wounds": the victims are the subject of the passive before "with".
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

        // "accused of shooting a 19-year-old student in the chest": a gerund that is mostly the event's noun hurts its object when
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
}
