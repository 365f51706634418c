using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>
/// A side's counter-claims, read over the whole article: who fired first ("the army said Cambodian soldiers fired first",
/// "accused Armenian forces of firing first", "its units had returned fire") and what the attacking side says it struck
/// ("said it had struck only military targets"). A claim that the other side fired first disputes who attacked when the
/// other side says the same of the first (kind <c>blame</c>, its sides named as countries) or when the article reports the
/// speaker's own side as the attacker on another party's word (kind <c>attacker</c>); one side's account alone is no dispute.
/// The attacking side's word that it struck military objects disputes the target in an article that tells civilians harmed
/// (kind <c>target</c>).
/// </summary>
internal static partial class DisputeReader
{
    private static readonly ImmutableArray<string> FirstVerbs = [.. IncidentWords.Dispute("first-verbs")];
    private static readonly ImmutableArray<string> AccuseVerbs = [.. IncidentWords.Dispute("accuse-verbs")];
    private static readonly ImmutableArray<string> AnswerVerbs = [.. IncidentWords.Dispute("answer-verbs")];
    private static readonly ImmutableArray<string[]> AnswerPhrases = [.. IncidentWords.Dispute("answer-phrases").Select(p => p.Split('_'))];
    private static readonly FrozenSet<string> TargetModifiers = IncidentWords.DisputeSet("military-target-modifiers");
    private static readonly FrozenSet<string> TargetNouns = IncidentWords.DisputeSet("military-target-nouns");
    private static readonly FrozenSet<string> ForcesWords = IncidentWords.DisputeSet("armed-forces-words");
    private static readonly FrozenSet<string> CivilianHarm = IncidentWords.DisputeSet("civilian-harm-words");
    private static readonly FrozenSet<string> OnlyWords = IncidentWords.DisputeSet("only-words");
    private static readonly FrozenSet<string> TerritoryPrepositions = IncidentWords.DisputeSet("territory-prepositions");
    private static readonly FrozenSet<string> TerritoryNouns = IncidentWords.DisputeSet("territory-nouns");

    /// <summary>A side's word on whose ground it happened: the speaker, its country and the country whose ground it names.</summary>
    private sealed record GroundClaim(TokenSpan Sentence, int Cue, string Words, string Name, string Country, string Ground);

    /// <summary>
    /// One side's word on who fired first: the speaker and its country, the country it blames (null for "its forces returned
    /// fire": the other side, whoever it is), and whether the words are a mutual blame themselves ("both sides said the other
    /// fired first").
    /// </summary>
    /// <remarks><c>Weak</c>: a side's word that the other side's forces attacked, without "first" ("Bolivia's army said Paraguayan
    /// soldiers had crossed the frontier and opened fire"): it blames only against the other side's word that the first fired first.</remarks>
    private sealed record FirstClaim(TokenSpan Sentence, int Cue, string Words, string Name, string? Country, string? Blamed, bool Mutual, bool Weak = false);

    /// <summary>The counter-claims of the article, for sentences that hold no other dispute.</summary>
    private static IEnumerable<DisputeFacts> Counterclaims(AnnotatedText text, IReadOnlyList<EventFacts> events, IReadOnlySet<int> taken)
    {
        var claims = new List<FirstClaim>();
        var grounds = new List<GroundClaim>();
        foreach (var sentence in text.Sentences)
        {
            if (taken.Contains(sentence.Start) || sentence.Length == 0 || text.SegmentKindAt(sentence.Start) is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            if (FirstClaimsOf(text, sentence) is { Count: > 0 } said) claims.AddRange(said);
            else if (TargetClaim(text, events, sentence) is { } target) yield return target;
            else if (GroundClaimOf(text, sentence) is { } ground)
            {
                // Two sides naming different countries' ground: read at the second.
                if (grounds.FirstOrDefault(g => g.Country != ground.Country && g.Ground != ground.Ground) is { } other)
                    yield return new DisputeFacts("place", ground.Words, NameOfCountry(other.Country) + " and " + NameOfCountry(ground.Country), null,
                        AnchorOf(text, events, sentence, ground.Cue, "blame", null), sentence.Start, sentence.End, sentence.Text);
                else grounds.Add(ground);
            }
        }
        var paired = new HashSet<FirstClaim>();
        foreach (var c in claims)
        {
            if (c.Mutual)
            {
                if (SidesOf(text, c.Sentence, c.Cue) is var (sides, _))
                    yield return Fact("blame", c, sides, null, events);
                continue;
            }
            // Both sides clear themselves: a blame, read at the later word.
            if (claims.FirstOrDefault(o => !o.Mutual && o.Cue < c.Cue && !paired.Contains(o) && Opposes(o, c)) is { } earlier)
            {
                paired.Add(earlier);
                paired.Add(c);
                yield return Fact("blame", c, NameOfCountry(earlier.Country!) + " and " + NameOfCountry(c.Country!), null, events);
                continue;
            }
            if (c.Weak || paired.Contains(c) || claims.Any(o => !o.Mutual && Opposes(o, c))) continue;
            // Another party's word makes the speaker's own side the attacker.
            // Another party's word makes the speaker's own side the attacker: an attack the article tells on its word, or its
            // word that the speaker's forces attacked ("Bolivia's army said Paraguayan soldiers had opened fire").
            if (c.Country is { } mine && (c.Blamed is null || c.Blamed != mine)
                && claims.Any(w => w.Weak && w.Country is { } theirs && theirs != mine && w.Blamed == mine && (c.Blamed is null || c.Blamed == theirs)))
            {
                yield return Fact("attacker", c, c.Name, c.Country, events);
                continue;
            }
            if (c.Country is { } own && (c.Blamed is null || c.Blamed != own) && events.Any(e => (e.End <= c.Sentence.Start || e.Start >= c.Sentence.End) && Disputable(e) && e.Type == PloverType.Assault && e.Modality == Modality.Asserted
                    && (e.SpeakerCountry ?? (e.Speaker is { } who ? IncidentTitle.CountryOfWords(who) : null)) is { } heard && heard != own && e.Actors.Any(a => a.Country == own)))
                yield return Fact("attacker", c, c.Name, c.Country, events);
        }

        DisputeFacts Fact(string kind, FirstClaim c, string name, string? country, IReadOnlyList<EventFacts> all) =>
            new(kind, c.Words, name, country, AnchorOf(text, all, c.Sentence, c.Cue, "blame", null), c.Sentence.Start, c.Sentence.End, c.Sentence.Text);
    }

    /// <summary>Two sides of different countries each clearing their own side, each blaming the other when it names whom.</summary>
    private static bool Opposes(FirstClaim a, FirstClaim b) => !a.Weak && !b.Weak && a.Country is { } ca && b.Country is { } cb && ca != cb
        && (a.Blamed is null || a.Blamed == cb) && (b.Blamed is null || b.Blamed == ca) && (a.Blamed is not null || b.Blamed is not null);

    private static string NameOfCountry(string code) => Language.Gazetteers.Gazetteer.Default.Country(code)?.Entity.Name ?? code;

    /// <summary>
    /// The sentence's words on who fired first: an attack verb with "first" after it, whose subject (or, under an accuse verb,
    /// the accused) attacked first, or a side's own forces returning fire; and a party's word that the other side's forces
    /// attacked, with no "first" (a weak claim: "Bolivia's army said Paraguayan soldiers had opened fire"). None when negated
    /// ("did not retaliate") or when no party says it.
    /// </summary>
    private static List<FirstClaim> FirstClaimsOf(AnnotatedText text, TokenSpan sentence)
    {
        var found = new List<FirstClaim>();
        if (!SyntaxScope.HasParse(text, sentence)) return found;
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            int verb;
            bool answer = false, weak = false;
            if (string.Equals(text.WordOf(i), "first", StringComparison.OrdinalIgnoreCase) && VerbBefore(text, sentence, i) is { } v && IsVerb(text, v, FirstVerbs)) verb = v;
            else if (Phrase(text, sentence, i, AnswerPhrases) is not null || IsVerb(text, i, AnswerVerbs)) (verb, answer) = (i, true);
            else if (IsVerb(text, i, FirstVerbs) && text.RelationOf(i) is not ("amod" or "acl") && !FirstAfter(text, sentence, i) && SpeakerOf(text, i) is not null) (verb, weak) = (i, true);
            else continue;
            if (Negated(text, sentence, verb)) continue;
            var accuse = AccuseOf(text, sentence, verb);
            if (weak && accuse is not null) continue;
            var who = accuse is { } a ? ObjectOf(text, sentence, a) : SubjectOf(text, verb);
            if (who is null) continue;
            var words = answer || weak ? text.Span(i, Math.Min(sentence.EndToken, i + 2)).Text : text.Span(verb, i + 1).Text;
            var party = accuse is { } by ? PartyOf(text, sentence, by, "denial") : PartyOf(text, sentence, verb, "blame");
            var phrase = SyntaxActors.PhraseOf(text, who.Value);
            var mutual = Enumerable.Range(phrase.StartToken, phrase.Length).Any(t => text.WordOf(t) is "other")
                && Enumerable.Range(sentence.StartToken, sentence.Length).Any(t => text.WordOf(t).ToLowerInvariant() is "both" or "each");
            if (mutual)
            {
                if (!weak && !found.Any(f => !f.Weak)) found.Add(new FirstClaim(sentence, i, words, "", null, null, true));
                continue;
            }
            if (party is not var (name, country)) continue;
            country ??= CountryOfBodyBefore(text, accuse ?? verb);
            var own = Enumerable.Range(phrase.StartToken, phrase.Length).Any(t => text.PosOf(t) is "PRP" or "PRP$");
            var named = own ? country : CountryOfPhrase(text, phrase);
            if (named is null) continue;
            // "its units had returned fire": the speaker's own side answered; "Thai troops retaliated" said by Thailand likewise.
            // One side's word on who fired first a sentence: its first.
            if (!weak && found.Any(f => !f.Weak)) continue;
            if (answer) { if (named == country) found.Add(new FirstClaim(sentence, i, words, name, country, null, false)); }
            else if (named != country && (!weak || country is not null)) found.Add(new FirstClaim(sentence, i, words, name, country, named, false, weak));
        }
        return found;
    }

    /// <summary>Whether "first" follows the verb within six words of its sentence (the verb's claim is then read at "first").</summary>
    private static bool FirstAfter(AnnotatedText text, TokenSpan sentence, int verb) =>
        Enumerable.Range(verb + 1, Math.Max(0, Math.Min(sentence.EndToken, verb + 7) - verb - 1)).Any(t => string.Equals(text.WordOf(t), "first", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The attacking side's word that it struck military objects ("its forces had struck facilities used by the military",
    /// "struck only military targets"), in an article that tells civilians harmed or with "only": a dispute of the target.
    /// The speaker must be a party whose country is among the actors of an attack the article reports.
    /// </summary>
    private static DisputeFacts? TargetClaim(AnnotatedText text, IReadOnlyList<EventFacts> events, TokenSpan sentence)
    {
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var word = text.WordOf(i).ToLowerInvariant();
            var military = TargetModifiers.Contains(word) && i + 1 < sentence.EndToken && TargetNouns.Contains(text.WordOf(i + 1));
            var usedBy = word == "used" && i + 1 < sentence.EndToken && text.WordOf(i + 1) == "by"
                && Enumerable.Range(i + 2, Math.Max(0, Math.Min(4, sentence.EndToken - i - 2))).Any(t => ForcesWords.Contains(text.WordOf(t)));
            if (!military && !usedBy) continue;
            var start = text.StartOf(i);
            var attack = events.FirstOrDefault(e => e.Start >= sentence.Start && e.Start < start && e.Type == PloverType.Assault && Disputable(e));
            // "attacks against civilian and military targets": not a claim that only military objects were struck.
            if (attack is null || Before(text, sentence, i, CivilianHarm) is not null) return null;
            // Only a party's own words (a speech verb's subject), and only of its own side's strike.
            if (SpeakerOf(text, i) is null || PartyOf(text, sentence, i, "target") is not var (name, country) || country is null
                || attack.Actors.Any(a => a.Country is { } c && c != country)) return null;
            if (!events.Any(e => e.Type == PloverType.Assault && e.Modality == Modality.Asserted && e.Actors.Any(a => a.Country == country))) return null;
            var only = Enumerable.Range(Math.Max(sentence.StartToken, i - 3), i - Math.Max(sentence.StartToken, i - 3)).Any(t => OnlyWords.Contains(text.WordOf(t)));
            if (!only && !text.Sentences.Any(s => s.Start != sentence.Start
                    && Enumerable.Range(s.StartToken, s.Length).Any(t => CivilianHarm.Contains(text.WordOf(t))))) return null;
            var end = i + 2;
            while (usedBy && end < sentence.EndToken && !ForcesWords.Contains(text.WordOf(end - 1))) end++;
            return new DisputeFacts("target", text.Span(i, end).Text, name, country, attack.Id, sentence.Start, sentence.End, sentence.Text);
        }
        return null;
    }

    /// <summary>
    /// The verb "first" tells of: the nearest verb before it within six words, auxiliaries left out ("Cambodian troops fired
    /// first", "had opened fire on its positions first"; the parse often hangs "first" elsewhere).
    /// </summary>
    private static int? VerbBefore(AnnotatedText text, TokenSpan sentence, int first)
    {
        for (var t = first - 1; t >= Math.Max(sentence.StartToken, first - 6); t--)
        {
            if (text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal) && text.RelationOf(t) is not ("aux" or "aux:pass")) return t;
        }
        return null;
    }

    /// <summary>
    /// The accuse verb an attack verb completes ("accused Armenian forces of firing first", "blamed the rebels for attacking
    /// first"): its head, or the head of the object it hangs on, or one within six words before "of"/"for" just before it.
    /// </summary>
    private static int? AccuseOf(AnnotatedText text, TokenSpan sentence, int verb)
    {
        var head = text.HeadOf(verb);
        if (head >= 0 && IsVerb(text, head, AccuseVerbs)) return head;
        if (head >= 0 && text.RelationOf(verb) is "acl" or "advcl" && text.HeadOf(head) is var up and >= 0 && IsVerb(text, up, AccuseVerbs)) return up;
        if (verb - 1 <= sentence.StartToken || text.WordOf(verb - 1) is not ("of" or "for")) return null;
        for (var t = verb - 2; t >= Math.Max(sentence.StartToken, verb - 8); t--)
        {
            if (IsVerb(text, t, AccuseVerbs)) return t;
        }
        return null;
    }

    /// <summary>
    /// "The army said …" where no body of that kind was named in full: the country of the nearest earlier phrase with the
    /// same head that names one ("the Thai army", "Thailand's army"); null when none.
    /// </summary>
    private static string? CountryOfBodyBefore(AnnotatedText text, int near)
    {
        if (SpeakerToken(text, near) is not { } speaker || !RoleWords.InstitutionNouns.Contains(text.WordOf(speaker).ToLowerInvariant())) return null;
        for (var t = speaker - 1; t >= 0; t--)
        {
            if (string.Equals(text.WordOf(t), text.WordOf(speaker), StringComparison.OrdinalIgnoreCase)
                && CountryOfPhrase(text, SyntaxActors.PhraseOf(text, t)) is { } country) return country;
        }
        return null;
    }

    /// <summary>The token that speaks the words at <paramref name="near"/>: its verb's subject, else the speech verb's.</summary>
    private static int? SpeakerToken(AnnotatedText text, int near) => IsVerb(text, near, AccuseVerbs) ? SubjectOf(text, near) : SpeakerOf(text, near);

    /// <summary>
    /// A party's word on whose ground it happened ("Ecuador's army said the clash took place inside its territory",
    /// "said Peruvian troops had crossed into Ecuadorian territory"): a preposition, a possessive or a country's name or
    /// people, then a ground noun; null when no party with a country says it or the ground's country is not known.
    /// </summary>
    private static GroundClaim? GroundClaimOf(AnnotatedText text, TokenSpan sentence)
    {
        for (var i = sentence.StartToken + 2; i < sentence.EndToken; i++)
        {
            if (!TerritoryNouns.Contains(text.WordOf(i)) || !TerritoryPrepositions.Contains(text.WordOf(i - 2).ToLowerInvariant())) continue;
            if (SpeakerOf(text, i) is null || PartyOf(text, sentence, i, "place") is not var (name, country) || country is null) return null;
            var ground = text.PosOf(i - 1) is "PRP$" ? (text.WordOf(i - 1).ToLowerInvariant() is "its" or "our" ? country : null)
                : text.EntityAt(i - 1) is { } m && m.Type is EntityType.Gpe or EntityType.Norp ? CountryOf(m) : null;
            return ground is null ? null : new GroundClaim(sentence, i, text.Span(i - 2, i + 1).Text, name, country, ground);
        }
        return null;
    }

    /// <summary>Whether the token is a verb one of whose lemmas is in <paramref name="lemmas"/>.</summary>
    private static bool IsVerb(AnnotatedText text, int t, ImmutableArray<string> lemmas) =>
        text.PosOf(t) is { } p && p.StartsWith("VB", StringComparison.Ordinal)
        && Lemmas.Candidates(text.WordOf(t)).Prepend(text.WordOf(t).ToLowerInvariant()).Any(l => lemmas.Contains(l, StringComparer.OrdinalIgnoreCase));

    /// <summary>The country of the first place, people or body the phrase names ("Cambodian soldiers", "the Thai army").</summary>
    private static string? CountryOfPhrase(AnnotatedText text, TokenSpan phrase) => text.Entities
        .Where(m => m.Span.StartToken < phrase.EndToken && m.Span.EndToken > phrase.StartToken)
        .Select(CountryOf).FirstOrDefault(c => c is not null);
}
