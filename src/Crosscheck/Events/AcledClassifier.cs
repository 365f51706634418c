using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>An ACLED type with how sure the classifier is of it (0..1): high when a cue word names it, lower for a default.</summary>
public sealed record AcledJudgement(AcledType Type, double Confidence);

/// <summary>
/// Maps an event to the ACLED codebook's event and sub-event type from its PLOVER type, its trigger's modes and
/// cue words in its sentence. Null where ACLED has no type for the event (statements, requests, consultations...).
/// </summary>
/// <remarks>
/// The cue words live in <c>data/events/acled-cues.txt</c>, written from the ACLED codebook's definitions of each
/// sub-event type and the words its examples use; no list was taken from an evaluation set.
/// </remarks>
public sealed partial class AcledClassifier
{
    public static readonly AcledClassifier Default = new();

    public AcledType? Classify(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger) => Judge(text, sentence, trigger)?.Type;

    /// <summary>The ACLED type of the event <paramref name="trigger"/> names, with the classifier's confidence; null where ACLED has none.</summary>
    public AcledJudgement? Judge(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger)
    {
        var read = Read(text, sentence, trigger);
        if (trigger.Entry.Type is PloverType.Protest or PloverType.Assault) read = read with { Cues = read.Cues | (FollowingCues(text, sentence) & FollowingSentenceCues) };
        // Who took the place a side withdrew from is often the next sentence's news.
        if (trigger.Entry.Type is PloverType.Retreat) read = read with { Cues = read.Cues | (FollowingCues(text, sentence) & FollowingTakeoverCues) };
        var modes = trigger.Entry.Modes;
        var cues = read.Cues;
        return trigger.Entry.Type switch
        {
            PloverType.Assault => Assault(read, modes, text, sentence),
            PloverType.Protest => Protest(cues, modes),
            PloverType.Coerce => Coerce(read, trigger, text, sentence),
            PloverType.Mobilize => Has(cues, Cue.Base) && Has(cues, Cue.Establish)
                ? Judged(StrategicDevelopments, "Headquarters or base established", 0.9)
                : Judged(StrategicDevelopments, "Change to group/activity", 0.6),
            PloverType.Retreat => Retreat(cues, modes),
            PloverType.Agree => Judged(StrategicDevelopments, "Agreement", modes.Contains("ceasefire") ? 0.9 : 0.7),
            _ => null,
        };
    }

    private const string Battles = "Battles";
    private const string Explosions = "Explosions/Remote violence";
    private const string AgainstCivilians = "Violence against civilians";
    private const string Protests = "Protests";
    private const string Riots = "Riots";
    private const string StrategicDevelopments = "Strategic developments";

    private static AcledJudgement Judged(string type, string subType, double confidence) => new(new AcledType(type, subType), confidence);

    private static bool Has(Cue cues, Cue cue) => (cues & cue) != 0;

    /// <summary>
    /// Yielding: the codebook lists surrenders and prisoner exchanges among agreements, territory handed over or taken
    /// once its holders withdrew as a non-violent transfer, and defections and withdrawals alone as changes to a group's activity.
    /// </summary>
    private static AcledJudgement? Retreat(Cue cues, ImmutableArray<string> modes)
    {
        if (modes.Contains("surrender")) return Judged(StrategicDevelopments, "Agreement", 0.7);
        if (modes.Contains("defect")) return Judged(StrategicDevelopments, "Change to group/activity", 0.8);
        if (modes.Contains("release")) return Has(cues, Cue.Exchange) ? Judged(StrategicDevelopments, "Agreement", 0.8) : null;
        if (modes.Contains("ease")) return null;
        var taken = Has(cues, Cue.Territory) && (Has(cues, Cue.TakeOver) || Has(cues, Cue.Regain) || Has(cues, Cue.Handover));
        if (modes.Contains("return")) return taken || Has(cues, Cue.Territory) ? Judged(StrategicDevelopments, "Non-violent transfer of territory", 0.8) : null;
        return taken
            ? Judged(StrategicDevelopments, "Non-violent transfer of territory", 0.8)
            : Judged(StrategicDevelopments, "Change to group/activity", 0.6);
    }

    private static AcledJudgement? Assault(SentenceCues read, ImmutableArray<string> modes, AnnotatedText text, TokenSpan sentence)
    {
        var cues = read.Cues;
        // The trigger's own mode names the act first ("raped", "kidnapped").
        if (modes.Contains("sexual")) return Judged(AgainstCivilians, "Sexual violence", 0.95);
        if (modes.Contains("abduct")) return Judged(AgainstCivilians, "Abduction/forced disappearance", 0.9);
        if (modes.Contains("massacre")) return Judged(AgainstCivilians, "Attack", 0.8);
        // Weapons seized, found or defused where nobody was killed: the attack was disrupted.
        if (Has(cues, Cue.Weapon) && Has(cues, Cue.Disrupt) && !Has(cues, Cue.Kill)) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.8);
        // Tear gas, water cannon or dispersal answer a crowd: the violence is at a protest even when no word names it.
        if (Has(cues, Cue.Protest) || Has(cues, Cue.CrowdControl)) return ForceAtProtest(cues);
        var weapon = read.NearestWeapon;
        // A plant, store or gas line that exploded with nobody said to have set it off is an accident, not political violence.
        if (Has(cues, Cue.Accident) && !Has(cues, Cue.Hostile | Cue.ArmedGroup | Cue.RemoteExplosive | Cue.Suicide | Cue.Grenade | Cue.Air | Cue.Artillery)
            && (modes.Contains("explosives") || Has(cues, Cue.Bomb)))
            return null;
        if (weapon == Cue.Suicide) return Judged(Explosions, "Suicide bomb", 0.95);
        // A chemical agent names the attack whatever delivered it (shells, aircraft, bombs), here or in the next sentence.
        if (weapon == Cue.Chemical || Has(cues, Cue.Chemical)) return Judged(Explosions, "Chemical weapon", 0.95);
        if (weapon == Cue.Grenade) return Judged(Explosions, "Grenade", 0.9);
        if (Territory(read, text, sentence) is { } territory) return territory;
        if (weapon == Cue.Air) return Judged(Explosions, "Air/drone strike", 0.9);
        if (weapon == Cue.Artillery) return Judged(Explosions, "Shelling/artillery/missile attack", 0.9);
        if (weapon == Cue.RemoteExplosive) return Judged(Explosions, "Remote explosive/landmine/IED", 0.85);
        if (Has(cues, Cue.Sexual)) return Judged(AgainstCivilians, "Sexual violence", 0.8);
        if (Has(cues, Cue.Abduct)) return Judged(AgainstCivilians, "Abduction/forced disappearance", 0.8);
        if (Has(cues, Cue.Mob)) return Judged(Riots, "Mob violence", 0.8);
        if (Has(cues, Cue.Loot) || (Has(cues, Cue.Burn) && Has(cues, Cue.Property) && !Has(cues, Cue.Kill))) return Judged(StrategicDevelopments, "Looting/property destruction", 0.75);
        if (modes.Contains("bombing") || modes.Contains("explosives") || Has(cues, Cue.Bomb)) return Judged(Explosions, "Remote explosive/landmine/IED", 0.7);
        if (Has(cues, Cue.Clash)) return Judged(Battles, "Armed clash", 0.8);
        if (Has(cues, Cue.Civilian)) return Judged(AgainstCivilians, "Attack", 0.7);
        // Violence between armed sides, or against soldiers, police, checkpoints and convoys, is a battle; an armed group
        // striking where no other armed side or military post is named strikes civilians.
        if (Has(cues, Cue.StateForce) || (Has(cues, Cue.ArmedGroup) && (Has(cues, Cue.Base) || Has(cues, Cue.MilitaryTarget) || read.TwoArmedGroups)))
            return Judged(Battles, "Armed clash", 0.6);
        if (Has(cues, Cue.ArmedGroup)) return Judged(AgainstCivilians, "Attack", 0.6);
        return Judged(AgainstCivilians, "Attack", 0.5);
    }

    /// <summary>Violence where people protest: by the police (intervention or excessive force) or by the protesters (violent demonstration).</summary>
    private static AcledJudgement ForceAtProtest(Cue cues)
    {
        if (Has(cues, Cue.Mob)) return Judged(Riots, "Mob violence", 0.8);
        if (Has(cues, Cue.LethalForce) && (Has(cues, Cue.StateForce) || !Has(cues, Cue.RioterViolence))) return Judged(Protests, "Excessive force against protesters", 0.85);
        if (Has(cues, Cue.RioterViolence)) return Judged(Riots, "Violent demonstration", 0.85);
        if (Has(cues, Cue.Intervention)) return Judged(Protests, "Protest with intervention", 0.85);
        return Has(cues, Cue.StateForce)
            ? Judged(Protests, "Excessive force against protesters", 0.7)
            : Judged(Riots, "Violent demonstration", 0.7);
    }

    private static AcledJudgement Protest(Cue cues, ImmutableArray<string> modes)
    {
        if (modes.Contains("riot")) return Has(cues, Cue.Mob) ? Judged(Riots, "Mob violence", 0.8) : Judged(Riots, "Violent demonstration", 0.85);
        if (modes.Contains("hunger") || modes.Contains("boycott") || modes.Contains("strike")) return Judged(Protests, "Peaceful protest", 0.8);
        if (Has(cues, Cue.Mob)) return Judged(Riots, "Mob violence", 0.75);
        if (Has(cues, Cue.LethalForce) && (Has(cues, Cue.StateForce) || !Has(cues, Cue.RioterViolence))) return Judged(Protests, "Excessive force against protesters", 0.85);
        if (Has(cues, Cue.RioterViolence)) return Judged(Riots, "Violent demonstration", 0.85);
        if (Has(cues, Cue.Intervention)) return Judged(Protests, "Protest with intervention", 0.85);
        return Judged(Protests, "Peaceful protest", 0.8);
    }

    private static AcledJudgement? Coerce(SentenceCues read, TriggerMatch trigger, AnnotatedText text, TokenSpan sentence)
    {
        var cues = read.Cues;
        var modes = trigger.Entry.Modes;
        if (modes.Contains("arrest"))
        {
            if (Has(cues, Cue.Protest)) return Judged(Protests, "Protest with intervention", 0.85);
            // Arrests made while seizing weapons are coded as the seizure.
            if (Has(cues, Cue.Weapon) && Has(cues, Cue.Disrupt)) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.8);
            return Judged(StrategicDevelopments, "Arrests", 0.9);
        }
        if (modes.Contains("disrupt")) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.95);
        // Tear gas and dispersal answer a protest, named in the same sentence or the one before.
        if (modes.Contains("restrict") && (Has(cues, Cue.Protest) || Has(PrecedingCues(text, sentence), Cue.Protest)))
            return Judged(Protests, "Protest with intervention", 0.85);
        if (modes.Contains("seize"))
        {
            // Verbs of territory ("capture", "retake", "take control") name a change of hands before a seizure of weapons.
            if (trigger.Entry.Contexts.Contains("military") && Territory(read, text, sentence) is { } taken) return taken;
            if (Has(cues, Cue.Weapon) && Has(cues, Cue.Disrupt)) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.9);
            if (Territory(read, text, sentence) is { } territory) return territory;
            if (Has(cues, Cue.Weapon)) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.8);
            if (Has(cues, Cue.Loot) || Has(cues, Cue.Property)) return Judged(StrategicDevelopments, "Looting/property destruction", 0.6);
        }
        return null;
    }

    /// <summary>Territory changing hands: given up without a fight, retaken by the state, or taken by an armed group.</summary>
    private static AcledJudgement? Territory(SentenceCues read, AnnotatedText text, TokenSpan sentence)
    {
        var (cues, firstState, firstArmed) = (read.Cues, read.FirstState, read.FirstArmed);
        if (!Has(cues, Cue.Territory) || !(Has(cues, Cue.Regain) || Has(cues, Cue.TakeOver))) return null;
        if (Has(cues, Cue.Unopposed)) return Judged(StrategicDevelopments, "Non-violent transfer of territory", 0.8);
        // Who takes it: the first side the sentence names; an armed group's name counts as the armed side.
        var armed = firstArmed;
        foreach (var e in EntityLookup.Of(text).StartingIn(sentence.StartToken, sentence.EndToken))
        {
            if (e.Type == EntityType.Group && (armed < 0 || e.Span.StartToken < armed)) armed = e.Span.StartToken;
        }
        var state = armed < 0 ? firstState >= 0 : firstState >= 0 && firstState < armed;
        if (armed < 0 && firstState < 0) state = Has(cues, Cue.Regain);
        return state
            ? Judged(Battles, "Government regains territory", 0.85)
            : Judged(Battles, "Non-state actor overtakes territory", 0.85);
    }
}
