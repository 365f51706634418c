using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// The word lists of <c>data/events/syntax-roles.txt</c> (embedded), by section: light verbs, relative pronouns,
/// time links, speech verbs, area nouns and impact verbs, read once per process. Words compare ignoring case.
/// </summary>
internal static class RoleWords
{
    private static readonly Lazy<FrozenDictionary<string, FrozenSet<string>>> Sections = new(Load);

    public static FrozenSet<string> LightVerbs => Section("light-verbs");

    public static FrozenSet<string> RelativePronouns => Section("relative-pronouns");

    public static FrozenSet<string> TimeLinks => Section("time-links");
    public static FrozenSet<string> OtherEventLinks => Section("other-event-links");

    /// <summary>Pronouns that open a sentence for the news just told ("It came a day after …").</summary>
    public static FrozenSet<string> NewsPronouns => Section("news-pronouns");

    /// <summary>Verbs after such a pronoun that set the news after an earlier event by a lapse ("came", "follows").</summary>
    public static FrozenSet<string> LapseFrameVerbs => Section("lapse-frame-verbs");

    /// <summary>Prepositions before a gerund done by the governing verb's object ("accused troops of killing").</summary>
    public static FrozenSet<string> ObjectControlCases => Section("object-control-cases");

    /// <summary>Verbs (lemmas) of blaming or crediting whose object did what the gerund after those prepositions tells.</summary>
    public static FrozenSet<string> ObjectControlVerbs => Section("object-control-verbs");

    public static FrozenSet<string> SpeechVerbs => Section("speech-verbs");

    /// <summary>Words that with a link ("as of", "as at") before a time make it the time of a count or a state, not of an attack.</summary>
    public static FrozenSet<string> StatusTimeOpeners => Section("status-time-openers");

    /// <summary>The links between a status opener and its time ("of", "at").</summary>
    public static FrozenSet<string> StatusTimeLinks => Section("status-time-links");

    /// <summary>Verbs (lemmas) that, with a definite event noun as subject, say when that attack took place ("the attack took place on Tuesday").</summary>
    public static FrozenSet<string> OccurrenceVerbs => Section("occurrence-verbs");

    /// <summary>Verbs (lemmas) of a start in a clause describing another noun ("the operation that began in February"): its time is not the event's.</summary>
    public static FrozenSet<string> StartVerbs => Section("start-verbs");

    /// <summary>Verbs of reacting to an event after it ("condemned", "denied"): their day is not the event's.</summary>
    public static FrozenSet<string> ReactionVerbs => Section("reaction-verbs");

    /// <summary>Prepositions by which a verb of reacting takes the attack it answers for ("sentenced two men over the bombing").</summary>
    public static FrozenSet<string> ReactionCases => Section("reaction-cases");

    /// <summary>Verbs whose subject undergoes or sees the event in their object ("two survived the strike"), not does it.</summary>
    public static FrozenSet<string> UndergoVerbs => Section("undergo-verbs");

    public static FrozenSet<string> AreaNouns => Section("area-nouns");

    /// <summary>Nouns of a site whose name before it says where it is ("the Volgograd oil refinery").</summary>
    public static FrozenSet<string> SiteNouns => Section("site-nouns");

    /// <summary>Nouns of a weapon, a craft or a force that an event noun before them describes ("attack drones", "strike aircraft").</summary>
    public static FrozenSet<string> DescribedWeapons => Section("described-weapons");

    /// <summary>Munitions that go off or hit ("A bomb exploded", "a shell struck the school"): as a subject, no actor.</summary>
    public static FrozenSet<string> MunitionNouns => Section("munition-nouns");

    /// <summary>Nouns of a part or the surroundings of a place ("outskirts", "edge"), whose "of" phrase names the place.</summary>
    public static FrozenSet<string> EdgeNouns => Section("edge-nouns");

    /// <summary>Nouns of what an attack leaves or of marking it ("the site of", "the anniversary of"), whose "of" phrase holds it.</summary>
    public static FrozenSet<string> AftermathNouns => Section("aftermath-nouns");

    /// <summary>Prepositions joining an aftermath noun to the event word ("the site of", "the toll from").</summary>
    public static FrozenSet<string> AftermathCases => Section("aftermath-cases");

    /// <summary>Nouns of the people an attack told already is about ("the perpetrators of the massacre"): what is said of them is not said of it.</summary>
    public static FrozenSet<string> CulpritNouns => Section("culprit-nouns");

    /// <summary>Nouns that name an attacker, heading some event words ("suicide bomber"): the doer, not the act.</summary>
    public static FrozenSet<string> AttackerNouns => Section("attacker-nouns");

    /// <summary>Nouns that place an event by what the place is ("in the capital"), not by a name.</summary>
    public static FrozenSet<string> StandingPlaces => Section("standing-places");
    public static FrozenSet<string> WholeCountryWords => Section("whole-country-words");
    public static FrozenSet<string> WholeCountryPrepositions => Section("whole-country-prepositions");
    public static FrozenSet<string> WholeCountryNouns => Section("whole-country-nouns");

    /// <summary>Nouns of owning an act ("responsibility", "credit") whose "for" phrase is the claimant's doing.</summary>
    public static FrozenSet<string> ResponsibilityNouns => Section("responsibility-nouns");

    /// <summary>Verbs (lemmas) that claim an act through a responsibility noun ("claimed responsibility for").</summary>
    public static FrozenSet<string> ClaimVerbs => Section("claim-verbs");
    public static FrozenSet<string> ClaimObjectVerbs => Section("claim-object-verbs");

    /// <summary>Nouns of a gathering or a visit, whose place is not an attack's ("negotiations in Switzerland").</summary>
    public static FrozenSet<string> GatheringNouns => Section("gathering-nouns");

    /// <summary>Verbs that move victims ("evacuated", "airlifted"): a town after one and "to" is where they went.</summary>
    public static FrozenSet<string> MovingVerbs => Section("moving-verbs");

    /// <summary>Verbs of a victim's later death ("died in hospital in X"): with a care noun before a town, it is where they died.</summary>
    public static FrozenSet<string> LaterDeathVerbs => Section("later-death-verbs");

    /// <summary>Places of care ("hospital", "clinic").</summary>
    public static FrozenSet<string> CareNouns => Section("care-nouns");

    /// <summary>Verbs of seeking refuge ("sought", "took"): before a noun of refuge and a town, where people went.</summary>
    public static FrozenSet<string> RefugeVerbs => Section("refuge-verbs");

    /// <summary>Nouns of a part of a group ("al Qaeda's branch in X"): the place after "in" is the group's ground.</summary>
    public static FrozenSet<string> BranchNouns => Section("branch-nouns");

    /// <summary>Words of a journey ("on its way to X", "heading to X"): the town after "to" is where travellers were going.</summary>
    public static FrozenSet<string> JourneyWords => Section("journey-words");

    /// <summary>Nouns of refuge ("sought refuge in X", "took shelter in X").</summary>
    public static FrozenSet<string> RefugeNouns => Section("refuge-nouns");

    /// <summary>Words of where someone is based ("a UN official based in X").</summary>
    public static FrozenSet<string> StationedWords => Section("stationed-words");

    /// <summary>Verbs of addressing whose object, or "called on" whose place, is a government, not a place ("called on Washington").</summary>
    public static FrozenSet<string> AddressingVerbs => Section("addressing-verbs");

    /// <summary>Prepositions before an area (a sea, a country, a division) that name where it did not happen ("outside the Arabian Sea").</summary>
    public static FrozenSet<string> OutsidePrepositions => Section("outside-prepositions");

    /// <summary>Words of speaking from a place ("spoke from X", "speaking in X").</summary>
    public static FrozenSet<string> SpeakingWords => Section("speaking-words");

    /// <summary>Who or what a speaker talks to or through between the verb and the place ("told reporters in X", "by telephone from X").</summary>
    public static FrozenSet<string> AudienceNouns => Section("audience-nouns");

    /// <summary>Verbs of sending: a place one takes with "to" is where the thing went ("sent a note to X").</summary>
    public static FrozenSet<string> SendingVerbs => Section("sending-verbs");

    public static FrozenSet<string> InstitutionNouns => Section("institution-nouns");

    public static FrozenSet<string> ImpactVerbs => Section("impact-verbs");

    /// <summary>Verbs of breaking out or taking place ("the clashes broke out", "fighting erupted"), lemmas.</summary>
    public static FrozenSet<string> OnsetVerbs => Section("onset-verbs");

    /// <summary>Words before "after" that put an event only just before the news ("hours after", "shortly after").</summary>
    public static FrozenSet<string> SoonWords => Section("soon-words");

    /// <summary>Points of the day ("dawn", "midnight"): after a time link they name a moment, not another event.</summary>
    public static FrozenSet<string> ClockNouns => Section("clock-nouns");

    /// <summary>Adverbs of habit ("repeatedly", "often"): on a present or present-perfect event verb, a pattern recalled.</summary>
    public static FrozenSet<string> HabitAdverbs => Section("habit-adverbs");

    /// <summary>Units of a lapse before "after" that recalls another attack ("two days after", "hours after").</summary>
    public static FrozenSet<string> LapseUnits => Section("lapse-units");

    /// <summary>Words after a comma that end a recalled attack and return to the news one (", when a drone hit …").</summary>
    public static FrozenSet<string> RecallEnds => Section("recall-ends");

    /// <summary>Nouns of a reprisal before "for" or "to" that recall the attack it answers ("in retaliation for a strike …").</summary>
    public static FrozenSet<string> ReprisalNouns => Section("reprisal-nouns");

    /// <summary>Nouns of an office over an area ("the governor of the Kharkiv region"), whose area an attack they tell of lies in.</summary>
    public static FrozenSet<string> JurisdictionNouns => Section("jurisdiction-nouns");

    /// <summary>Prepositions by which a noun bears on a place it is about ("pressure on Russia"), not one where something happened.</summary>
    public static FrozenSet<string> BearingPrepositions => Section("bearing-prepositions");

    /// <summary>"north", "southwest": before "of" they say where the noun before them lies.</summary>
    public static FrozenSet<string> CompassWords => Section("compass-words");

    /// <summary>Nouns closing the name of a river, a lake or a range ("the Dnipro River"): a compass word before it places nothing at a town.</summary>
    public static FrozenSet<string> FeatureNouns => Section("feature-nouns");

    /// <summary>Nouns of attacks and their weapons that a country before them qualifies as the attacking side ("a US air strike").</summary>
    public static FrozenSet<string> AttackingNouns => Section("attacking-nouns");

    /// <summary>Nouns of a road, whose towns "between", "linking" or "connecting" say where on it ("the road between A and B").</summary>
    public static FrozenSet<string> RoadNouns => Section("road-nouns");

    /// <summary>Verbs (lemmas) of permitting, which with an event of force as object name no event of their own ("would allow drone strikes").</summary>
    public static FrozenSet<string> PermittingVerbs => Section("permitting-verbs");

    /// <summary>The event types (PLOVER names) a permission of force is of.</summary>
    public static FrozenSet<string> ForceTypes => Section("force-types");

    /// <summary>Event types of rejecting, which negated with an event as object name no rejection ("did not rule out strikes").</summary>
    public static FrozenSet<string> RejectingTypes => Section("rejecting-types");

    private static FrozenSet<string> Section(string name) =>
        Sections.Value.TryGetValue(name, out var set) ? set : throw new InvalidOperationException($"syntax-roles.txt has no section @{name}");

    private static FrozenDictionary<string, FrozenSet<string>> Load() =>
        WordListFile.LoadEmbedded("syntax-roles.txt").ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
}
