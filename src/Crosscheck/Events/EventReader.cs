using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Documents;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Events;

/// <summary>
/// Reads the sourced record of one analyzed article: finds event words, groups them into events, and fills
/// each event's modality, participants, place, time, counts and attribution, plus the article's quotes.
/// Immutable and thread-safe; the parts can be replaced for experiments.
/// </summary>
public sealed class EventReader
{
    public static readonly EventReader Default = new();

    public TriggerLexicon Lexicon { get; init; } = TriggerLexicon.Default;
    public ModalityClassifier Modality { get; init; } = ModalityClassifier.Default;
    public AttributionFinder Attributions { get; init; } = AttributionFinder.Default;
    public QuoteFinder Quotes { get; init; } = QuoteFinder.Default;
    public CasualtyFinder Casualties { get; init; } = CasualtyFinder.Default;
    /// <summary>Reads running tolls with the same cues that keep them out of <see cref="Casualties"/>.</summary>
    public TollFinder Tolls { get; init; } = TollFinder.Default;
    public AcledClassifier Acled { get; init; } = AcledClassifier.Default;
    public SalienceJudge Salience { get; init; } = SalienceJudge.Default;

    private SeaPoint? _seas;

    /// <summary>Points for places at sea, from this reader's gazetteer.</summary>
    private SeaPoint Seas => _seas ??= new SeaPoint(Gazetteer);
    /// <summary>Resolves "the country" to the country last named.</summary>
    public Gazetteer Gazetteer { get; init; } = Gazetteer.Default;

    /// <summary>Words that end a clause for evidence and argument search.</summary>
    private static readonly FrozenSet<string> ClauseBreaks = FrozenSet.ToFrozenSet([";", ":", "–", "—", "(", ")", "\"", "“", "”"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SubordinateStarts = FrozenSet.ToFrozenSet(
        ["which", "who", "while", "whereas", "but", "although", "though", "as", "after", "before", "when", "unlike", "despite", "with", "and"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PlacePrepositions = FrozenSet.ToFrozenSet(
        ["in", "inside", "into", "to", "off", "near", "across", "at", "on", "over", "from", "within", "throughout", "along"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RecipientPrepositions = FrozenSet.ToFrozenSet(
        ["on", "against", "at", "targeting", "upon"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> TroopWords = FrozenSet.ToFrozenSet(
        ["troops", "troop", "soldiers", "soldier", "personnel", "marines", "forces", "servicemen", "service members", "sailors", "reservists", "fighters", "officers", "agents", "police", "policemen", "guardsmen"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PersonWords = FrozenSet.ToFrozenSet(
        ["people", "persons", "person", "civilians", "civilian", "figures", "members", "leaders", "migrants", "refugees", "prisoners", "detainees",
         "suspects", "men", "women", "children", "hostages", "protesters", "demonstrators", "residents", "workers", "students", "journalists",
         "individuals", "victims", "militants", "rebels", "officials", "citizens", "passengers", "crew", "fishermen", "immigrants", "gang members"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The events and quotes of <paramref name="text"/>, which must have been through the standard language pipeline.</summary>
    public ArticleReading Read(AnnotatedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quotes = Quotes.Find(text);
        var places = Places(text);
        AddCountryAnaphors(text, places);
        var events = ImmutableArray.CreateBuilder<EventMention>();
        foreach (var sentence in text.Sentences)
        {
            if (sentence.Length == 0) continue;
            var segment = text.SegmentKindAt(sentence.Start);
            if (segment is SegmentKind.Comment or SegmentKind.Boilerplate) continue;
            var triggers = Lexicon.Match(text, sentence);
            if (triggers.Length == 0) continue;
            var groups = Group(text, sentence, triggers, quotes);
            // Only a group of several words can split, so the anchors are read only when there is one.
            if (groups.Any(g => g.Count >= 2) && groups.Any(g => g.Any(r => r.Type == PloverType.Assault)) && SyntaxScope.HasParse(text, sentence))
            {
                groups = SyntaxGrouping.Split(text, sentence, groups, r => r.Trigger.Span, Anchors(text, sentence), r => CasualtyFinder.IsOutcomeWord(r.Trigger.Span.Text));
            }
            var violent = groups.Where(g => g.Any(r => r.Trigger.Entry.Type == PloverType.Assault)).ToList();
            foreach (var group in groups)
            {
                // Two violent events in one sentence: each takes the counts of dead and wounded, and the times, nearest to it in the parse.
                Func<int, int, bool>? keep = violent.Count < 2 ? null
                    : (start, end) => SyntaxGrouping.Owner(text, violent, r => r.Trigger.Span, SyntaxScope.HeadOf(text, start, end)) is var o
                        && (o < 0 || ReferenceEquals(violent[o], group));
                events.Add(Build(text, sentence, segment, group, places, quotes, keep, triggers));
            }
        }
        var read = HeadlineMerger.Merge(Casualties.WithFollowUps(text, MergeRepeatsInQuotes(events.ToImmutable(), quotes)));
        var judged = DiscoursePlaces.Apply(text, Salience.Judge(text, read),
            sentence => places.Any(p => sentence.Contains(p.Span.StartToken) && !IsOriginOfThing(text, sentence, p.Span)));
        return new ArticleReading(judged, quotes)
        {
            Tolls = Tolls.Find(text),
        };
    }

    /// <summary>What can make two violent events of one sentence two: the heads of its counts of dead or wounded and of its times.</summary>
    private List<SplitAnchor> Anchors(AnnotatedText text, TokenSpan sentence)
    {
        var anchors = new List<SplitAnchor>();
        foreach (var st in Casualties.Statements(text, sentence))
        {
            var key = st.Anaphoric || st.Additional ? null : string.Create(CultureInfo.InvariantCulture, $"{st.Kind}:{st.Min}:{st.Max}");
            anchors.Add(new SplitAnchor(SyntaxScope.HeadOf(text, st.Start, st.End), key));
        }
        foreach (var t in text.Times)
        {
            if (t.Span.StartToken >= sentence.StartToken && t.Span.EndToken <= sentence.EndToken && t.IsResolved)
                anchors.Add(new SplitAnchor(SyntaxScope.HeadOf(text, t.Span.StartToken, t.Span.EndToken), null));
        }
        return anchors;
    }

    /// <summary>A trigger with the modality of its clause and the type it names there.</summary>
    private sealed record Reading(TriggerMatch Trigger, PloverType Type, Modality Modality);

    /// <summary>Speech acts whose object may name another event ("criticized the strikes", "a plea to end the strikes").</summary>
    private static bool IsSpeechAct(PloverType type) =>
        type is PloverType.Accuse or PloverType.Request or PloverType.Reject or PloverType.Protest or PloverType.Threaten or PloverType.Agree;

    /// <summary>
    /// Groups the triggers of one sentence into events: triggers of one type and modality name one event
    /// ("64 people have been killed in the 15 strikes"); an event noun in the object of a speech act is what
    /// the act is about, not a second event ("criticized the unwanted strikes").
    /// </summary>
    private List<List<Reading>> Group(AnnotatedText text, TokenSpan sentence, ImmutableArray<TriggerMatch> triggers, ImmutableArray<Quote> quotes)
    {
        var readings = new List<Reading>(triggers.Length);
        foreach (var t in triggers)
        {
            var modality = Modality.Classify(text, sentence, t);
            var type = t.Entry.Type;
            // A threat that was made is an asserted THREATEN, however future its content.
            // So is a stance stated in reported speech ("said her country would accept help", "would not yield").
            if (type is PloverType.Threaten or PloverType.Agree or PloverType.Reject && modality == Events.Modality.Planned) modality = Events.Modality.Asserted;
            // "We're going to kill them", said by the one who would do it: a threat, made.
            if (type is PloverType.Assault && modality == Events.Modality.Planned && InQuote(quotes, t.Span) && FirstPersonSubject(text, sentence, t.Span))
            {
                type = PloverType.Threaten;
                modality = Events.Modality.Asserted;
            }
            readings.Add(new Reading(t, type, modality));
        }
        // Drop event nouns inside the object of a speech act in the same clause.
        var kept = new List<Reading>(readings.Count);
        foreach (var r in readings)
        {
            var nested = r.Trigger.Entry.Pos != TriggerPos.Verb && text.PosOf(r.Trigger.Head) is { } pos && pos.StartsWith("NN", StringComparison.Ordinal)
                && readings.Any(o => o != r && IsSpeechAct(o.Type) && o.Type != r.Type
                    && o.Trigger.Span.EndToken <= r.Trigger.Span.StartToken && r.Trigger.Span.StartToken - o.Trigger.Span.EndToken <= 8
                    && Clause(text, sentence, o.Trigger.Span).Contains(r.Trigger.Span.StartToken));
            // "deployed forces to support the police", "threatened to strike": an infinitive after another event word is its purpose or content.
            nested = nested || (r.Trigger.Span.StartToken > sentence.StartToken && IsTo(text, r.Trigger.Span.StartToken - 1)
                && readings.Any(o => o != r && o.Trigger.Span.EndToken <= r.Trigger.Span.StartToken && r.Trigger.Span.StartToken - o.Trigger.Span.EndToken <= 10
                    && !ClauseBreakBetween(text, o.Trigger.Span.EndToken, r.Trigger.Span.StartToken)));
            // "have bombed and intercepted boats": coordinated verbs over one object report one act.
            nested = nested || (IsVerbal(text, r.Trigger) && r.Trigger.Span.StartToken >= 2
                && text.WordOf(r.Trigger.Span.StartToken - 1) is "and" or "or"
                && kept.Any(o => o.Trigger.Span.EndToken == r.Trigger.Span.StartToken - 1 && IsVerbal(text, o.Trigger)));
            // "such bombings", "any attack": a kind of event, not one that happened.
            nested = nested || (r.Trigger.Span.StartToken > sentence.StartToken && text.WordOf(r.Trigger.Span.StartToken - 1) is "such" or "Such" or "any" or "Any");
            // Unless the folded words carry their own dead or wounded: "investigating a double shooting".
            if (nested && r.Type == PloverType.Assault && Casualties.Find(text, sentence, r.Trigger) is var (k, i) && (k is not null || i is not null)) nested = false;
            if (!nested) kept.Add(r);
        }
        var groups = new List<List<Reading>>();
        foreach (var r in kept)
        {
            var home = groups.FirstOrDefault(g => g[0].Type == r.Type && g[0].Modality == r.Modality);
            if (home is null) groups.Add([r]);
            else home.Add(r);
        }
        return groups;
    }

    private static bool IsVerbal(AnnotatedText text, TriggerMatch t) =>
        t.Entry.Pos is TriggerPos.Verb or TriggerPos.Passive || (text.PosOf(t.Head) is { } p && p.StartsWith("VB", StringComparison.Ordinal));

    private static bool IsTo(AnnotatedText text, int i) =>
        text.WordOf(i) is "to" || (i > 0 && text.PosOf(i) == "RB" && text.WordOf(i - 1) is "to");

    private static bool ClauseBreakBetween(AnnotatedText text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (ClauseBreaks.Contains(text.WordOf(i))) return true;
        }
        return false;
    }

    private static bool InQuote(ImmutableArray<Quote> quotes, TokenSpan span)
    {
        foreach (var q in quotes)
        {
            if (q.Start <= span.Start && span.End <= q.End) return true;
        }
        return false;
    }

    private static bool FirstPersonSubject(AnnotatedText text, TokenSpan sentence, TokenSpan trigger)
    {
        for (var i = trigger.StartToken - 1; i >= sentence.StartToken && trigger.StartToken - i <= 8; i--)
        {
            if (text.WordOf(i) is "I" or "we" or "We") return true;
            if (text.WordOf(i) is "," or ";" or "that" or "who" or "which") return false;
        }
        return false;
    }

    /// <summary>A speaker repeating an event inside one quotation ("… kill people … We’re going to kill them") reports it once.</summary>
    private static ImmutableArray<EventMention> MergeRepeatsInQuotes(ImmutableArray<EventMention> events, ImmutableArray<Quote> quotes)
    {
        if (quotes.IsEmpty) return events;
        var result = ImmutableArray.CreateBuilder<EventMention>(events.Length);
        foreach (var e in events)
        {
            var quote = quotes.FirstOrDefault(q => q.Start <= e.Trigger.Start && e.Trigger.End <= q.End);
            var earlier = quote is null ? null : result.FirstOrDefault(o => o.Type == e.Type && o.Modality == e.Modality
                && quote.Start <= o.Trigger.Start && o.Trigger.End <= quote.End);
            if (earlier is null) result.Add(e);
        }
        return result.ToImmutable();
    }

    private EventMention Build(AnnotatedText text, TokenSpan sentence, SegmentKind segment, List<Reading> group,
        List<PlaceMention> places, ImmutableArray<Quote> quotes, Func<int, int, bool>? owns = null, ImmutableArray<TriggerMatch> triggers = default)
    {
        var first = group.OrderByDescending(r => r.Trigger.Entry.Weight).ThenBy(r => r.Trigger.Span.StartToken).First();
        var main = first.Trigger;
        var clause = Clause(text, sentence, main.Span);
        foreach (var r in group) clause = Union(text, clause, Clause(text, sentence, r.Trigger.Span));
        var modality = first.Modality;

        var attribution = Attributions.Find(text, sentence, main.Span);
        var inQuote = quotes.FirstOrDefault(q => q.Start <= main.Span.Start && main.Span.End <= q.End);
        if (inQuote is not null && attribution.Kind == AttributionKind.Unattributed) attribution = inQuote.Attribution with
        {
            Speaker = inQuote.SpeakerSpan,
            SpeakerEntity = inQuote.SpeakerEntity,
            SpeakerName = inQuote.SpeakerName,
        };

        // The casualty reader counts the whole sentence's dead and wounded for any violent word in it, so one call does.
        var violent = group.Find(r => r.Trigger.Entry.Type == PloverType.Assault);
        var (killed, injured) = violent is null ? (null, null) : Casualties.Find(text, sentence, violent.Trigger, owns);

        var modes = group.SelectMany(r => r.Trigger.Entry.Modes).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var contexts = group.SelectMany(r => r.Trigger.Entry.Contexts).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var count = group.Select(r => CountOf(text, r.Trigger)).FirstOrDefault(c => c is not null);
        return new EventMention
        {
            Type = first.Type,
            Modes = modes,
            Contexts = contexts,
            Acled = Acled.Classify(text, sentence, main),
            Modality = modality,
            Actors = Actors(text, sentence, clause, main, quotes, triggers),
            Recipients = Recipients(text, clause, main),
            Location = LocationOf(text, sentence, clause, main, places),
            Time = TimeOf(text, sentence, clause, main, owns),
            Fatalities = killed,
            Injured = injured,
            Count = count,
            Quantities = QuantitiesOf(text, clause, killed, injured),
            Attribution = attribution,
            Segment = segment,
            Trigger = main.Span,
            Evidence = clause,
            Confidence = Math.Round(Math.Clamp(main.Entry.Weight * (group.Count > 1 ? 1.0 : 0.9), 0, 1), 2),
        };
    }

    /// <summary>The clause around <paramref name="focus"/>: bounded by strong punctuation, and by commas that open a subordinate or report clause.</summary>
    internal static TokenSpan Clause(AnnotatedText text, TokenSpan sentence, TokenSpan focus)
    {
        var start = sentence.StartToken;
        for (var i = focus.StartToken - 1; i >= sentence.StartToken && focus.StartToken - i <= 14; i--)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || (w == "," && i + 1 < focus.StartToken && SubordinateStarts.Contains(text.WordOf(i + 1))))
            {
                start = i + 1;
                break;
            }
            if (focus.StartToken - i == 14) start = i;
        }
        var end = sentence.EndToken;
        for (var i = focus.EndToken; i < sentence.EndToken; i++)
        {
            var w = text.WordOf(i);
            if (ClauseBreaks.Contains(w) || w == "," || (i - focus.EndToken >= 12))
            {
                end = i;
                break;
            }
        }
        // Trailing sentence punctuation is not evidence.
        while (end > start + 1 && !char.IsLetterOrDigit(text.WordOf(end - 1)[0]) && text.WordOf(end - 1) is not ("”" or "’")) end--;
        if (end <= focus.StartToken) end = focus.EndToken;
        if (start > focus.StartToken) start = focus.StartToken;
        return text.Span(start, end);
    }

    private static TokenSpan Union(AnnotatedText text, TokenSpan a, TokenSpan b) =>
        text.Span(Math.Min(a.StartToken, b.StartToken), Math.Max(a.EndToken, b.EndToken));

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
            var actor = SyntaxActors.ActorOf(text, trigger.Head, t => matches.Any(m => m.Span.Contains(t) && IsSpeechAct(m.Entry.Type)));
            return actor < 0 ? ImmutableArray<Participant>.Empty : [ParticipantAt(text, actor)];
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

    private static bool AfterPlacePreposition(AnnotatedText text, int token, TokenSpan clause)
    {
        var i = token - 1;
        if (i >= clause.StartToken && text.WordOf(i) is "the" or "The") i--;
        return i >= clause.StartToken && PlacePrepositions.Contains(text.WordOf(i));
    }

    /// <summary>Whom it is done to: the phrase after on/against/at, else the object right after a verb trigger.</summary>
    private static ImmutableArray<Participant> Recipients(AnnotatedText text, TokenSpan clause, TriggerMatch trigger)
    {
        var verb = trigger.Entry.Pos == TriggerPos.Verb || (text.PosOf(trigger.Head) is { } p && p.StartsWith("VB", StringComparison.Ordinal));
        for (var i = trigger.Span.EndToken; i < clause.EndToken && i < trigger.Span.EndToken + 4; i++)
        {
            var w = text.WordOf(i);
            if (RecipientPrepositions.Contains(w))
            {
                return NounPhraseAfter(text, i + 1, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
            if (i == trigger.Span.EndToken && verb && (text.PosOf(i) is "DT" or "JJ" or "NN" or "NNS" or "NNP" or "NNPS" or "CD" or "PRP$"))
            {
                return NounPhraseAfter(text, i, clause.EndToken) is { } np ? [np] : ImmutableArray<Participant>.Empty;
            }
        }
        return ImmutableArray<Participant>.Empty;
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
        var span = text.Span(start, lastNoun + 1);
        var entity = EntityLookup.Of(text).StartingIn(span.StartToken, span.EndToken).FirstOrDefault(m => m.Span.EndToken <= span.EndToken && IsActorType(m.Type));
        return new Participant(span, entity);
    }

    /// <summary>The index of the first place (places are in text order) starting at or after <paramref name="token"/>.</summary>
    private static int FirstPlaceFrom(List<PlaceMention> places, int token)
    {
        int lo = 0, hi = places.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (places[mid].Span.StartToken < token) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static void Cover(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) covered[t] = true;
    }

    private static bool IsCovered(bool[] covered, TokenSpan span)
    {
        for (var t = span.StartToken; t < span.EndToken; t++) if (covered[t]) return true;
        return false;
    }

    private sealed record PlaceMention(TokenSpan Span, KnownEntity? Known, PlaceKind Kind, string? Country, string Name);

    /// <summary>Places the text names: gazetteer places and seas, and locations only the recognizer saw.</summary>
    private static List<PlaceMention> Places(AnnotatedText text)
    {
        var places = new List<PlaceMention>();
        foreach (var m in text.GazetteerMatches)
        {
            if (m.Entry is null) continue;
            if (m.Kind == GazetteerMatchKind.Maritime)
            {
                var span = text.Span(m.StartToken, m.EndToken);
                // At sea off a country's coast or in its waters: the coastal country, as ACLED codes such events.
                places.Add(new PlaceMention(span, m.Entry.Entity, PlaceKind.Sea, m.Country, span.Text));
            }
            else if (m.Kind == GazetteerMatchKind.Entity && m.Entry.Place != PlaceKind.None)
            {
                places.Add(new PlaceMention(text.Span(m.StartToken, m.EndToken), m.Entry.Entity, m.Entry.Place, m.Entry.Country, m.Entry.Name));
            }
        }
        // Tokens some place already covers: an entity there is that place, not another.
        var covered = new bool[text.Count + 1];
        foreach (var p in places) Cover(covered, p.Span);
        foreach (var e in text.Entities)
        {
            if (e.Type is not (EntityType.Gpe or EntityType.Loc) || e.Known is not null) continue;
            if (IsCovered(covered, e.Span)) continue;
            places.Add(new PlaceMention(e.Span, null, PlaceKind.Region, null, e.Name.Text));
            Cover(covered, e.Span);
        }
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
        // A sea match holds the places it names ("off the coast of Venezuela", "off Mexico's Pacific coast"): keep the sea.
        var seas = places.Where(o => o.Kind == PlaceKind.Sea).ToList();
        if (seas.Count > 0)
        {
            places.RemoveAll(p => seas.Any(o => !ReferenceEquals(o, p) && o.Span.Length > p.Span.Length
                && o.Span.StartToken <= p.Span.StartToken && p.Span.EndToken <= o.Span.EndToken));
        }
        return places;
    }

    /// <summary>
    /// "the country" and "the nation" name the country last mentioned, by name or by demonym ("the Venezuelan
    /// government … off the coast of the country"); "off the coast of the country" is at sea off it.
    /// </summary>
    private void AddCountryAnaphors(AnnotatedText text, List<PlaceMention> places)
    {
        var added = new List<PlaceMention>();
        // Countries named so far, by place and by demonym, each in text order: one pass over the text.
        var countries = places.Where(p => p.Kind == PlaceKind.Country && p.Country is not null).Select(p => (p.Span.StartToken, p.Country!)).ToList();
        var demonyms = text.Entities.Where(e => e.Type == EntityType.Norp && e.Known?.Country is not null)
            .Select(e => (e.Span.StartToken, e.Known!.Country!)).OrderBy(e => e.StartToken).ToList();
        int nextCountry = 0, nextDemonym = 0;
        (int Start, string Code)? lastCountry = null, lastDemonym = null;
        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordOf(i) is not ("country" or "nation") || text.WordOf(i - 1) is not ("the" or "The")) continue;
            while (nextCountry < countries.Count && countries[nextCountry].StartToken < i - 1) lastCountry = countries[nextCountry++];
            while (nextDemonym < demonyms.Count && demonyms[nextDemonym].StartToken < i - 1) lastDemonym = demonyms[nextDemonym++];
            // The country named last; a demonym counts only after the last country named outright.
            var code = lastDemonym is { } d && d.Start > (lastCountry?.Start ?? -1) ? d.Code : lastCountry?.Code;
            if (code is null || Gazetteer.Country(code) is not { } country) continue;
            var start = i - 1;
            var kind = PlaceKind.Country;
            if (start >= 4 && text.WordOf(start - 1) == "of" && text.WordOf(start - 2) is "coast" or "coasts" or "shores" && text.WordOf(start - 3) == "the"
                && text.WordOf(start - 4) is "off" or "Off")
            {
                start -= 4;
                kind = PlaceKind.Sea;
            }
            added.Add(new PlaceMention(text.Span(start, i + 1), country.Entity, kind, country.Country, country.Name));
        }
        if (added.Count == 0) return;
        places.AddRange(added);
        places.Sort((a, b) => a.Span.StartToken.CompareTo(b.Span.StartToken));
    }

    /// <summary>Where it happened: a place after a place preposition in the clause, nearest the trigger; then any such place in the sentence.</summary>
    private EventPlace? LocationOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, List<PlaceMention> places)
    {
        PlaceMention? best = null;
        var bestScore = int.MaxValue;
        for (var at = FirstPlaceFrom(places, sentence.StartToken); at < places.Count && places[at].Span.StartToken < sentence.EndToken; at++)
        {
            var p = places[at];
            var governed = p.Kind == PlaceKind.Sea || AfterPlacePreposition(text, p.Span.StartToken, sentence) || PrecededByPlaceWord(text, p.Span.StartToken, sentence);
            if (!governed || IsOriginOfThing(text, sentence, p.Span)) continue;
            var inClause = clause.Contains(p.Span.StartToken);
            // A place after the event word ("strikes … in the Caribbean") is where it happened before one ahead of it ("focused on Venezuela with strikes").
            var distance = p.Span.StartToken >= trigger.Span.EndToken ? p.Span.StartToken - trigger.Span.EndToken : 15 + trigger.Span.StartToken - p.Span.EndToken;
            var score = distance + (inClause ? 0 : 40);
            if (score < bestScore) { best = p; bestScore = score; }
        }
        if (best is null) return null;
        var known = best.Known;
        var point = best.Kind == PlaceKind.Sea ? SeaPointOf(best, sentence, places)
            : (known?.Latitude, known?.Longitude) is (double la, double lo) ? (la, lo) : null;
        return new EventPlace(best.Span, best.Name)
        {
            Country = best.Country,
            Latitude = point?.Lat,
            Longitude = point?.Lon,
            Precision = best.Kind switch
            {
                PlaceKind.City => "city",
                PlaceKind.Admin1 => "admin1",
                PlaceKind.Country => "country",
                PlaceKind.Sea => "sea",
                _ => "region",
            },
            Known = known,
        };
    }

    /// <summary>
    /// Whether the parse shows a place as where a thing comes from, not where something happened: "from" with the place
    /// hanging under a noun ("a boat from Venezuela", "migrants from Haiti").
    /// </summary>
    private static bool IsOriginOfThing(AnnotatedText text, TokenSpan sentence, TokenSpan place)
    {
        if (!SyntaxScope.HasParse(text, sentence)) return false;
        var head = SyntaxScope.HeadOf(text, place.StartToken, place.EndToken);
        if (head < 0 || text.HeadOf(head) is var governor && governor < 0) return false;
        if (text.PosOf(governor) is not ("NN" or "NNS")) return false;
        for (var d = sentence.StartToken; d < head; d++)
        {
            if (text.HeadOf(d) == head && text.RelationOf(d) == "case" && text.WordOf(d).Equals("from", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// A place at sea's point: its own (a named sea, or a phrase off a country); "international waters" and the like
    /// take the point of another place at sea in the sentence ("in international waters off Mexico's Pacific coast").
    /// </summary>
    private (double Lat, double Lon)? SeaPointOf(PlaceMention place, TokenSpan sentence, List<PlaceMention> places)
    {
        if (Seas.Locate(place.Span, place.Known) is { } own) return own;
        foreach (var other in places)
        {
            if (other.Kind != PlaceKind.Sea || ReferenceEquals(other, place) || !sentence.Contains(other.Span.StartToken)) continue;
            if (Seas.Locate(other.Span, other.Known) is { } point) return point;
        }
        return null;
    }

    /// <summary>"in Caribbean waters", "in the Eastern Pacific Ocean", "inside Mexico", "in international waters in the Caribbean".</summary>
    private static bool PrecededByPlaceWord(AnnotatedText text, int token, TokenSpan sentence)
    {
        for (var i = token - 1; i >= sentence.StartToken && token - i <= 3; i--)
        {
            if (PlacePrepositions.Contains(text.WordOf(i))) return true;
            if (text.PosOf(i) is not ("DT" or "JJ" or "NNP")) return false;
        }
        return false;
    }

    private static TimeMention? TimeOf(AnnotatedText text, TokenSpan sentence, TokenSpan clause, TriggerMatch trigger, Func<int, int, bool>? owns)
    {
        TimeMention? best = null;
        var bestScore = int.MaxValue;
        foreach (var t in text.Times)
        {
            if (!sentence.Contains(t.Span.StartToken)) continue;
            if (owns is not null && !owns(t.Span.StartToken, t.Span.EndToken)) continue;
            var distance = Math.Abs(t.Span.StartToken - trigger.Span.StartToken) + (clause.Contains(t.Span.StartToken) ? 0 : 30);
            if (distance < bestScore) { best = t; bestScore = distance; }
        }
        return best;
    }

    /// <summary>"the 15 strikes": a number right before a plural trigger noun counts the events.</summary>
    private static CountRange? CountOf(AnnotatedText text, TriggerMatch trigger)
    {
        if (text.PosOf(trigger.Span.EndToken - 1) is not "NNS") return null;
        foreach (var n in text.Numbers)
        {
            if (n.Span.StartToken >= trigger.Span.StartToken || n.Span.EndToken < trigger.Span.StartToken - 1) continue;
            if (n.Span.EndToken > trigger.Span.EndToken) continue;
            if (n.Max is null || n.Min != n.Max && n.Max < n.Min) continue;
            var start = n.Span.StartToken > 0 && text.WordOf(n.Span.StartToken - 1) is "the" or "The" ? n.Span.StartToken - 1 : n.Span.StartToken;
            return new CountRange(n.Min, n.Max, text.Span(start, trigger.Span.EndToken));
        }
        return null;
    }

    private static ImmutableArray<EventQuantity> QuantitiesOf(AnnotatedText text, TokenSpan clause, CountRange? killed, CountRange? injured)
    {
        var result = ImmutableArray.CreateBuilder<EventQuantity>();
        foreach (var n in text.Numbers)
        {
            if (!clause.Contains(n.Span.StartToken) || n.Unit is null || n.Max is null || n.Min != n.Max) continue;
            if (killed?.Span.Overlaps(n.Span) == true || injured?.Span.Overlaps(n.Span) == true) continue;
            var unit = TroopWords.Contains(n.Unit) ? "troops" : PersonWords.Contains(n.Unit) ? "people" : null;
            if (unit is null) continue;
            result.Add(new EventQuantity(n.Min, unit, n.Span));
        }
        return result.ToImmutable();
    }
}
