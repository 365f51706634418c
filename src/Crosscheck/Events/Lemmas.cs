using System.Collections.Frozen;

namespace Crosscheck.Events;

/// <summary>
/// Candidate base forms of an inflected English word, for looking words up in a lexicon of base forms:
/// "bombing" → bomb, bombe; "struck" → strike; "strikes" → strike, strik. The lexicon decides which
/// candidate is a word, so the rules may over-generate.
/// </summary>
public static partial class Lemmas
{
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["took"] = "take", ["taken"] = "take", ["sent"] = "send", ["fought"] = "fight", ["struck"] = "strike",
        ["stricken"] = "strike", ["shot"] = "shoot", ["held"] = "hold", ["met"] = "meet", ["won"] = "win",
        ["led"] = "lead", ["fled"] = "flee", ["threw"] = "throw", ["thrown"] = "throw", ["began"] = "begin",
        ["begun"] = "begin", ["stole"] = "steal", ["stolen"] = "steal", ["drove"] = "drive", ["driven"] = "drive",
        ["beat"] = "beat", ["beaten"] = "beat", ["withdrew"] = "withdraw", ["withdrawn"] = "withdraw",
        ["said"] = "say", ["told"] = "tell", ["gave"] = "give", ["given"] = "give", ["made"] = "make",
        ["went"] = "go", ["gone"] = "go", ["came"] = "come", ["found"] = "find", ["broke"] = "break",
        ["broken"] = "break", ["overran"] = "overrun", ["caught"] = "catch", ["brought"] = "bring",
        ["sought"] = "seek", ["stood"] = "stand", ["swore"] = "swear", ["sworn"] = "swear", ["forbade"] = "forbid",
        ["forbidden"] = "forbid", ["fell"] = "fall", ["fallen"] = "fall", ["rose"] = "rise", ["risen"] = "rise",
        ["spoke"] = "speak", ["spoken"] = "speak", ["wrote"] = "write", ["written"] = "write", ["blew"] = "blow",
        ["blown"] = "blow", ["flew"] = "fly", ["flown"] = "fly", ["shook"] = "shake", ["shaken"] = "shake",
        ["sank"] = "sink", ["sunk"] = "sink", ["slew"] = "slay", ["slain"] = "slay", ["laid"] = "lay",
        ["lay"] = "lie", ["lain"] = "lie", ["left"] = "leave", ["lost"] = "lose", ["kept"] = "keep", ["felt"] = "feel",
        ["bought"] = "buy", ["sold"] = "sell", ["paid"] = "pay", ["built"] = "build", ["spent"] = "spend",
        ["drew"] = "draw", ["drawn"] = "draw", ["grew"] = "grow", ["grown"] = "grow", ["knew"] = "know",
        ["known"] = "know", ["saw"] = "see", ["seen"] = "see", ["got"] = "get", ["gotten"] = "get",
        ["had"] = "have", ["has"] = "have", ["was"] = "be", ["were"] = "be", ["is"] = "be", ["are"] = "be",
        ["been"] = "be", ["am"] = "be", ["did"] = "do", ["done"] = "do", ["does"] = "do", ["ran"] = "run",
        ["hung"] = "hang", ["bound"] = "bind", ["bled"] = "bleed", ["fed"] = "feed", ["hid"] = "hide",
        ["hidden"] = "hide", ["bore"] = "bear", ["borne"] = "bear", ["tore"] = "tear", ["torn"] = "tear",
        ["wore"] = "wear", ["worn"] = "wear", ["arose"] = "arise", ["arisen"] = "arise", ["undertook"] = "undertake",
        ["undertaken"] = "undertake", ["overtook"] = "overtake", ["overtaken"] = "overtake", ["upheld"] = "uphold",
        ["withheld"] = "withhold", ["forgave"] = "forgive", ["forgiven"] = "forgive", ["chose"] = "choose",
        ["chosen"] = "choose", ["froze"] = "freeze", ["frozen"] = "freeze", ["men"] = "man", ["women"] = "woman",
        ["children"] = "child", ["people"] = "person", ["casualties"] = "casualty",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The word itself (lower case) first, then candidate base forms, most likely first. A new array each call, built
    /// at once: the readers ask for every token's candidates, and an array costs less than an iterator to fill.
    /// </summary>
    public static string[] Candidates(string word)
    {
        var w = word.ToLowerInvariant();
        if (Irregular.TryGetValue(w, out var irregular)) return [w, irregular];
        if (w.Length < 4) return [w];
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)) return [w, w[..^3] + "y"];
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) return WithStems(w, w[..^3]);
        if (w.EndsWith("ed", StringComparison.Ordinal)) return WithStems(w, w[..^2]);
        // "-es" ends in a single s too, so each ending is dropped in turn: "strikes" → strik, strike.
        if (w.EndsWith("es", StringComparison.Ordinal)) return [w, w[..^2], w[..^1]];
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) return [w, w[..^1]];
        return [w];
    }

    /// <summary>The word, then its stem with e, the stem, and a doubled last letter undone ("stopp" → stop; listed twice unless l, s or e).</summary>
    private static string[] WithStems(string w, string stem)
    {
        if (stem.Length <= 2 || stem[^1] != stem[^2]) return [w, stem + "e", stem];
        var single = stem[..^1];
        return stem[^1] is not ('l' or 's' or 'e') ? [w, stem + "e", stem, single, single] : [w, stem + "e", stem, single];
    }
}
