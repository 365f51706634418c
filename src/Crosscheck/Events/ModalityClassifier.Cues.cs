using System.Collections.Frozen;
using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>The cue words of <c>data/events/modality-cues.txt</c> (embedded), read once per process, and how a word is looked up in them.</summary>
public sealed partial class ModalityClassifier
{
    /// <summary>What a governing word does to the events under it.</summary>
    private enum Cue : byte
    {
        None,
        /// <summary>Report and other transparent frames: no change ("said", "reported").</summary>
        Transparent,
        /// <summary>The event happens: "began to", "managed to", "tried to".</summary>
        Factive,
        Plan,
        Consider,
        Hypothetical,
        Deny,
        /// <summary>The event does not happen: "refused to", "failed to", "called off", "prevented".</summary>
        Prevent,
        /// <summary>"ruled out": negated; not ruled out: considered.</summary>
        RuleOut,
        /// <summary>Future modals and "going to": planned; negated: negated.</summary>
        Future,
        /// <summary>could, can: considered; "could not" is negated.</summary>
        Possible,
        /// <summary>may, might, should, "possibly": considered, negated or not.</summary>
        Maybe,
    }

    private const string CueFile = "modality-cues.txt";

    /// <summary>The kinds of word a "@KIND CUE" section lists.</summary>
    private static readonly string[] CueKinds = ["verbs", "nouns", "adjectives", "modals"];

    /// <summary>The sections that are plain word sets.</summary>
    private static readonly string[] SetSections =
    [
        "irregular-verb-forms", "infinitive-only-plans", "infinitive-only-adjectives", "that-complement-nouns", "negations", "negative-subjects", "auxiliaries",
        "be-forms", "hedge-adverbs", "conditionals", "whether-if-governors", "occur-verbs", "phrasal-verbs", "past-links", "content-verbs", "appraisal-verbs",
        "linking-verbs", "free-choice-determiners", "lead-in-nouns", "opening-conditionals", "raising-adjectives",
    ];

    // The sections of the file; every field below is read from it, so they follow it.
    private static readonly FrozenDictionary<string, string[]> CueSections = LoadCueSections();

    private static readonly FrozenDictionary<string, Cue> VerbCues = Inflect(CueMap("verbs", StringComparer.Ordinal));
    private static readonly FrozenDictionary<string, Cue> NounCues = CueMap("nouns", StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, Cue> AdjectiveCues = CueMap("adjectives", StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenDictionary<string, Cue> Modals = CueMap("modals", StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A modal's cue at token <paramref name="i"/>; the month "May" ("an attack in May killed four") is none.</summary>
    private static bool IsModal(AnnotatedText text, int i, out Cue cue)
    {
        cue = Cue.None;
        return text.PosOf(i) is not ("NNP" or "NNPS") && !text.InTime(i) && Modals.TryGetValue(text.WordOf(i), out cue);
    }

    private static readonly FrozenSet<string> InfinitiveOnlyPlans = CueSet("infinitive-only-plans");
    private static readonly FrozenSet<string> InfinitiveOnlyAdjectives = CueSet("infinitive-only-adjectives");

    /// <summary>The adjective cue of token <paramref name="k"/>; none for one that cues only before "to" when no "to" follows ("still going on").</summary>
    private static bool TryAdjectiveCue(AnnotatedText text, int k, out Cue cue)
    {
        if (!AdjectiveCues.TryGetValue(text.WordOf(k), out cue)) return false;
        if (!InfinitiveOnlyAdjectives.Contains(text.WordOf(k)) || k + 1 < text.Count && text.WordOf(k + 1).Equals("to", StringComparison.OrdinalIgnoreCase)) return true;
        cue = Cue.None;
        return false;
    }
    private static readonly FrozenSet<string> ThatComplementNouns = CueSet("that-complement-nouns");
    private static readonly FrozenSet<string> Negations = CueSet("negations");
    private static readonly FrozenSet<string> NegativeSubjects = CueSet("negative-subjects");
    private static readonly FrozenSet<string> Auxiliaries = CueSet("auxiliaries");
    /// <summary>Forms of "be", compared as written.</summary>
    private static readonly FrozenSet<string> BeForms = CueSection("be-forms").ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> HedgeAdverbs = CueSet("hedge-adverbs");
    private static readonly FrozenSet<string> Conditionals = CueSet("conditionals");
    /// <summary>"likely", "expected": before "to" they raise their subject into the infinitive's clause.</summary>
    private static readonly FrozenSet<string> RaisingAdjectives = CueSet("raising-adjectives");
    /// <summary>"if", "unless": opening a sentence, they condition its main clause.</summary>
    private static readonly FrozenSet<string> OpeningConditionals = CueSet("opening-conditionals");
    /// <summary>Words before "if" that make it "whether": "unclear if", "asked if".</summary>
    private static readonly FrozenSet<string> WhetherIfGovernors = CueSet("whether-if-governors");
    private static readonly FrozenSet<string> OccurVerbs = CueSet("occur-verbs");
    /// <summary>"include", "involve": an event they take as object is what their subject (a plan, an option) holds.</summary>
    private static readonly FrozenSet<string> ContentVerbs = CueSet("content-verbs");
    /// <summary>"questioned", "challenged": with a definite event as object they appraise what took place.</summary>
    private static readonly FrozenSet<string> AppraisalVerbs = CueSet("appraisal-verbs");
    /// <summary>"after", "following", "since": the event in their phrase took place, whatever governs the phrase.</summary>
    private static readonly FrozenSet<string> PastLinks = CueSet("past-links");
    private static readonly FrozenSet<string> LinkingVerbs = CueSet("linking-verbs");
    private static readonly FrozenSet<string> FreeChoiceDeterminers = CueSet("free-choice-determiners");
    /// <summary>"prelude", "precursor", "step": the event they lead to is told as their own clause tells them.</summary>
    private static readonly FrozenSet<string> LeadInNouns = CueSet("lead-in-nouns");

    /// <summary>Whether <paramref name="word"/> is a past link ("after", "following", "since").</summary>
    internal static bool IsPastLink(string word) => PastLinks.Contains(word);

    /// <summary>Phrasal verbs: the start of the verb, the particle and the cue, first match wins.</summary>
    private static readonly (string VerbStart, string Particle, Cue Cue)[] PhrasalVerbs =
    [
        .. WordListFile.Pairs(CueSection("phrasal-verbs"), "phrasal-verbs", CueFile).Select(p =>
        {
            var plus = p.Key.IndexOf('+', StringComparison.Ordinal);
            if (plus <= 0 || plus == p.Key.Length - 1) throw new FormatException($"{CueFile}: @phrasal-verbs wants verb-start+particle=cue, not '{p.Key}'");
            return (p.Key[..plus], p.Key[(plus + 1)..], ParseCue(p.Value));
        }),
    ];

    private static readonly FrozenSet<string> NounPhraseTags = FrozenSet.ToFrozenSet(
        ["DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "HYPH", "``", "''"],
        StringComparer.Ordinal);

    private static FrozenDictionary<string, string[]> LoadCueSections()
    {
        var sections = WordListFile.LoadEmbedded(CueFile);
        foreach (var name in sections.Keys)
        {
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            var known = space > 0 ? CueKinds.Contains(name[..space]) && TryParseCue(name[(space + 1)..], out _) : SetSections.Contains(name);
            if (!known) throw new FormatException($"{CueFile}: unknown section @{name}");
        }
        return sections;
    }

    private static string[] CueSection(string name) => WordListFile.Section(CueSections, name, CueFile);

    private static FrozenSet<string> CueSet(string name) => CueSection(name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The words of every "@<paramref name="kind"/> CUE" section, each with its cue.</summary>
    private static Dictionary<string, Cue> CueMap(string kind, StringComparer comparer)
    {
        var map = new Dictionary<string, Cue>(comparer);
        foreach (var cue in Enum.GetValues<Cue>())
        {
            if (!CueSections.TryGetValue($"{kind} {cue.ToString().ToLowerInvariant()}", out var words)) continue;
            foreach (var w in words)
            {
                if (!map.TryAdd(w, cue)) throw new FormatException($"{CueFile}: '{w}' is listed twice among the {kind}");
            }
        }
        return map;
    }

    private static bool TryParseCue(string name, out Cue cue) => Enum.TryParse(name, ignoreCase: true, out cue) && cue != Cue.None;

    private static Cue ParseCue(string name) => TryParseCue(name, out var cue) ? cue : throw new FormatException($"{CueFile}: '{name}' is not a cue");

    private static Cue VerbCueAt(AnnotatedText text, int i) => VerbCues.TryGetValue(text.WordOf(i), out var cue) ? cue : Cue.None;

    private static bool IsBe(string w) => BeForms.Contains(w);

    private static Cue PhrasalCue(string verb, string particle)
    {
        foreach (var (start, p, cue) in PhrasalVerbs)
        {
            if (particle.Equals(p, StringComparison.OrdinalIgnoreCase) && verb.StartsWith(start, StringComparison.OrdinalIgnoreCase)) return cue;
        }
        return Cue.None;
    }

    /// <summary>Every inflected form of each base verb (s, ed, ing; doubling and e-dropping), then the listed irregular forms, so lookups need no lemmatizing.</summary>
    private static FrozenDictionary<string, Cue> Inflect(Dictionary<string, Cue> bases)
    {
        var forms = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (b, cue) in bases)
        {
            foreach (var form in Forms(b)) forms.TryAdd(form, cue);
        }
        foreach (var (form, b) in WordListFile.Pairs(CueSection("irregular-verb-forms"), "irregular-verb-forms", CueFile))
        {
            if (bases.TryGetValue(b, out var cue)) forms[form] = cue;
        }
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Forms(string b)
    {
        yield return b;
        var last = b[^1];
        var consonantY = last == 'y' && b.Length > 1 && !"aeiou".Contains(b[^2], StringComparison.Ordinal);
        yield return b.EndsWith('s') || b.EndsWith("sh", StringComparison.Ordinal) || b.EndsWith("ch", StringComparison.Ordinal) || last is 'x' or 'o' ? b + "es"
            : consonantY ? b[..^1] + "ies" : b + "s";
        if (last == 'e') { yield return b + "d"; yield return b[..^1] + "ing"; yield break; }
        if (consonantY) { yield return b[..^1] + "ied"; yield return b + "ing"; yield break; }
        yield return b + "ed";
        yield return b + "ing";
        // Short consonant-vowel-consonant verbs double: plan → planned, bar → barred, scrap → scrapped, vet.
        if (b.Length >= 3 && !"aeiouwxy".Contains(last, StringComparison.Ordinal) && "aeiou".Contains(b[^2], StringComparison.Ordinal) && !"aeiou".Contains(b[^3], StringComparison.Ordinal))
        {
            yield return b + last + "ed";
            yield return b + last + "ing";
        }
    }
}
