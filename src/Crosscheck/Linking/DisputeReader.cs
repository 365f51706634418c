using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>
/// Finds a party's denials and disputes of reported facts (the cues of <c>data/events/disputes.txt</c>): a deny verb
/// whose subject is the party ("Cambodia denied the allegation"), a reject verb whose object is a claim ("dismissed
/// the reports"), and a party saying who the victims were or were not ("said the people killed were fishermen",
/// "they were not drug traffickers") or that the event never took place. Each keeps its words, its speaker and the
/// event it is about: an event of its own sentence (for a deny verb, the event read as denied first), else the article's
/// first reported news ("disputed the account").
/// A cue with a negation before it ("did not deny") disputes nothing; words that name no speaker are the article's own.
/// Only a party disputes: "he" is the person the coreference chain names, "the ministry" the ministry named in full before,
/// and words of no one known (a pronoun standing for no one, "media reports") are no dispute; the two sides of a mutual
/// blame are named as the countries they are, and a blame whose sides are not clear is none.
/// </summary>
internal static partial class DisputeReader
{
    private static readonly ImmutableArray<string> DenyVerbs = [.. IncidentWords.Dispute("deny-verbs")];
    private static readonly ImmutableArray<string> RejectVerbs = [.. IncidentWords.Dispute("reject-verbs")];
    private static readonly System.Collections.Frozen.FrozenSet<string> OtherObjects = IncidentWords.DisputeSet("deny-other-objects");
    private static readonly System.Collections.Frozen.FrozenSet<string> ClaimNouns = IncidentWords.DisputeSet("claim-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> FalseWords = IncidentWords.DisputeSet("false-words");
    private static readonly System.Collections.Frozen.FrozenSet<string> AllegationNouns = IncidentWords.DisputeSet("allegation-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> VictimNouns = IncidentWords.DisputeSet("victim-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> Copulas = IncidentWords.DisputeSet("copulas");
    private static readonly System.Collections.Frozen.FrozenSet<string> CivilianNouns = IncidentWords.DisputeSet("civilian-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> CombatantNouns = IncidentWords.DisputeSet("combatant-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> KillWords = IncidentWords.DisputeSet("kill-words");
    private static readonly System.Collections.Frozen.FrozenSet<string> DeadSubjects = IncidentWords.DisputeSet("dead-subjects");
    private static readonly System.Collections.Frozen.FrozenSet<string> IdentityNouns = IncidentWords.DisputeSet("denied-identity-nouns");
    private static readonly System.Collections.Frozen.FrozenSet<string> Negations = IncidentWords.DisputeSet("negations");
    private static readonly ImmutableArray<string[]> NonEvents = [.. IncidentWords.Dispute("nonevent-phrases").Select(p => p.Split('_'))];
    private static readonly System.Collections.Frozen.FrozenSet<string> BlameOtherObjects = IncidentWords.DisputeSet("blame-other-objects");
    private static readonly ImmutableArray<string[]> Blames = [.. IncidentWords.Dispute("blame-phrases").Select(p => p.Split('_'))];
    private static readonly System.Collections.Frozen.FrozenSet<string> Hedges = IncidentWords.DisputeSet("hedge-speakers");
    private static readonly System.Collections.Frozen.FrozenSet<string> ResponsibilityNouns = IncidentWords.DisputeSet("responsibility-nouns");
    private static readonly ImmutableArray<string> AllegationVerbs = [.. IncidentWords.Dispute("allegation-verbs")];
    private static readonly System.Collections.Frozen.FrozenSet<string> DeathWords = IncidentWords.DisputeSet("death-words");
    private static readonly ImmutableArray<string> CallVerbs = [.. IncidentWords.Dispute("call-verbs")];
    private static readonly System.Collections.Frozen.FrozenSet<string> OverstatedWords = IncidentWords.DisputeSet("overstated-words");

    /// <param name="quotes">The article's quotes with their speakers: words of a quote whose own sentence names no speaker are its speaker's.</param>
    public static ImmutableArray<DisputeFacts> Read(AnnotatedText text, IReadOnlyList<EventFacts> events, IReadOnlyList<Quote>? quotes = null)
    {
        var found = ImmutableArray.CreateBuilder<DisputeFacts>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0 || text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            for (var i = sentence.StartToken; i < sentence.EndToken; i++)
            {
                if (Cue(text, sentence, i) is not { } cue) continue;
                if ((cue.Kind == "blame" ? SidesOf(text, sentence, i) : PartyOf(text, sentence, i, cue.Kind, quotes)) is not var (name, country)) continue;
                var claim = FalseClaim(text, sentence, i) ?? (cue.Kind is "denial" or "dispute" ? ClaimOf(text, sentence, i) : null);
                // "…, a charge the government denies": the deny verb's object is the noun its clause describes.
                if (claim is null && cue.Kind == "denial" && DescribedClaim(text, sentence, i) is { } described) claim = described;
                found.Add(new DisputeFacts(cue.Kind, cue.Words, name, country, AnchorOf(text, events, sentence, i, cue.Kind, claim, found), sentence.Start, sentence.End, sentence.Text));
                break;
            }
        }
        var taken = found.Select(d => d.Start).ToHashSet();
        found.AddRange(Counterclaims(text, events, taken));
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found.ToImmutable();
    }

    /// <summary>
    /// The claim noun a deny verb's clause describes ("a charge the government denies", "an allegation which the army
    /// denied"): the head of its relative clause, or a claim noun just before its subject; null when none.
    /// </summary>
    private static int? DescribedClaim(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (text.RelationOf(verb) == "acl:relcl" && text.HeadOf(verb) is var head and >= 0 && ClaimNouns.Contains(text.WordOf(head))) return head;
        if (SubjectOf(text, verb) is not { } subject) return null;
        var t = SyntaxActors.PhraseOf(text, subject).StartToken - 1;
        if (t >= sentence.StartToken && text.WordOf(t) is "which" or "that") t--;
        return t >= sentence.StartToken && text.PosOf(t) is "NN" or "NNS" && ClaimNouns.Contains(text.WordOf(t)) ? t : null;
    }

    /// <summary>
    /// The party whose words the cue is, with its country; null when no party is known: the cue's words belong to no one
    /// named, or to a pronoun no one named before stands for, or to the reporting itself ("media reports said").
    /// </summary>
    private static (string Name, string? Country)? PartyOf(AnnotatedText text, TokenSpan sentence, int cue, string kind, IReadOnlyList<Quote>? quotes = null)
    {
        // A deny verb with no subject of its own in the parse is said by the speaker of the clause it hangs in
        // ("Petro said a fisherman was among those killed …, and denied that …").
        // "Reports that … are fabricated, the army said": the subject of a false word is the claim, not who calls it false.
        var falseClaim = FalseClaim(text, sentence, cue);
        var speaker = falseClaim is { } claimed ? SayerOf(text, sentence, claimed, cue)
            : kind is "denial" or "dispute" ? SubjectOf(text, cue) ?? FiniteDescriber(text, cue) ?? SpeakerOf(text, cue) : SpeakerOf(text, cue);
        // "\"My son was not a militant. He was a student,\" said his father": the quote's speaker, named in another sentence.
        if (speaker is null && QuoteSpeaker(text, cue, quotes) is { } quoted) return quoted;
        speaker ??= SpeechBefore(text, sentence, cue) ?? EntityBefore(text, sentence, cue);
        if (speaker is not { } token) return null;
        if (Hedges.Contains(text.WordOf(token))) return null;
        if (text.PosOf(token) is "PRP")
        {
            // "The ministry said it rejected …": "it" is the body speaking; "he", "she": the person the coreference chain names.
            if (SyntaxActors.SpeakerForPronoun(text, token) is var body && body != token) return NameOf(text, body);
            foreach (var chain in text.Coreference)
            {
                foreach (var m in chain.Mentions)
                {
                    if (m.Contains(token)) return (chain.Known?.Name ?? chain.Name, chain.Known?.Country);
                }
            }
            return null;
        }
        var (name, country) = NameOf(text, token);
        return BodyNamedBefore(text, token) ?? (name, country);
    }

    /// <summary>
    /// The two sides of a mutual blame, named: the countries the blaming words join ("Thailand and Cambodia have traded
    /// blame"), else the two countries its sentence names ("Cambodian and Thai troops clashed, with both blaming each other"),
    /// else the two countries the article names up to it, a third named at most half as often as the second ("Both countries
    /// accused each other" in a report of two countries' clash). Null when the sides are not clear: who blames whom is then unknown.
    /// </summary>
    private static (string Name, string? Country)? SidesOf(AnnotatedText text, TokenSpan sentence, int cue)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var inSentence = new List<string>();
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= sentence.EndToken) continue;
            if (m.Type is not (EntityType.Gpe or EntityType.Norp) || CountryOf(m) is not { } c) continue;
            counts[c] = counts.TryGetValue(c, out var seen) ? (seen.Count + 1, seen.First) : (1, m.Span.StartToken);
            if (m.Span.StartToken >= sentence.StartToken && !inSentence.Contains(c)) inSentence.Add(c);
        }
        // The blaming words' own subject, when it joins two countries ("Thailand and Cambodia", "Thai and Cambodian troops").
        var subject = SubjectOf(text, cue) ?? (text.RelationOf(cue) == "acl" && text.HeadOf(cue) is var holder and >= 0 ? holder : null);
        var joined = subject is { } sub
            ? text.Entities.Where(m => m.Type is EntityType.Gpe or EntityType.Norp && (m.Span.Contains(sub) || Within(text, m.Span.StartToken, sub)))
                .Select(CountryOf).OfType<string>().Distinct().ToList()
            : [];
        List<string> sides;
        if (joined.Count == 2) sides = joined;
        else if (inSentence.Count == 2) sides = inSentence;
        else
        {
            var ranked = counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).ToList();
            if (ranked.Count < 2 || inSentence.Count > 2 || (ranked.Count > 2 && ranked[2].Value.Count * 2 > ranked[1].Value.Count)) return null;
            sides = [ranked[0].Key, ranked[1].Key];
            if (inSentence.Count == 1 && !sides.Contains(inSentence[0])) return null;
            sides = [.. sides.OrderBy(c => counts[c].First)];
        }
        return (string.Join(" and ", sides.Select(c => Gazetteer.Default.Country(c)?.Entity.Name ?? c)), null);
    }

    private static (string Kind, string Words)? Cue(AnnotatedText text, TokenSpan sentence, int i)
    {
        var word = text.WordOf(i);
        var pos = text.PosOf(i) ?? "";
        // "The two capitals accused each other of opening the battle", "as the two armies traded accusations": each side
        // says the other attacked (read before the verb's own checks: the parse may take "traded" for an adjective).
        // "accused each other of stalling truce talks", "blaming each other for the lack of progress in dialogue": the
        // blame is for the talks, not for an attack.
        if (Phrase(text, sentence, i, Blames) is { } blame)
            return Negated(text, sentence, i) || BlamesOther(text, sentence, i + blame.Count(c => c == ' ') + 1) ? null : ("blame", blame);
        if (FalseClaim(text, sentence, i) is { } claim) return ("dispute", text.WordOf(claim) + FalseJoin + word);
        if (pos.StartsWith("VB", StringComparison.Ordinal))
        {
            var lemmas = Lemmas.Candidates(word).Prepend(word.ToLowerInvariant()).ToList();
            // "contested border", "the disputed area": an adjective, not a party's word.
            if (Negated(text, sentence, i) || text.RelationOf(i) == "amod"
                || (pos == "VBN" && i + 1 < sentence.EndToken && text.PosOf(i + 1) is { } next && next.StartsWith("NN", StringComparison.Ordinal))) return null;
            var obj = ObjectOf(text, sentence, i);
            if (lemmas.Any(l => DenyVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)))
                return obj is { } o && OtherObjects.Contains(text.WordOf(o)) ? null : ("denial", word);
            if (lemmas.Any(l => RejectVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)) && obj is { } c && ClaimNouns.Contains(text.WordOf(c)))
                return ("dispute", word + " " + text.WordOf(c));
            // "called the claims baseless", "described the figures as exaggerated": a claim noun called false or overstated.
            if (lemmas.Any(l => CallVerbs.Contains(l, StringComparer.OrdinalIgnoreCase)) && obj is { } called && ClaimNouns.Contains(text.WordOf(called))
                && CalledWord(text, sentence, called) is { } verdict)
                return ("dispute", word + " " + text.WordOf(called) + " " + text.WordOf(verdict));
            return null;
        }
        if (pos.StartsWith("NN", StringComparison.Ordinal) && VictimNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } cop && Before(text, sentence, i, Negations) is null
            && Describes(text, cop, i))
            return ("victims", text.Span(cop, i + 1).Text);
        // "The officials said the dead were civilians": only against a party's word that they were combatants.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && CivilianNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } was && Before(text, sentence, i, Negations) is null
            && Describes(text, was, i) && CombatantsSaid(text, sentence, i))
            return ("victims", text.Span(was, i + 1).Text);
        if (pos.StartsWith("NN", StringComparison.Ordinal) && IdentityNouns.Contains(word) && Before(text, sentence, i, Negations) is { } neg
            && Before(text, sentence, i, Copulas) is { } be && be < neg && Describes(text, neg, i))
            return ("victims", text.Span(be, i + 1).Text);
        // "The rebels said the dead were fighters": a party's word that the dead were combatants, only against an article that
        // tells civilians killed; "two of the dead were fighters" tells the toll.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && CombatantNouns.Contains(word) && Before(text, sentence, i, Copulas) is { } are && Before(text, sentence, i, Negations) is null
            && Describes(text, are, i) && DeadSubject(text, sentence, are) && CiviliansKilledElsewhere(text, sentence))
            return ("victims", text.Span(are, i + 1).Text);
        // "The army said the dead were rebels, not civilians", "were fighters, not farmers": a party's word that the victims
        // were not civilians.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && (CivilianNouns.Contains(word) || VictimNouns.Contains(word)) && Before(text, sentence, i, Negations) is { } not
            && CopulaOfNegated(text, sentence, not) is { } were)
            return ("victims", text.Span(were, i + 1).Text);
        // "The army said no civilians were killed": only against an article that tells civilians killed.
        if (pos.StartsWith("NN", StringComparison.Ordinal) && (CivilianNouns.Contains(word) || VictimNouns.Contains(word)) && i > sentence.StartToken
            && string.Equals(text.WordOf(i - 1), "no", StringComparison.OrdinalIgnoreCase) && NoneKilled(text, sentence, i) is { } killed && CiviliansKilledElsewhere(text, sentence))
            return ("victims", text.Span(i - 1, killed + 1).Text);
        if (Phrase(text, sentence, i, NonEvents) is { } nonEvent) return ("did not happen", nonEvent);
        return null;
    }

    /// <summary>
    /// Whether the copula's subject is the dead as a whole ("the dead", "those killed", "all the victims"): a word of
    /// @dead-subjects just before it after a determiner, never a part of them ("two of the dead", "most of those killed").
    /// </summary>
    private static bool DeadSubject(AnnotatedText text, TokenSpan sentence, int copula)
    {
        var t = copula - 1;
        if (t <= sentence.StartToken || !DeadSubjects.Contains(text.WordOf(t).ToLowerInvariant())) return false;
        var determiner = t - 1;
        if (!(text.WordOf(determiner).ToLowerInvariant() is "the" or "those" or "all")) return false;
        return determiner == sentence.StartToken || text.WordOf(determiner - 1).ToLowerInvariant() is not ("of" or "all");
    }

    /// <summary>"no civilians were killed", "no villagers had been killed": the kill word after the noun's copula; null when none.</summary>
    private static int? NoneKilled(AnnotatedText text, TokenSpan sentence, int noun)
    {
        var copula = false;
        for (var t = noun + 1; t < Math.Min(sentence.EndToken, noun + 4); t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (Copulas.Contains(w) || w is "had" or "have" or "has") { copula = true; continue; }
            // "RSF says no civilians killed": a headline leaves the copula out.
            return (copula || t == noun + 1) && KillWords.Contains(w) ? t : null;
        }
        return null;
    }

    /// <summary>Whether another sentence tells civilians (or villagers, farmers) with a kill word: the toll the party's word is against.</summary>
    private static bool CiviliansKilledElsewhere(AnnotatedText text, TokenSpan sentence)
    {
        foreach (var other in text.Sentences)
        {
            if (other.StartToken == sentence.StartToken) continue;
            var victims = false;
            var kill = false;
            for (var t = other.StartToken; t < other.EndToken; t++)
            {
                var w = text.WordOf(t).ToLowerInvariant();
                victims |= CivilianNouns.Contains(w) || VictimNouns.Contains(w);
                kill |= KillWords.Contains(w) || DeathWords.Contains(w);
            }
            if (victims && kill && !Enumerable.Range(other.StartToken, other.Length).Any(t => string.Equals(text.WordOf(t), "no", StringComparison.OrdinalIgnoreCase))) return true;
        }
        return false;
    }

    /// <summary>
    /// "Reports that troops killed civilians are fabricated", "said that claims that its drones struck a wedding were
    /// baseless": the claim noun a false word (@false-words) is said of, after a copula; the claim noun opens the sentence
    /// or the clause of saying ("said [that]") and tells its claim ("that …", "of …"), and no other verb of saying or
    /// claim noun comes between. Null for other words.
    /// </summary>
    private static int? FalseClaim(AnnotatedText text, TokenSpan sentence, int i)
    {
        if (!(FalseWords.Contains(text.WordOf(i).ToLowerInvariant()) || OverstatedWords.Contains(text.WordOf(i).ToLowerInvariant())) || Before(text, sentence, i, Copulas) is not { } copula || Negated(text, sentence, i)) return null;
        for (var c = copula - 1; c >= sentence.StartToken; c--)
        {
            var word = text.WordOf(c).ToLowerInvariant();
            if (!ClaimNouns.Contains(word) || text.PosOf(c) is "VB" or "VBZ" or "VBP" or "VBD" && c > sentence.StartToken && text.WordOf(c - 1) is not ("that" or "said")) continue;
            var opens = c == sentence.StartToken || text.WordOf(c - 1).ToLowerInvariant() is "that" or "said" or "says" or "the" or "these" or "those" or "such";
            var tells = c + 1 < copula && text.WordOf(c + 1).ToLowerInvariant() is "that" or "of";
            return opens && tells ? c : null;
        }
        return null;
    }

    /// <summary>
    /// The false or overstated word a call verb says of its claim noun: within the six words after it, with only the claim's
    /// own words ("of civilian deaths"), "as" or "a" between; null when none.
    /// </summary>
    private static int? CalledWord(AnnotatedText text, TokenSpan sentence, int claim)
    {
        for (var t = claim + 1; t < Math.Min(sentence.EndToken, claim + 7); t++)
        {
            var w = text.WordOf(t).ToLowerInvariant();
            if (FalseWords.Contains(w) || OverstatedWords.Contains(w)) return t;
            if (text.PosOf(t) is { } p && (p.StartsWith("VB", StringComparison.Ordinal) || p is "," or ".")) return null;
        }
        return null;
    }

    /// <summary>Whether the dispute calls a claim false ("Reports … fabricated"), the cue <see cref="FalseClaim"/> reads.</summary>
    /// An overstated claim ("the figure of 40 dead was exaggerated") is disputed in its size, not called false.
    public static bool IsCalledFalse(DisputeFacts dispute) => dispute.Kind == "dispute" && dispute.Cue.Contains(FalseJoin, StringComparison.Ordinal)
        && !OverstatedWords.Contains(dispute.Cue[(dispute.Cue.LastIndexOf(' ') + 1)..].ToLowerInvariant());

    private const string FalseJoin = " … ";

    /// <summary>
    /// The copula before a negation with only a noun phrase and a comma between ("were rebels, not", "were soldiers and allied
    /// gunmen, not"), within eight words; null when none.
    /// </summary>
    private static int? CopulaOfNegated(AnnotatedText text, TokenSpan sentence, int negation)
    {
        for (var t = negation - 1; t >= Math.Max(sentence.StartToken, negation - 8); t--)
        {
            if (Copulas.Contains(text.WordOf(t))) return t;
            if (!(text.WordOf(t) == "," || text.PosOf(t) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "CC")) return null;
        }
        return null;
    }

    /// <summary>
    /// Whether the article calls the dead combatants: a combatant noun just after a kill word in another sentence ("killed 12
    /// militants"), or negated after the civilians of this one ("were civilians, among them children, not militants").
    /// </summary>
    private static bool CombatantsSaid(AnnotatedText text, TokenSpan sentence, int civilians)
    {
        for (var t = civilians + 1; t < sentence.EndToken; t++)
        {
            if (CombatantNouns.Contains(text.WordOf(t)) && Before(text, sentence, t, Negations) is not null) return true;
        }
        foreach (var other in text.Sentences)
        {
            if (other.StartToken == sentence.StartToken) continue;
            for (var t = other.StartToken; t < other.EndToken; t++)
            {
                if (CombatantNouns.Contains(text.WordOf(t)) && Before(text, other, t, KillWords) is not null && Before(text, other, t, Negations) is null) return true;
            }
        }
        return false;
    }

    /// <summary>Whether one of the six words after a blame phrase names the talks rather than the fighting.</summary>
    private static bool BlamesOther(AnnotatedText text, TokenSpan sentence, int after)
    {
        for (var t = after; t < Math.Min(sentence.EndToken, after + 6); t++)
        {
            if (BlameOtherObjects.Contains(text.WordOf(t))) return true;
        }
        return false;
    }

    /// <summary>The words of the first of <paramref name="phrases"/> that starts at <paramref name="i"/>, or null.</summary>
    private static string? Phrase(AnnotatedText text, TokenSpan sentence, int i, ImmutableArray<string[]> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (i + phrase.Length > sentence.EndToken) continue;
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++) all = string.Equals(text.WordOf(i + j), phrase[j], StringComparison.OrdinalIgnoreCase);
            if (all) return text.Span(i, i + phrase.Length).Text;
        }
        return null;
    }

    /// <summary>The nearest of the three tokens before <paramref name="i"/> whose word is in <paramref name="words"/>.</summary>
    private static int? Before(AnnotatedText text, TokenSpan sentence, int i, IReadOnlySet<string> words)
    {
        for (var t = i - 1; t >= Math.Max(sentence.StartToken, i - 4); t--)
        {
            if (words.Contains(text.WordOf(t))) return t;
        }
        return null;
    }

    /// <summary>Whether only articles, adjectives, names and nouns stand between the copula (or negation) and the noun.</summary>
    private static bool Describes(AnnotatedText text, int from, int noun)
    {
        for (var t = from + 1; t < noun; t++)
        {
            if (text.PosOf(t) is not ({ } p and ("DT" or "JJ" or "NNP" or "NN" or "NNS" or "HYPH")) && !Negations.Contains(text.WordOf(t))) return false;
        }
        return true;
    }

    private static bool Negated(AnnotatedText text, TokenSpan sentence, int verb)
    {
        for (var t = verb - 1; t >= Math.Max(sentence.StartToken, verb - 3); t--)
        {
            if (Negations.Contains(text.WordOf(t))) return true;
        }
        return false;
    }

    /// <summary>The verb's object: its "obj" dependent in a parse, else the first noun within four words after it.</summary>
    private static int? ObjectOf(AnnotatedText text, TokenSpan sentence, int verb)
    {
        if (SyntaxScope.HasParse(text, sentence))
        {
            foreach (var d in text[verb].DependentsWith("obj")) return d.Index;
        }
        for (var t = verb + 1; t < Math.Min(sentence.EndToken, verb + 5); t++)
        {
            if (text.PosOf(t) is { } p && p.StartsWith("NN", StringComparison.Ordinal)) return t;
        }
        return null;
    }

    /// <summary>The subject of a verb (of the verb it is conjoined to when it has none), or the agent of a passive one.</summary>
    private static int? SubjectOf(AnnotatedText text, int verb)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(verb))) return null;
        for (var v = verb; v >= 0; v = text.RelationOf(v) == "conj" ? text.HeadOf(v) : -1)
        {
            // "a depot used by the rebels and called the figures baseless", the verb conjoined to a participle describing a noun:
            // that participle's agent is not the one speaking.
            if (v != verb && text.RelationOf(v) is "acl" or "amod") break;
            // "said the footage was old and accused the rebels of …": a verb conjoined to a copula's adjective or noun has no
            // subject of its own in the parse; the copula's subject is not it.
            if (v != verb && text.PosOf(v) is { } vp && !vp.StartsWith("VB", StringComparison.Ordinal)) break;
            // "The ministry said its forces had hit only military targets and accused the other side of …": a verb of saying
            // conjoined to what is said is the sayer's second verb, however the parse joined it.
            if (v != verb && IsSayingVerb(text, verb) && !IsSayingVerb(text, v) && text.RelationOf(v) == "ccomp"
                && text.HeadOf(v) is var sayer and >= 0 && SyntaxActors.IsSpeechVerb(text, sayer)) v = sayer;
            int? possessor = null;
            foreach (var d in text[v].Dependents)
            {
                if (d.Relation is not ("nsubj" or "obl:agent")) continue;
                // "Ecuador 's Defence Ministry said", parsed with two subjects: the possessor is not the one speaking.
                if (possessor is null && d.Index + 1 < text.Count && text.PosOf(d.Index + 1) == "POS" && text.HeadOf(d.Index + 1) == d.Index) { possessor = d.Index; continue; }
                return d.Index;
            }
            if (possessor is not null) return possessor;
        }
        return null;
    }

    /// <summary>
    /// Who calls a claim false: the subject of the nearest verb of saying before the claim noun ("the ministry said on
    /// Monday that claims …") or the first one after the false word (", the army said"), whatever the parse made of the claim between.
    /// </summary>
    private static int? SayerOf(AnnotatedText text, TokenSpan sentence, int claim, int cue)
    {
        for (var t = claim - 1; t >= sentence.StartToken; t--)
        {
            if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && SyntaxActors.IsSpeechVerb(text, t)) return SubjectOf(text, t);
        }
        for (var t = cue + 1; t < sentence.EndToken; t++)
        {
            // ", the army said": its subject after the false word (the parse may give the verb the claim noun as a subject too).
            if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && SyntaxActors.IsSpeechVerb(text, t))
                return text[t].DependentsWith("nsubj").Where(d => d.Index > cue).Select(d => (int?)d.Index).LastOrDefault() ?? SubjectOf(text, t);
        }
        return null;
    }

    /// <summary>
    /// The one saying through the nearest verb of saying before the cue in its sentence, when the parse hangs the cue elsewhere
    /// ("A military spokesman said those killed were fighters", "said" parsed as describing the spokesman): the verb's subject,
    /// else the noun it describes, else those of the one before it; null when none.
    /// </summary>
    private static int? SpeechBefore(AnnotatedText text, TokenSpan sentence, int cue)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return null;
        for (var t = cue - 1; t >= sentence.StartToken; t--)
        {
            if (text.PosOf(t) is not { } p || !p.StartsWith("VB", StringComparison.Ordinal) || !SyntaxActors.IsSpeechVerb(text, t)) continue;
            if ((SubjectOf(text, t) ?? (text.RelationOf(t) == "acl" && text.HeadOf(t) is var head and >= 0 && text.PosOf(head) is "NN" or "NNS" or "NNP" or "NNPS" ? head : null)) is { } who)
                return who;
        }
        return null;
    }

    /// <summary>For words that are said: the subject of the nearest speech verb above them.</summary>
    private static int? SpeakerOf(AnnotatedText text, int token)
    {
        if (!SyntaxScope.HasParse(text, text.SentenceOf(token))) return null;
        for (var t = text.HeadOf(token); t >= 0; t = text.HeadOf(t))
        {
            if (SyntaxActors.IsSpeechVerb(text, t)) return SubjectOf(text, t);
        }
        return null;
    }

    /// <summary>Without a parse: the last person, organization or side named before the cue in its sentence.</summary>
    private static int? EntityBefore(AnnotatedText text, TokenSpan sentence, int i)
    {
        int? last = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.EndToken > i) break;
            if (m.Span.StartToken < sentence.StartToken || m.Type is not (EntityType.Person or EntityType.Org or EntityType.Gpe or EntityType.Norp or EntityType.Group)) continue;
            // "killed in a U.S. strike …, and denied": a name modifying a noun ("U.S. strike") says whose the thing is; it speaks not.
            var end = m.Span.EndToken;
            if (end < sentence.EndToken && text.PosOf(end) is "NN" or "NNS" && !IsPersonWord(text.WordOf(end))) continue;
            last = end - 1;
        }
        return last;
    }

    /// <summary>Nouns after a name that make it a speaker ("Venezuelan officials", "the Colombian government").</summary>
    private static bool IsPersonWord(string word)
    {
        var w = word.ToLowerInvariant();
        return RoleWords.InstitutionNouns.Contains(w) || AttributionWords.AnonymousHeads.Contains(w) || AttributionWords.TitleWords.Contains(w);
    }

    /// <summary>The speaker's name (the named entity the words hold, after coreference) and its country.</summary>
    private static (string Name, string? Country) NameOf(AnnotatedText text, int token)
    {
        var phrase = Widen(text, SyntaxActors.PhraseOf(text, token));
        // "Ecuador 's Defence Ministry", its possessor parsed apart: the possessor's words are the speaker's too.
        if (phrase.StartToken >= 2 && text.PosOf(phrase.StartToken - 1) == "POS" && text.EntityAt(phrase.StartToken - 2) is { } owner
            && owner.Type is EntityType.Gpe or EntityType.Norp && owner.Span.EndToken == phrase.StartToken - 1)
            return (text.Span(owner.Span.StartToken, phrase.EndToken).Text, owner.Known?.Country ?? CountryOf(owner));
        string? name = null;
        string? country = null;
        foreach (var m in text.Entities)
        {
            if (m.Span.StartToken >= phrase.EndToken) break;
            if (m.Span.EndToken <= phrase.StartToken) continue;
            if (m.Span.Contains(token) && m.Type != EntityType.Norp) name ??= m.Known?.Name ?? m.Name.Text;
            country ??= m.Known?.Country;
        }
        return (name ?? phrase.Text, country);
    }

    /// <summary>
    /// The phrase with the words around it up to a verb, a punctuation mark or the sentence's edge, when that holds
    /// at most eight words ("Officials" → "Officials in the rebel-held province"; "interior" → "The ministry of the interior").
    /// </summary>
    private static TokenSpan Widen(AnnotatedText text, TokenSpan phrase)
    {
        var sentence = text.SentenceOf(phrase.StartToken);
        // A day after the name ("The ministry on Monday dismissed …") is the saying's, not the speaker's.
        bool Stop(int t) => text.InTime(t) || (text.PosOf(t) == "IN" && t + 1 < text.Count && text.InTime(t + 1)) || text.PosOf(t) is { } p && (p.StartsWith("VB", StringComparison.Ordinal) || p is "MD" or "WDT" or "WP" or "RB" || !char.IsLetterOrDigit(text.WordOf(t)[0]));
        var start = phrase.StartToken;
        // Leftwards only through "of" or "in" ("The ministry of the interior"), never into the words of another clause.
        if (start - 1 > sentence.StartToken && text.WordOf(start - 1) is "of" or "in")
        {
            while (start > sentence.StartToken && !Stop(start - 1)) start--;
        }
        var end = phrase.EndToken;
        while (end < sentence.EndToken && !Stop(end)) end++;
        return end - start <= 8 ? text.Span(start, end) : phrase;
    }

    /// <summary>
    /// What a deny or reject verb contests: its object when a noun ("denied the allegation"); null when it has none
    /// ("denied that its forces raided", "denied retaliating").
    /// </summary>
    private static int? ClaimOf(AnnotatedText text, TokenSpan sentence, int verb)
    {
        return ObjectOf(text, sentence, verb) is { } o && text.PosOf(o) is { } q && q.StartsWith("NN", StringComparison.Ordinal) ? o : null;
    }

    /// <summary>
    /// Events a party can dispute as a fact of an incident: attacks, seizures and deployments told as fact (or denied), not
    /// the talks, appeals and accusations around them ("Thailand is urging a UN mission, while Cambodia denies the allegations").
    /// </summary>
    private static bool Disputable(EventFacts e) => IncidentMatcher.ClassOf(e.Modality) == ModalityClass.Factual
        && e.Type is PloverType.Assault or PloverType.Coerce or PloverType.Mobilize;

    /// <summary>The country a place or people mention stands for: the gazetteer's, else its words' ("Thai", "Cambodia").</summary>
    private static string? CountryOf(EntityMention m) => m.Known?.Country ?? IncidentTitle.CountryOfWords(m.Name.Text);

    /// <summary>Whether <paramref name="d"/> lies in the subtree of <paramref name="top"/>.</summary>
    private static bool Within(AnnotatedText text, int d, int top)
    {
        for (var t = text.HeadOf(d); t >= 0; t = text.HeadOf(t))
        {
            if (t == top) return true;
        }
        return false;
    }

    /// <summary>The token of the event's trigger word in the sentence, or -1.</summary>
    private static int TriggerToken(AnnotatedText text, TokenSpan sentence, EventFacts e)
    {
        var first = e.Trigger.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null) return -1;
        for (var t = sentence.StartToken; t < sentence.EndToken; t++)
        {
            if (text.StartOf(t) >= e.Start && text.EndOf(t) <= e.End && string.Equals(text.WordOf(t), first, StringComparison.OrdinalIgnoreCase)) return t;
        }
        return -1;
    }

    /// <summary>
    /// The event the dispute is about: a disputable event of its sentence, nearest the cue. A deny verb whose object is
    /// neither a claim nor a responsibility ("denies the presence of militants", "denied any links to the gang") disputes that
    /// thing: only an event its object holds. The speaker's own further words ("denied retaliating and claimed the attacks
    /// wounded civilians") are not what is denied, and a mutual blame is for the news, never for a fight it recalls. Without one,
    /// a denied allegation ("denied these allegations", "reject the claims") is the one told in the sentence before (passing
    /// over up to two that tell no event, such as a quote; when that sentence holds another party's dispute, the event it
    /// disputes), none when that sentence tells no single event (the allegation is of something else: "Pakistan accuses the Taliban of
    /// sheltering militants") or when its own sentence tells the allegation ("X claims …, a charge Y denies"); else the
    /// article's first disputable reported news ("disputed the account").
    /// </summary>
    private static string? AnchorOf(AnnotatedText text, IReadOnlyList<EventFacts> events, TokenSpan sentence, int cue, string kind, int? claim,
        IReadOnlyList<DisputeFacts>? earlier = null)
    {
        var denial = kind == "denial";
        var parsed = SyntaxScope.HasParse(text, sentence);
        var cueStart = text.StartOf(cue);
        // Only a true object names what is denied: with a parse its "obj", never a day ("denied today that …").
        var other = claim is { } o && !ClaimNouns.Contains(text.WordOf(o)) && !ResponsibilityNouns.Contains(text.WordOf(o).ToLowerInvariant())
            && !text.InTime(o) && (!parsed || text.HeadOf(o) == cue && text.RelationOf(o) == "obj");
        var inSentence = events.Where(e => e.Start < sentence.End && e.End > sentence.Start && Disputable(e)
                && !string.Equals(e.Trigger, text.WordOf(cue), StringComparison.OrdinalIgnoreCase))
            .Where(e => kind != "blame" || e.Salience != "background")
            // Who the dead were is said of an attack, not of a seizure the speaker tells beside it ("the dead were men seized at a market").
            .Where(e => kind != "victims" || e.Type == PloverType.Assault)
            // "no civilians were killed": the party's own kill word is its account, not the event it disputes.
            .Where(e => kind != "victims" || TriggerToken(text, sentence, e) is not (var k and > 0) || k <= cue || k > cue + 3 || !KillWords.Contains(text.WordOf(k).ToLowerInvariant()))
            .Where(e => !parsed || !(kind is "denial" or "dispute") || TriggerToken(text, sentence, e) is var t && t < 0
                || (other ? t == claim || Within(text, t, claim!.Value) : !InConjunct(text, t, cue)))
            .OrderBy(e => denial && e.Modality == Modality.Denied ? 0 : 1).ThenBy(e => Math.Abs(e.Start - cueStart)).ThenBy(e => e.Start).ToList();
        if (inSentence.Count > 0) return inSentence[0].Id;
        if (other) return null;
        if (claim is { } c && AllegationNouns.Contains(text.WordOf(c)))
        {
            for (var t = sentence.StartToken; t < cue; t++)
            {
                if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && Lemmas.Candidates(text.WordOf(t)).Prepend(text.WordOf(t).ToLowerInvariant())
                        .Any(l => AllegationVerbs.Contains(l, StringComparer.OrdinalIgnoreCase))) return null;
            }
            // The sentence before that tells anything: a quote or a remark between that tells no event is passed over
            // ("… killed them at a checkpoint. \"He sold apples,\" his brother said. The police denied the allegations.").
            var index = text.SentenceIndexOf(sentence.StartToken) - 1;
            while (index > 0 && index >= text.SentenceIndexOf(sentence.StartToken) - MaxEventlessBefore
                && !events.Any(e => e.Start < text.Sentences[index].End && e.End > text.Sentences[index].Start)) index--;
            if (index < 0) return null;
            var previous = text.Sentences[index];
            // "Herders said the victims were civilians. The army rejected the accusations": the allegation is another party's
            // dispute, of the event that one disputes.
            if (earlier?.LastOrDefault(d => d.Start >= previous.Start && d.Start < sentence.Start && d.Event is not null) is { } disputed) return disputed.Event;
            return events.Where(e => e.Start < previous.End && e.End > previous.Start && Disputable(e) && !e.Plural)
                .OrderBy(e => denial && e.Modality == Modality.Denied ? 0 : 1).ThenByDescending(e => e.Start).FirstOrDefault()?.Id;
        }
        var before = events.Where(e => e.Modality == Modality.Asserted && e.Start < sentence.Start && Disputable(e) && (kind != "victims" || e.Type == PloverType.Assault)).ToList();
        return (before.Where(e => e.Salience == "main").OrderBy(e => e.Start).FirstOrDefault() ?? before.OrderBy(e => e.Start).FirstOrDefault())?.Id;
    }

    /// <summary>How many sentences telling no event a denied allegation's sentence may stand after the one that tells it.</summary>
    private const int MaxEventlessBefore = 2;

    /// <summary>
    /// Whether the token lies in a clause conjoined to the cue's verb ("denied X and claimed Y": Y), or after a verb conjoined
    /// to it when the parse hung what follows elsewhere ("denied the allegations and insisted those killed were insurgents who
    /// had opened fire", its root the noun).
    /// </summary>
    private static bool InConjunct(AnnotatedText text, int token, int cue)
    {
        foreach (var d in text[cue].Dependents)
        {
            if (d.Relation is "conj" && d.Index < token && text.PosOf(d.Index) is { } p && p.StartsWith("VB", StringComparison.Ordinal)
                && text.SentenceOf(d.Index).StartToken == text.SentenceOf(token).StartToken) return true;
        }
        for (var t = token; t >= 0; t = text.HeadOf(t))
        {
            if (text.HeadOf(t) == cue) return text.RelationOf(t) is "conj" or "parataxis";
        }
        return false;
    }
}
