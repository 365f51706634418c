using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Reads how many were killed and injured from the words around an event: "64 people have been killed",
/// "killing at least 6 civilians", "three people were taken out", "no casualties", "a man was shot dead",
/// "two men were wounded", "one person was hospitalized", "killing two and wounding five".
/// <para>
/// Each outcome word ("killed", "died", "dead", "wounded", "shot", "taken to a hospital", "in critical
/// condition") is read with its victims: the subject before a passive or intransitive verb ("two men were
/// wounded", "he died"), the object after an active one ("killing two", "shot his wife"), or the phrase
/// after "left" ("left two people dead"). Victims who are shot and also killed count as killed only.
/// Sentences with no violent event of their own ("He died at the hospital.") are follow-ups, which
/// <see cref="WithFollowUps"/> adds to the event before them.
/// </para>
/// </summary>
public sealed partial class CasualtyFinder
{
    public static readonly CasualtyFinder Default = new();

    /// <summary>The words that make a count a running toll, which no event gets.</summary>
    public TollCues Tolls { get; init; } = TollCues.Default;

    /// <summary>Whether a statement counts the dead or the injured.</summary>
    internal enum Outcome
    {
        Killed,
        Injured,
    }

    /// <summary>
    /// One outcome with its victims: "two men were wounded" is Injured [2, 2]. <see cref="Anaphoric"/> victims
    /// were named before ("he", "the victim", a name) and are not added to other counts of the same kind;
    /// <see cref="Additional"/> ones say they are more ("two others", "a second man").
    /// </summary>
    internal readonly record struct Statement(Outcome Kind, decimal Min, decimal? Max, int Start, int End, int VictimStart, int VictimEnd,
        bool Anaphoric, bool Additional)
    {
        /// <summary>Said only with "shot" or "stabbed", which does not tell whether the victim lived; a death said elsewhere wins.</summary>
        public bool Weak { get; init; }

        /// <summary>Counts every victim, dead or hurt ("a double shooting" names two): the dead said beside it are among them.</summary>
        public bool AllVictims { get; init; }

        /// <summary>
        /// Counts some of the victims named before it in the sentence ("Four people were shot, one fatally", "…, one of whom
        /// died"): dead ones among them leave the rest hurt.
        /// </summary>
        public bool OfThoseBefore { get; init; }

        /// <summary>
        /// Counts a doer who killed himself ("before killing himself", "took his own life"): a death, but never one of the
        /// hurt victims said beside it ("shot and wounded his wife before killing himself" leaves her hurt).
        /// </summary>
        public bool Self { get; init; }
    }

    // The word lists live in data/events/casualty-words.txt (read by CasualtyWords), one section each.
    private static readonly FrozenSet<string> KilledParticiples = CasualtyWords.Set("killed-participles");
    private static readonly FrozenDictionary<string, int> MultipleVictims = CasualtyWords.Counts("multiple-victims");
    private static readonly FrozenSet<string> KilledActive = CasualtyWords.Set("killed-active");
    private static readonly FrozenSet<string> InjuredParticiples = CasualtyWords.Set("injured-participles");
    private static readonly FrozenSet<string> OtherSenseParticles = CasualtyWords.Set("other-sense-particles");
    private static readonly FrozenSet<string> InjuredActive = CasualtyWords.Set("injured-active");
    private static readonly FrozenSet<string> WeakWords = CasualtyWords.Set("weak");
    private static readonly FrozenSet<string> InjuredGerunds = CasualtyWords.Set("injured-gerunds");
    private static readonly FrozenSet<string> Died = CasualtyWords.Set("died");
    private static readonly FrozenSet<string> DyingParticles = CasualtyWords.Set("dying-particles");
    private static readonly FrozenSet<string> ToDeath = CasualtyWords.Set("to-death");
    private static readonly FrozenSet<string> KilledDown = CasualtyWords.Set("killed-down");
    private static readonly FrozenSet<string> Carried = CasualtyWords.Set("carried");
    private static readonly FrozenSet<string> Sending = CasualtyWords.Set("sending");
    private static readonly FrozenSet<string> Conditions = CasualtyWords.Set("conditions");
    private static readonly FrozenSet<string> KilledNouns = CasualtyWords.Set("killed-nouns");
    private static readonly FrozenSet<string> InjuredNouns = CasualtyWords.Set("injured-nouns");
    private static readonly FrozenSet<string> NoReportWords = CasualtyWords.Set("no-report-words");

    /// <summary>Words between a victim and a passive outcome: auxiliaries, adverbs, "listed", "found", "pronounced".</summary>
    private static readonly FrozenSet<string> PassiveBridge = CasualtyWords.Set("passive-bridge");
    private static readonly FrozenSet<string> BeForms = CasualtyWords.Set("be-forms");
    private static readonly FrozenSet<string> Negations = CasualtyWords.Set("negations");
    private static readonly FrozenSet<string> NoOne = CasualtyWords.Set("no-one");
    private static readonly FrozenSet<string> Pronouns = CasualtyWords.Set("pronouns");
    private static readonly FrozenSet<string> PluralPronouns = CasualtyWords.Set("plural-pronouns");
    private static readonly FrozenSet<string> Leaving = CasualtyWords.Set("leaving");
    private static readonly FrozenSet<string> Conditionals = CasualtyWords.Set("conditionals");
    private static readonly FrozenSet<string> Suffering = CasualtyWords.Set("suffering");
    private static readonly FrozenSet<string> WoundNouns = CasualtyWords.Set("wound-nouns");
    private static readonly FrozenSet<string> Treating = CasualtyWords.Set("treating");
    private static readonly FrozenSet<string> HypotheticalModals = CasualtyWords.Set("hypothetical-modals");
    private static readonly FrozenSet<string> Arriving = CasualtyWords.Set("arriving");
    private static readonly FrozenSet<string> Finding = CasualtyWords.Set("finding");
    private static readonly FrozenSet<string> Additions = CasualtyWords.Set("additions");
    private static readonly FrozenSet<string> AddingAdverbs = CasualtyWords.Set("adding-adverbs");
    private static readonly FrozenSet<string> PairNouns = CasualtyWords.Set("pair-nouns");
    private static readonly FrozenSet<string> InversionLinks = CasualtyWords.Set("inversion-links");
    private static readonly FrozenSet<string> PartialLinks = CasualtyWords.Set("partial-links");

    /// <summary>Nouns that name people, for telling victims from other things that get "shot" or "hit" (cars, windows, houses).</summary>
    private static readonly FrozenSet<string> PersonNouns = CasualtyWords.Set("person-nouns");

    /// <summary>Last words of a street's name ("Southall Lane"): a number before one is an address.</summary>
    private static readonly FrozenSet<string> StreetWords = CasualtyWords.Set("street-words");
    private static readonly FrozenSet<string> ExtentAdverbs = CasualtyWords.Set("extent-adverbs");

    /// <summary>Whether a word only tells how violence ended ("killing", "wounded", "died"), not what the violence was.</summary>
    public static bool IsOutcomeWord(string word) => KilledActive.Contains(word) || KilledParticiples.Contains(word)
        || InjuredActive.Contains(word) || InjuredParticiples.Contains(word) || Died.Contains(word);

    /// <summary>Whether a word counts no one ("nobody", "no-one"; data/events/casualty-words.txt).</summary>
    internal static bool IsNoOneWord(string word) => NoOne.Contains(word);

    /// <summary>Whether a word is an intransitive verb of dying ("died"), whose subject is the dead.</summary>
    public static bool TellsDeath(string word) => Died.Contains(word);

    /// <summary>Whether an outcome word tells the dead (true: "killed", "died") or the hurt (false: "injured"); null for any other word.</summary>
    public static bool? TellsDead(string word) =>
        KilledActive.Contains(word) || KilledParticiples.Contains(word) || Died.Contains(word) ? true
        : InjuredActive.Contains(word) || InjuredParticiples.Contains(word) ? false : null;

    /// <summary>Fatalities and injured stated in <paramref name="sentence"/> for the event at <paramref name="trigger"/>; null for each the sentence does not state.</summary>
    public (CountRange? Killed, CountRange? Injured) Find(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger) => Find(text, sentence, trigger, null);

    /// <summary>As <see cref="Find(AnnotatedText, TokenSpan, TriggerMatch)"/>, counting only the statements (token range) <paramref name="keep"/> accepts.</summary>
    public (CountRange? Killed, CountRange? Injured) Find(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger, Func<int, int, bool>? keep)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(trigger);
        if (trigger.Entry.Type != PloverType.Assault) return (null, null);
        // "Eleven soldiers were wounded in the ambush and four of them later died": the hurt who died ("died", not "one of
        // them fatally", which the count already reads) are taken from the hurt in the attack's own sentence too, as in a
        // follow-up's.
        var statements = Statements(text, sentence);
        if (statements.Exists(st => st.Kind == Outcome.Killed && st.End > st.Start && Died.Contains(text.WordOf(st.End - 1))))
            statements = WithHurtWhoDied(text, statements);
        DropClaimed(text, sentence, statements);
        // "… killing 27 soldiers, and the army said 60 militants died as troops repelled the attack": the attackers the
        // defenders killed after the attack's own dead are the defenders' action's dead, never the attack's.
        // (Only for an event told before those dead: the defenders' own event word after them keeps its dead.)
        if (statements.Find(s => s.Kind == Outcome.Killed && s.Min > 0) is { Kind: Outcome.Killed } first && trigger.Span.StartToken < first.End)
            statements.RemoveAll(s => s.Kind == Outcome.Killed && s.Start >= first.End
                && SidesMerger.RepelledAttackers(text, first.VictimStart, first.VictimEnd, s.VictimStart, s.VictimEnd, first.End, sentence.EndToken));
        if (keep is not null) statements.RemoveAll(s => !keep(s.Start, s.End));
        return (PartOfTheDead(text, statements, Total(text, statements, Outcome.Killed)), Total(text, statements, Outcome.Injured));
    }

    /// <summary>
    /// "Five of the wounded in Sunday's strike died in hospital overnight": dead counted only as some of the hurt, where the
    /// sentence tells no count of the hurt nor other dead, are some of the attack's dead, those who died of their wounds:
    /// at least that many, never its whole toll.
    /// </summary>
    private static CountRange? PartOfTheDead(AnnotatedText text, List<Statement> statements, CountRange? killed)
    {
        if (killed is not { Max: not null } || statements.Exists(s => s.Kind == Outcome.Injured)) return killed;
        var dead = statements.Where(s => s.Kind == Outcome.Killed && s.Min > 0).ToList();
        return dead.Count == 1 && OfTheHurt(text, dead[0]) ? killed with { Max = null } : killed;
    }
}
