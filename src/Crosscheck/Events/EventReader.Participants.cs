using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

// Who acts and whom it is done to: actors from the parse or the clause, recipients, entity mentions.
public sealed partial class EventReader
{
    private static readonly FrozenSet<string> RecipientPrepositions = FrozenSet.ToFrozenSet(
        ["on", "against", "at", "targeting", "upon"], StringComparer.OrdinalIgnoreCase);

    private static EntityMention? MentionAt(AnnotatedText text, int token) => EntityLookup.Of(text).At(token);

    /// <summary>The entity a pronoun or bare title refers to, through the coreference chains.</summary>
    private static (TokenSpan Span, EntityMention? Entity)? ChainMentionAt(AnnotatedText text, int token)
    {
        var lookup = EntityLookup.Of(text);
        var mentions = lookup.ChainMentionsAt(token);
        if (mentions.Count == 0) return null;
        var (chain, mention) = mentions[0];
        return (mention, lookup.ChainEntity(chain));
    }

    private static bool IsActorType(EntityType type) => type is EntityType.Person or EntityType.Org or EntityType.Gpe or EntityType.Group or EntityType.Norp;

    /// <summary>
    /// Who acts: the agent after "by" for a passive trigger; the speaker for "we"/"I" inside a quotation;
    /// the subject of the main clause for a gerund adjunct ("… for sending the warship"); else the nearest
    /// actor named before the trigger in its clause, then the sentence's subject.
    /// </summary>
    private ImmutableArray<Participant> Actors(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, ImmutableArray<Quote> quotes,
        ImmutableArray<TriggerMatch> triggers)
    {
        // Passive: "were killed by militants"
        for (var i = trigger.Span.EndToken; i < Math.Min(clause.EndToken, trigger.Span.EndToken + 2); i++)
        {
            if (!text.WordOf(i).Equals("by", StringComparison.OrdinalIgnoreCase)) continue;
            if (NounPhraseAfter(text, i + 1, clause.EndToken) is { } agent) return [agent];
        }
        var quote = quotes.FirstOrDefault(q => q.Start <= trigger.Span.Start && trigger.Span.End <= q.End);
        if (quote?.SpeakerSpan is { } speaker && FirstPersonSubject(text, sentence, trigger.Span))
            return [new Participant(speaker, quote.SpeakerEntity)];
        // With a parse, the subject or agent the tree gives, or no one (never a speaker or a bystander nearby).
        if (SyntaxScope.HasParse(text, sentence))
        {
            var matches = triggers.IsDefault ? Lexicon.Match(text, sentence) : triggers;
            var actor = SyntaxActors.ActorOf(text, trigger.Head, t => matches.Any(m => m.Span.Contains(t) && IsSpeechAct(m.Entry.Type)), out var claimed);
            // A claimant is its own words' subject: "it" standing for a speaker is the speaker's actor, not a claimant.
            if (actor >= 0 && SyntaxActors.SpeakerForPronoun(text, actor) is var body && body != actor) (actor, claimed) = (body, false);
            return actor < 0 ? ImmutableArray<Participant>.Empty : [ParticipantAt(text, actor) with { Claimed = claimed }];
        }
        var gerundAdjunct = text.PosOf(trigger.Head) == "VBG" && trigger.Head == trigger.Span.StartToken && trigger.Span.StartToken > sentence.StartToken
            && text.PosOf(trigger.Span.StartToken - 1) == "IN";
        if (!gerundAdjunct)
        {
            for (var i = trigger.Span.StartToken - 1; i >= clause.StartToken; i--)
            {
                if (MentionAt(text, i) is { } m && IsActorType(m.Type) && !AfterPlacePreposition(text, m.Span.StartToken, clause))
                {
                    return [Extend(text, m, clause)];
                }
                if (ChainMentionAt(text, i) is { } chain && !AfterPlacePreposition(text, chain.Span.StartToken, clause))
                    return [new Participant(chain.Span, chain.Entity)];
            }
        }
        // The subject of the sentence: "Trump’s administration is … after bombing ships", "The president has stoked tension … for sending …".
        for (var i = sentence.StartToken; i < trigger.Span.StartToken; i++)
        {
            // Not a possessive or a prepositional object: "under her leadership, Mexico deployed …".
            if (text.PosOf(i) == "PRP$" || (i > sentence.StartToken && text.PosOf(i - 1) is "IN" or "PRP$")) continue;
            // A demonym acts only as part of a noun phrase: "the Kenyan government".
            if (MentionAt(text, i) is { } m && IsActorType(m.Type)
                && (m.Type != EntityType.Norp || (m.Span.EndToken < trigger.Span.StartToken && text.PosOf(m.Span.EndToken) is "NN" or "NNS")))
                return [Extend(text, m, sentence)];
            if (ChainMentionAt(text, i) is { } chain) return [new Participant(chain.Span, chain.Entity)];
            if (text.PosOf(i) is { } p && p.StartsWith("VB", StringComparison.Ordinal)) break;
        }
        return ImmutableArray<Participant>.Empty;
    }

    /// <summary>The actor phrase headed by <paramref name="token"/>: its entity (or coreference chain) when it holds one.</summary>
    private static Participant ParticipantAt(AnnotatedText text, int token)
    {
        var phrase = SyntaxActors.PhraseOf(text, token);
        for (var i = phrase.StartToken; i < phrase.EndToken; i++)
        {
            if (MentionAt(text, i) is { } m && IsActorType(m.Type)) return new Participant(phrase, m);
        }
        for (var i = phrase.StartToken; i < phrase.EndToken; i++)
        {
            if (ChainMentionAt(text, i) is { } chain) return new Participant(chain.Span, chain.Entity);
        }
        return new Participant(phrase, null);
    }

    /// <summary>An actor mention with the nouns that follow it in the same phrase: "US" → "US Military crews", "Trump" → "Trump administration".</summary>
    private static Participant Extend(AnnotatedText text, EntityMention m, TokenSpan bound)
    {
        var end = m.Span.EndToken;
        if (end < bound.EndToken && text.WordOf(end) is "'s" or "’s") end++;
        while (end < bound.EndToken && text.PosOf(end) is "NN" or "NNS" or "NNP" or "NNPS" && MentionAt(text, end) is null) end++;
        return new Participant(text.Span(m.Span.StartToken, end), m);
    }

    /// <summary>
    /// Whom it is done to: from the parse, the event word's object, its "on"/"against" phrase, or the object of the verb
    /// it is the subject of ("a missile strike hit a hospital"); when the parse gives none, the phrase after on/against/at,
    /// else the object right after a verb trigger. A time is never a recipient ("hit Kyiv on Saturday").
    /// </summary>
    private static ImmutableArray<Participant> Recipients(AnnotatedText text, TokenSpan clause, TriggerMatch trigger)
    {
        var sentence = text.SentenceOf(trigger.Span.StartToken);
        if (SyntaxScope.HasParse(text, sentence) && SyntaxRecipient(text, trigger) is { } head && PhraseOf(text, head, sentence) is { } phrase) return [phrase];
        var verb = trigger.Entry.Pos == TriggerPos.Verb || (text.PosOf(trigger.Head) is { } p && p.StartsWith("VB", StringComparison.Ordinal));
        for (var i = trigger.Span.EndToken; i < clause.EndToken && i < trigger.Span.EndToken + 4; i++)
        {
            var w = text.WordOf(i);
            if (RecipientPrepositions.Contains(w))
            {
                if (text.InTime(i + 1)) return ImmutableArray<Participant>.Empty;
                return NounPhraseAfter(text, i + 1, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
            if (i == trigger.Span.EndToken && verb && (text.PosOf(i) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "PRP$"))
            {
                return NounPhraseAfter(text, i, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
        }
        return ImmutableArray<Participant>.Empty;
    }

    /// <summary>The head of the event word's object, of its "on"/"against" phrase, or of the object of the verb it is the subject of.</summary>
    private static int? SyntaxRecipient(AnnotatedText text, TriggerMatch trigger)
    {
        var word = SyntaxScope.HeadOf(text, trigger.Span.StartToken, trigger.Span.EndToken);
        var owner = new Token(text, word);
        foreach (var d in owner.Dependents)
        {
            if (d.Index >= trigger.Span.StartToken && d.Index < trigger.Span.EndToken) continue;
            if (d.Relation is "obj" or "iobj" && !text.InTime(d.Index)) return d.Index;
            if (d.Relation is { } r && (r.StartsWith("nmod", StringComparison.Ordinal) || r.StartsWith("obl", StringComparison.Ordinal))
                && d.DependentsWith("case").Any(c => RecipientPrepositions.Contains(c.Text) && c.Text is not "at") && !text.InTime(d.Index)) return d.Index;
        }
        if (owner.Relation is "nsubj" && owner.Head is { } verb && Lemmas.Candidates(verb.Text).Any(RoleWords.ImpactVerbs.Contains))
        {
            foreach (var d in verb.Dependents)
            {
                if (d.Relation == "obj" && !text.InTime(d.Index)) return d.Index;
            }
        }
        return null;
    }


    /// <summary>The noun phrase headed by <paramref name="head"/>: its determiners, numbers, adjectives, compounds and possessors, and the head.</summary>
    private static Participant? PhraseOf(AnnotatedText text, int head, TokenSpan sentence)
    {
        if (text.PosOf(head) is not ("NN" or "NNS" or "NNP" or "NNPS" or "CD")) return null;
        var start = head;
        // Words right before the head that hang inside the phrase ("the", "Russian", "military" of "the Russian military base").
        for (var i = head - 1; i >= sentence.StartToken; i--)
        {
            // "the country's oil reserves": a possessor's "'s" is part of the phrase.
            var possessive = text.WordOf(i) is "'s" or "’s" or "'" or "’";
            if (!SyntaxScope.IsAncestor(text, head, i) || !possessive && text.RelationOf(i) is "case" or "punct" or "cc" or "mark" or "conj") break;
            start = i;
        }
        start = SyntaxActors.NumberStart(text, start);
        // "a speedboat north of the coast": a compass word heading the phrase says where the noun before it lies (which
        // the tagger may take for an adjective when it does not know it); the phrase is that noun's.
        var end = head + 1;
        if (RoleWords.CompassWords.Contains(text.WordOf(head)) && head - 1 > start && text.PosOf(head - 1) is "NN" or "NNS" or "NNP" or "NNPS" or "JJ"
            && head + 1 < sentence.EndToken && text.WordOf(head + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) end = head;
        var span = text.Span(start, end);
        var entity = EntityLookup.Of(text).StartingIn(span.StartToken, span.EndToken).FirstOrDefault(m => m.Span.EndToken <= span.EndToken && IsActorType(m.Type));
        return new Participant(span, entity);
    }

    /// <summary>A simple noun phrase starting at <paramref name="start"/>: determiners, numbers, adjectives, nouns, possessives.</summary>
    private static Participant? NounPhraseAfter(AnnotatedText text, int start, int end)
    {
        var i = start;
        var lastNoun = -1;
        while (i < end)
        {
            var pos = text.PosOf(i) ?? "";
            if (pos is "NN" or "NNS" or "NNP" or "NNPS") lastNoun = i;
            else if (pos is "DT" or "JJ" or "JJR" or "JJS" or "CD" or "PRP$" or "POS" or "VBN" or "VBG" || text.WordOf(i) == "-") { }
            else break;
            i++;
        }
        if (lastNoun < start) return null;
        start = SyntaxActors.NumberStart(text, start);
        var span = text.Span(start, lastNoun + 1);
        var entity = EntityLookup.Of(text).StartingIn(span.StartToken, span.EndToken).FirstOrDefault(m => m.Span.EndToken <= span.EndToken && IsActorType(m.Type));
        return new Participant(span, entity);
    }
}
