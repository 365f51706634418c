using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>An ACLED type with how sure the classifier is of it (0..1): high when a cue word names it, lower for a default.</summary>
public sealed record AcledJudgement(AcledType Type, double Confidence);

/// <summary>
/// Maps an event to the ACLED codebook's event and sub-event type from its PLOVER type, its trigger's modes and
/// cue words in its sentence. Null where ACLED has no type for the event (statements, requests, consultations...).
/// </summary>
/// <remarks>
/// The cue lists were written from the ACLED codebook's definitions of each sub-event type and the words its
/// examples use: the weapon that defines an Explosions/Remote violence sub-type (chemical agents, suicide attackers,
/// grenades, aircraft and drones, artillery, shells, mortars, rockets and missiles, IEDs, landmines and bombs), the
/// police responses that separate the three protest sub-types (arrests, tear gas, water cannon, rubber bullets and
/// dispersal for intervention; live fire and killing for excessive force), the violent acts of rioters, the verbs of
/// territory changing hands and who takes it (state forces or armed groups), seizures and defusals of weapons, bases
/// and posts established, looting and burning of property. No list was taken from an evaluation set.
/// </remarks>
public sealed class AcledClassifier
{
    public static readonly AcledClassifier Default = new();

    [Flags]
    private enum Cue : ulong
    {
        None = 0,
        Chemical = 1UL << 0,
        Suicide = 1UL << 1,
        Grenade = 1UL << 2,
        Air = 1UL << 3,
        Artillery = 1UL << 4,
        RemoteExplosive = 1UL << 5,
        Bomb = 1UL << 6,
        Sexual = 1UL << 7,
        Abduct = 1UL << 8,
        Mob = 1UL << 9,
        Loot = 1UL << 10,
        Burn = 1UL << 11,
        Property = 1UL << 12,
        Protest = 1UL << 13,
        Intervention = 1UL << 14,
        LethalForce = 1UL << 15,
        RioterViolence = 1UL << 16,
        Clash = 1UL << 17,
        StateForce = 1UL << 18,
        ArmedGroup = 1UL << 19,
        Civilian = 1UL << 20,
        Regain = 1UL << 21,
        TakeOver = 1UL << 22,
        Territory = 1UL << 23,
        Unopposed = 1UL << 24,
        Weapon = 1UL << 25,
        Disrupt = 1UL << 26,
        Base = 1UL << 27,
        Establish = 1UL << 28,
        Arrest = 1UL << 29,
        Withdraw = 1UL << 30,
        Kill = 1UL << 31,
        RocketGrenade = 1UL << 32,
        Exchange = 1UL << 35,
        MilitaryTarget = 1UL << 37,
        Accident = 1UL << 38,
        Hostile = 1UL << 39,
        Handover = 1UL << 36,
        Block = 1UL << 33,
        Road = 1UL << 34,
    }

    /// <summary>The cues of the sentence after an event's that still describe it: how a protest went, and the agent in a weapon.</summary>
    private const Cue FollowingSentenceCues = Cue.RioterViolence | Cue.Intervention | Cue.Chemical;

    /// <summary>The cues of the sentence after a withdrawal that tell whether someone took the place.</summary>
    private const Cue FollowingTakeoverCues = Cue.Regain | Cue.Handover;

    /// <summary>The cues that name the weapon of an explosion or remote attack; the one nearest the trigger decides.</summary>
    private static readonly Cue[] WeaponCues = [Cue.Suicide, Cue.Chemical, Cue.Grenade, Cue.Air, Cue.Artillery, Cue.RemoteExplosive];

    /// <summary>Cue words and two-word phrases (lower case; single words also match through their base forms).</summary>
    private static readonly FrozenDictionary<string, Cue> Cues = Build(new()
    {
        [Cue.Chemical] = ["chemical", "chlorine", "sarin", "mustard gas", "nerve agent", "toxic gas", "poison gas", "poisonous gas", "gas attack", "toxic chemicals", "cbrn"],
        [Cue.Suicide] = ["suicide", "self-detonated", "blew himself", "blew herself", "blew themselves", "explosive vest", "explosive belt", "suicide vest"],
        [Cue.Grenade] = ["grenade", "grenades", "hand grenade"],
        [Cue.Air] = ["airstrike", "airstrikes", "air strike", "air strikes", "air raid", "air raids", "warplane", "warplanes", "jet", "jets", "fighter jets",
            "drone", "drones", "aircraft", "helicopter", "helicopters", "gunship", "gunships", "aerial", "air force", "bomber", "bombers", "air-strike", "air-strikes", "sortie", "sorties"],
        [Cue.Artillery] = ["shell", "shells", "shelled", "shelling", "artillery", "mortar", "mortars", "rocket", "rockets", "missile", "missiles", "howitzer", "howitzers",
            "bombard", "bombardment", "projectile", "projectiles", "tank fire", "katyusha", "barrage", "heavy weapons"],
        [Cue.RemoteExplosive] = ["ied", "ieds", "improvised explosive", "landmine", "landmines", "land mine", "roadside bomb", "explosive device", "explosive devices",
            "car bomb", "ground mine", "bomb-laden", "booby-trapped", "booby trap", "booby-trap", "remote-controlled", "planted", "detonated", "landmines", "sticky bomb", "magnetic bomb", "vbied"],
        [Cue.Bomb] = ["bomb", "bombs", "explosion", "explosions", "blast", "blasts", "explosive", "explosives", "exploded", "detonation"],
        [Cue.Sexual] = ["rape", "raped", "rapes", "raping", "sexual", "sexually", "molest", "molested", "gang-raped", "gang-rape", "gangrape"],
        [Cue.Abduct] = ["abduct", "abducted", "abduction", "abductions", "kidnap", "kidnapped", "kidnapping", "kidnappers", "hostage", "hostages", "disappearance",
            "disappeared", "captive", "captives", "abductors"],
        [Cue.Mob] = ["mob", "mobs", "lynch", "lynched", "lynching", "vigilante", "vigilantes", "vigilantism", "angry crowd", "angry residents", "angry villagers", "mob justice"],
        [Cue.Loot] = ["loot", "looted", "looting", "looters", "ransack", "ransacked", "plunder", "plundered", "vandalize", "vandalise", "vandalized", "vandalised", "vandalism", "vandals", "pillage", "pillaged"],
        [Cue.Burn] = ["torch", "torched", "set ablaze", "set fire", "burn", "burned", "burnt", "arson", "afire", "ablaze", "demolish", "demolished", "destroy", "destroyed"],
        [Cue.Property] = ["house", "houses", "home", "homes", "shop", "shops", "store", "stores", "building", "buildings", "vehicle", "vehicles", "car", "cars", "property",
            "properties", "church", "churches", "mosque", "mosques", "temple", "temples", "office", "offices", "warehouse", "warehouses", "market", "school", "schools", "business", "businesses"],
        [Cue.Protest] = ["protest", "protests", "protester", "protesters", "protestor", "protestors", "demonstration", "demonstrations", "demonstrator", "demonstrators",
            "rally", "rallies", "rallied", "sit-in", "sit-ins", "picket", "rioter", "rioters", "riot", "riots", "rioting", "demonstrate", "demonstrated", "marchers"],
        [Cue.Intervention] = ["tear gas", "teargas", "tear-gas", "water cannon", "water cannons", "rubber bullets", "disperse", "dispersed", "dispersal", "baton", "batons",
            "baton-charged", "lathi", "pepper spray", "stun grenades", "arrest", "arrested", "arrests", "detain", "detained", "chase", "chased", "broke up", "broken up", "break up"],
        [Cue.LethalForce] = ["live ammunition", "live rounds", "live fire", "opened fire", "open fire", "shot dead", "killed", "kill", "killing", "brutally", "beat", "beaten",
            "beating", "excessive force", "deadly force", "lethal force", "fired on", "fired at", "died", "dead", "gunfire", "crackdown", "bullets"],
        [Cue.RioterViolence] = ["stone", "stones", "stone-throwing", "rocks", "molotov", "petrol bombs", "firecrackers", "clash", "clashed", "clashes", "violent", "violence",
            "riot", "riots", "rioting", "rioters", "torched", "vandalized", "vandalised", "vandalism", "pelted", "hurled", "set fire", "set ablaze", "burning tyres", "burning tires", "smashed",
            "barricade", "barricades", "projectiles", "bottles", "pulled down", "pull down", "tore down", "torn down", "broke into", "break into", "ransacked"],
        [Cue.Clash] = ["clash", "clashes", "clashed", "fighting", "fought", "battle", "battles", "battled", "firefight", "gunfight", "gun battle", "exchange fire",
            "exchanged fire", "exchange of fire", "skirmish", "skirmishes", "engaged", "fierce", "repelled", "repulsed", "counterattack", "offensive"],
        [Cue.StateForce] = ["army", "troops", "soldiers", "soldier", "military", "government forces", "security forces", "police", "policemen", "regime",
            "armed forces", "gendarmes", "gendarmerie", "marines", "navy", "national army", "pro-government", "state forces", "servicemen", "officers"],
        [Cue.ArmedGroup] = ["militants", "militant", "rebels", "rebel", "insurgents", "insurgent", "fighters", "jihadists", "jihadist", "terrorists", "terrorist",
            "extremists", "militia", "militias", "militiamen", "gunmen", "guerrillas", "guerrilla", "armed groups", "armed group", "separatists", "bandits", "armed men", "opposition forces"],
        [Cue.Civilian] = ["civilian", "civilians", "villagers", "residents", "worshippers", "farmers", "women", "children", "passengers", "students", "pedestrians",
            "shoppers", "family", "families", "journalist", "journalists", "teacher", "teachers", "population", "unarmed", "innocent", "worshipers", "mourners"],
        [Cue.Regain] = ["recapture", "recaptured", "re-capture", "re-captured", "re-took", "re-taken", "retake", "retook", "retaken", "regain", "regained", "liberate", "liberated", "liberation", "reclaim", "reclaimed",
            "drove out", "drive out", "driven out", "recovered", "freed", "took back", "take back", "taken back", "expelled", "pushed back"],
        [Cue.TakeOver] = ["seize", "seized", "seizing", "capture", "captured", "capturing", "take control", "took control", "taken control", "seized control", "overran",
            "overrun", "took over", "taken over", "take over", "advanced", "entered", "stormed", "occupied", "overtook", "fell", "controlling", "control"],
        [Cue.Territory] = ["town", "towns", "city", "village", "villages", "area", "areas", "territory", "territories", "district", "districts", "region", "province",
            "base", "airbase", "air base", "port", "crossing", "airport", "border", "oilfield", "positions", "hill", "hills", "neighbourhood", "neighborhood", "countryside", "outskirts",
            "highway", "road", "capital", "checkpoint", "camp", "camps", "island", "strongholds", "stronghold", "localities", "settlement", "valley"],
        [Cue.Unopposed] = ["without resistance", "no resistance", "any resistance", "without a fight", "handed over", "hand over", "handover", "vacated", "abandoned",
            "withdrew", "withdrawn", "withdrawal", "pulled out", "peacefully"],
        [Cue.Weapon] = ["weapon", "weapons", "arms", "ammunition", "ammo", "explosives", "explosive", "firearm", "firearms", "rifle", "rifles", "gun", "guns",
            "cache", "caches", "bomb", "bombs", "device", "devices", "ied", "ieds", "grenade", "grenades", "mines", "landmine", "landmines", "missile", "missiles",
            "rocket", "rockets", "drone", "drones", "detonators", "munitions", "rounds", "pistol", "pistols", "arsenal", "packages", "suspicious"],
        [Cue.Disrupt] = ["defuse", "defused", "defusing", "dismantle", "dismantled", "foil", "foiled", "thwart", "thwarted", "intercept", "intercepted", "seize", "seized",
            "confiscate", "confiscated", "discovered", "found", "recovered", "shot down", "neutralize", "neutralized", "neutralised", "unearthed", "uncovered",
            "bomb squad", "bomb disposal", "controlled explosion", "seizure", "haul", "depot", "hideout", "cleared", "removed", "stash"],
        [Cue.Base] = ["base", "bases", "headquarters", "post", "posts", "outpost", "outposts", "checkpoint", "checkpoints", "camp", "camps", "observation post", "garrison", "office", "station"],
        [Cue.Establish] = ["set up", "sets up", "setting up", "established", "establish", "establishing", "build", "built", "building", "opened", "open", "erected", "installed", "set"],
        [Cue.Arrest] = ["arrest", "arrested", "arrests", "detain", "detained", "apprehended", "custody", "nabbed", "rounded up"],
        [Cue.Withdraw] = ["withdraw", "withdrew", "withdrawn", "withdrawal", "pulled out", "retreat", "retreated", "evacuated", "vacated"],
        [Cue.RocketGrenade] = ["rocket-propelled", "rpg", "rpgs"],
        // Industrial accidents: what blows up by itself (gas, chemicals, stores of explosives or fireworks) and where.
        [Cue.Accident] = ["accident", "accidental", "accidentally", "leak", "leaked", "leaking", "propane", "cylinder", "cylinders", "boiler", "boilers",
            "ammonium", "nitrate", "fireworks", "firecracker", "factory", "plant", "warehouse", "industrial", "refinery", "pipeline", "tanker",
            "solvents", "chemicals", "stored", "storage", "gas station", "gas cylinder", "chemical plant"],
        // Words that make an explosion someone's act.
        [Cue.Hostile] = ["attack", "attacks", "attacked", "attacker", "attackers", "targeted", "targeting", "bomb", "bombs", "bomber", "bombers", "bombing",
            "responsibility", "assailants", "perpetrators", "sabotage", "terror", "terrorism", "planted", "suspect", "suspects"],
        [Cue.MilitaryTarget] = ["forces", "convoy", "convoys", "patrol", "patrols", "headquarter", "barracks", "garrison", "positions", "unit", "units"],
        [Cue.Exchange] = ["exchange", "exchanged", "swap", "swapped", "traded", "in exchange"],
        [Cue.Handover] = ["handed over", "handed control", "hands of", "hand over", "handover", "handing over", "ceded", "cede", "without resistance", "no resistance", "without a fight"],
        // Road-blocking is the codebook's own example of a violent demonstration ("road-blocking using barricades, burning tires").
        [Cue.Block] = ["block", "blocked", "blocking", "blockade", "blockaded", "blockading", "shut down", "shutting down", "barricade", "barricaded"],
        [Cue.Road] = ["road", "roads", "highway", "highways", "street", "streets", "thoroughfare", "thoroughfares", "railway", "railways", "railroad",
            "rail", "traffic", "motorway", "motorways", "bridge", "bridges", "intersection", "intersections", "junction", "junctions", "roadway"],
        [Cue.Kill] = ["kill", "killed", "killing", "dead", "died", "death", "deaths", "casualties", "wounded", "injured", "murdered"],
    });

    /// <summary>First words of the two-word cues, so a bigram is built only where one can start.</summary>
    private static readonly FrozenSet<string> BigramStarts = Cues.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')]).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, Cue> Build(Dictionary<Cue, string[]> lists)
    {
        var map = new Dictionary<string, Cue>(StringComparer.Ordinal);
        foreach (var (cue, words) in lists)
        {
            foreach (var w in words) map[w] = map.GetValueOrDefault(w) | cue;
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

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
    private static AcledJudgement? Retreat(Cue cues, System.Collections.Immutable.ImmutableArray<string> modes)
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

    private static AcledJudgement? Assault(SentenceCues read, System.Collections.Immutable.ImmutableArray<string> modes, AnnotatedText text, TokenSpan sentence)
    {
        var cues = read.Cues;
        // The trigger's own mode names the act first ("raped", "kidnapped").
        if (modes.Contains("sexual")) return Judged(AgainstCivilians, "Sexual violence", 0.95);
        if (modes.Contains("abduct")) return Judged(AgainstCivilians, "Abduction/forced disappearance", 0.9);
        if (modes.Contains("massacre")) return Judged(AgainstCivilians, "Attack", 0.8);
        // Weapons seized, found or defused where nobody was killed: the attack was disrupted.
        if (Has(cues, Cue.Weapon) && Has(cues, Cue.Disrupt) && !Has(cues, Cue.Kill)) return Judged(StrategicDevelopments, "Disrupted weapons use", 0.8);
        if (Has(cues, Cue.Protest)) return ForceAtProtest(cues);
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

    private static AcledJudgement Protest(Cue cues, System.Collections.Immutable.ImmutableArray<string> modes)
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

    /// <summary>A sentence's cues: which occur, where it first names state forces and an armed group (-1 when it does not), and the weapon named nearest the trigger.</summary>
    private readonly record struct SentenceCues(Cue Cues, int FirstState, int FirstArmed, Cue NearestWeapon, bool TwoArmedGroups = false);

    /// <summary>How near an aircraft must be named to a missile or rocket for the attack to be an air strike ("warplanes fired a missile").</summary>
    private const int AircraftReach = 6;

    /// <summary>Reads the cues of <paramref name="sentence"/> around <paramref name="trigger"/>.</summary>
    private static SentenceCues Read(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger)
    {
        var cues = Cue.None;
        int firstState = -1, firstArmed = -1;
        var nearest = Cue.None;
        var twoArmed = false;
        var nearestDistance = int.MaxValue;
        // The trigger itself may name the weapon ("airstrike", "shelling", "grenade attack", "suicide bombing").
        var modes = trigger.Entry.Modes;
        var own = modes.Contains("suicide-attack") ? Cue.Suicide
            : modes.Contains("cbrn") || modes.Contains("unconventional") ? Cue.Chemical
            : modes.Contains("grenade") ? Cue.Grenade
            : modes.Contains("aerial") || modes.Contains("drone") ? Cue.Air
            : modes.Contains("heavy-weapons") || modes.Contains("artillery") ? Cue.Artillery
            : Cue.None;
        if (own != Cue.None) { nearest = own; nearestDistance = 0; }
        var airDistance = own == Cue.Air ? 0 : int.MaxValue;
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            var found = CuesAt(text, i, sentence.EndToken);
            if (found == Cue.None) continue;
            // "rocket-propelled grenade" is a rocket, not a hand grenade.
            if ((found & Cue.Grenade) != 0 && i > sentence.StartToken && (cues & Cue.RocketGrenade) != 0 && text.WordOf(i - 1) is var before
                && (before.Equals("rocket-propelled", StringComparison.OrdinalIgnoreCase) || before == "-" || before.Equals("propelled", StringComparison.OrdinalIgnoreCase)))
                found = (found & ~Cue.Grenade) | Cue.Artillery;
            if ((found & Cue.RocketGrenade) != 0) found |= Cue.Artillery;
            // "a chlorine attack" names an attack of its own, which its own trigger classifies; it does not make this one chemical.
            if ((found & Cue.Chemical) != 0 && !trigger.Span.Contains(i) && NamesAttack(text, i + 1, sentence.EndToken)) cues |= found & ~Cue.Chemical;
            else cues |= found;
            if (firstState < 0 && (found & Cue.StateForce) != 0) firstState = i;
            if (firstArmed < 0 && (found & Cue.ArmedGroup) != 0) firstArmed = i;
            else if ((found & Cue.ArmedGroup) != 0 && !twoArmed) twoArmed = !SameNoun(text.WordOf(firstArmed), text.WordOf(i));
            var distance = i < trigger.Span.StartToken ? trigger.Span.StartToken - i : i >= trigger.Span.EndToken ? i - trigger.Span.EndToken + 1 : 0;
            if ((found & Cue.Air) != 0) airDistance = Math.Min(airDistance, distance);
            foreach (var weapon in WeaponCues)
            {
                if ((found & weapon) == 0) continue;
                // A suicide attacker or a chemical agent names the attack wherever the sentence says so.
                var d = weapon is Cue.Suicide or Cue.Chemical ? Math.Max(0, distance - 6) : distance;
                if (d < nearestDistance) { nearest = weapon; nearestDistance = d; }
                break;
            }
        }
        // Missiles and rockets fired from aircraft are air strikes.
        if (nearest == Cue.Artillery && airDistance <= AircraftReach) nearest = Cue.Air;
        return new SentenceCues(WithRoadBlocking(cues), firstState, firstArmed, nearest, twoArmed);
    }

    /// <summary>The cues word <paramref name="i"/> names, alone or with the next word before <paramref name="end"/>.</summary>
    private static Cue CuesAt(AnnotatedText text, int i, int end)
    {
        var word = text.WordOf(i);
        var found = Cue.None;
        var lower = word.ToLowerInvariant();
        if (Cues.TryGetValue(lower, out var c)) found |= c;
        else
        {
            foreach (var candidate in Lemmas.Candidates(word))
            {
                if (Cues.TryGetValue(candidate, out c)) { found |= c; break; }
            }
        }
        if (i + 1 < end && BigramStarts.Contains(lower) && Cues.TryGetValue(lower + " " + text.WordOf(i + 1).ToLowerInvariant(), out c)) found |= c;
        return found;
    }

    /// <summary>Whether two nouns are one word in singular or plural ("militia", "militias").</summary>
    private static bool SameNoun(string a, string b) =>
        a.AsSpan().TrimEnd('s').Equals(b.AsSpan().TrimEnd('s'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the word at <paramref name="i"/> (or the one after, past "weapons") is "attack" or "attacks".</summary>
    private static bool NamesAttack(AnnotatedText text, int i, int end)
    {
        if (i < end && text.WordOf(i).Equals("weapons", StringComparison.OrdinalIgnoreCase)) i++;
        return i < end && text.WordOf(i) is var w && (w.Equals("attack", StringComparison.OrdinalIgnoreCase) || w.Equals("attacks", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Roads blocked or shut in one sentence count as the demonstrators' violence.</summary>
    private static Cue WithRoadBlocking(Cue cues) => Has(cues, Cue.Block) && Has(cues, Cue.Road) ? cues | Cue.RioterViolence : cues;

    /// <summary>The cues of the sentence before <paramref name="sentence"/>, none for the first.</summary>
    private static Cue PrecedingCues(AnnotatedText text, TokenSpan sentence)
    {
        if (sentence.StartToken == 0) return Cue.None;
        var previous = text.SentenceOf(sentence.StartToken - 1);
        var cues = Cue.None;
        for (var i = previous.StartToken; i < previous.EndToken; i++) cues |= CuesAt(text, i, previous.EndToken);
        return cues;
    }

    /// <summary>
    /// What the sentence after <paramref name="sentence"/> adds to its event: news often reports a protest and then, in the next
    /// sentence, how it turned violent or how police broke it up; or an attack and then the agent its shells carried.
    /// </summary>
    private static Cue FollowingCues(AnnotatedText text, TokenSpan sentence)
    {
        if (sentence.EndToken >= text.Count) return Cue.None;
        var next = text.SentenceOf(sentence.EndToken);
        var cues = Cue.None;
        for (var i = next.StartToken; i < next.EndToken; i++) cues |= CuesAt(text, i, next.EndToken);
        return WithRoadBlocking(cues);
    }
}
