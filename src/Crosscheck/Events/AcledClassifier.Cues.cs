using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>The cues of <c>data/events/acled-cues.txt</c> (embedded), read once per process: what each word says about an event.</summary>
public sealed partial class AcledClassifier
{
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
        Kill = 1UL << 31,
        RocketGrenade = 1UL << 32,
        Exchange = 1UL << 35,
        MilitaryTarget = 1UL << 37,
        Accident = 1UL << 38,
        Hostile = 1UL << 39,
        Handover = 1UL << 36,
        Block = 1UL << 33,
        Road = 1UL << 34,
        CrowdControl = 1UL << 40,
    }

    /// <summary>The cues of the sentence after an event's that still describe it: how a protest went, and the agent in a weapon.</summary>
    private const Cue FollowingSentenceCues = Cue.RioterViolence | Cue.Intervention | Cue.Chemical;

    /// <summary>The cues of the sentence after a withdrawal that tell whether someone took the place.</summary>
    private const Cue FollowingTakeoverCues = Cue.Regain | Cue.Handover;

    /// <summary>The cues that name the weapon of an explosion or remote attack; the one nearest the trigger decides.</summary>
    private static readonly Cue[] WeaponCues = [Cue.Suicide, Cue.Chemical, Cue.Grenade, Cue.Air, Cue.Artillery, Cue.RemoteExplosive];

    private const string CueFile = "acled-cues.txt";

    /// <summary>Cue words and two-word phrases (lower case; single words also match through their base forms).</summary>
    private static readonly FrozenDictionary<string, Cue> Cues = LoadCues(WordListFile.EmbeddedText(CueFile), CueFile);

    /// <summary>First words of the two-word cues, so a bigram is built only where one can start.</summary>
    private static readonly FrozenSet<string> BigramStarts = Cues.Keys.Where(k => k.Contains(' ')).Select(k => k[..k.IndexOf(' ')]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parses lines "cue TAB phrase, phrase, ..." into each phrase's cues.</summary>
    private static FrozenDictionary<string, Cue> LoadCues(string content, string name)
    {
        var map = new Dictionary<string, Cue>(StringComparer.Ordinal);
        foreach (var (lineNumber, f) in TabLines.Of(content))
        {
            if (f.Length != 2) throw new FormatException($"{name}:{lineNumber}: expected cue TAB phrase, phrase, ...");
            var cueName = f[0].Trim().Replace("-", "", StringComparison.Ordinal);
            if (cueName.Length == 0 || !char.IsLetter(cueName[0]) || !Enum.TryParse<Cue>(cueName, ignoreCase: true, out var cue) || cue == Cue.None)
                throw new FormatException($"{name}:{lineNumber}: '{f[0]}' is not a cue");
            foreach (var phrase in f[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (phrase != phrase.ToLowerInvariant() || phrase.Split(' ').Length > 2) throw new FormatException($"{name}:{lineNumber}: '{phrase}' is not one or two lower-case words");
                map[phrase] = map.GetValueOrDefault(phrase) | cue;
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
