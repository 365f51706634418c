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
    private static readonly ImmutableArray<string[]> Habitual = [.. IncidentWords.Dispute("habitual-phrases").Select(p => p.Split('_'))];
    private static readonly System.Collections.Frozen.FrozenSet<string> WitnessWords = IncidentWords.DisputeSet("witness-words");

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
                found.Add(new DisputeFacts(cue.Kind, cue.Words, name, country, AnchorOf(text, events, sentence, i, cue.Kind, claim, found, cue.Kind == "blame"), sentence.Start, sentence.End, sentence.Text));
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
            : kind is "denial" or "dispute" || IsVerb(text, cue, DenyVerbs) ? SubjectOf(text, cue) ?? FiniteDescriber(text, cue) ?? SpeakerOf(text, cue) : SpeakerOf(text, cue);
        // "\"My son was not a militant. He was a student,\" said his father": the quote's speaker, named in another sentence.
        if (speaker is null && QuoteSpeaker(text, cue, quotes, kind) is { } quoted) return quoted;
        speaker ??= SpeechBefore(text, sentence, cue) ?? EntityBefore(text, sentence, cue);
        if (speaker is not { } token) return null;
        if (Hedges.Contains(text.WordOf(token))) return null;
        // "said a monk who survived the bombing": a witness's word on the victims is the claim, not a party's dispute of it.
        if (kind == "victims" && Witness(text, token)) return null;
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

    /// <summary>Whether the speaker's phrase, with a relative clause after it, names a witness of the harm (@witness-words).</summary>
    private static bool Witness(AnnotatedText text, int token)
    {
        var phrase = SyntaxActors.PhraseOf(text, token);
        var end = Math.Min(text.SentenceOf(token).EndToken, Math.Max(phrase.EndToken, token + 1) + 6);
        for (var t = phrase.StartToken; t < end; t++)
        {
            if (WitnessWords.Contains(text.WordOf(t).ToLowerInvariant())) return true;
            if (t >= phrase.EndToken && t > token && text.WordOf(t) is "," or "." && t > token + 1) break;
        }
        return false;
    }

    /// <summary>The country a place or people mention stands for: the gazetteer's, else its words' ("Thai", "Cambodia").</summary>
    private static string? CountryOf(EntityMention m) => m.Known?.Country ?? IncidentTitle.CountryOfWords(m.Name.Text);
}
