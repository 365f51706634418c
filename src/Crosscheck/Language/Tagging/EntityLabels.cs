namespace Crosscheck.Language.Tagging;

/// <summary>
/// Our entity types and how the training sources' labels map onto them.
/// <list type="bullet">
/// <item>WikiGold (CoNLL-03, IOB1): PER → PERSON, ORG → ORG, LOC → LOC, MISC → MISC.</item>
/// <item>WNUT-17: person → PERSON, group and corporation → ORG, location → LOC, product and creative-work → MISC.</item>
/// <item>re3d: Person → PERSON, Organisation → ORG, Location → LOC, Nationality → NORP; Temporal, Quantity,
/// Money, Weapon, MilitaryPlatform, DocumentReference → O.</item>
/// <item>GMB: per → PERSON without the leading titles GMB includes ("President", "Mr.", "Prime Minister": the
/// other sources and OntoNotes leave them out), org → ORG, geo → LOC, gpe → NORP (in this corpus gpe is nearly always a demonym:
/// Iraqi, Israeli, Palestinian), art, eve and nat (natural phenomena: Katrina, H5N1) → MISC, tim → O.</item>
/// </list>
/// No source tells countries and cities from other places, so they all train one location class, output as
/// LOC; a later gazetteer step is to refine LOC into GPE (countries, cities, states) and LOC. No source marks
/// facilities either, so FACILITY is a valid type (accepted in training data) that the committed model never outputs.
/// Our own type names map to themselves, so data can also be written in our scheme.
/// </summary>
internal static class EntityLabels
{
    public const string Person = "PERSON", Org = "ORG", Gpe = "GPE", Loc = "LOC", Norp = "NORP", Facility = "FACILITY", Misc = "MISC";

    public static readonly string[] Types = [Person, Org, Gpe, Loc, Norp, Facility, Misc];

    private static readonly Dictionary<string, (string Begin, string Inside)> TagStrings =
        Types.ToDictionary(t => t, t => ("B-" + t, "I-" + t), StringComparer.Ordinal);

    /// <summary>The B- or I- tag of one of our types, one shared string each.</summary>
    public static string Tag(bool begin, string type) => begin ? TagStrings[type].Begin : TagStrings[type].Inside;

    private static readonly Dictionary<string, string?> SourceTypes = new(StringComparer.Ordinal)
    {
        // Ours.
        [Person] = Person, [Org] = Org, [Gpe] = Gpe, [Loc] = Loc, [Norp] = Norp, [Facility] = Facility, [Misc] = Misc,
        // WikiGold / CoNLL-03.
        ["PER"] = Person, ["LOC"] = Loc, ["MISC"] = Misc,
        // WNUT-17.
        ["person"] = Person, ["group"] = Org, ["corporation"] = Org, ["location"] = Loc, ["product"] = Misc, ["creative-work"] = Misc,
        // re3d.
        ["Person"] = Person, ["Organisation"] = Org, ["Location"] = Loc, ["Nationality"] = Norp,
        ["Temporal"] = null, ["Quantity"] = null, ["Money"] = null, ["Weapon"] = null, ["MilitaryPlatform"] = null, ["DocumentReference"] = null,
        // GMB.
        ["per"] = Person, ["org"] = Org, ["geo"] = Loc, ["gpe"] = Norp, ["art"] = Misc, ["eve"] = Misc, ["nat"] = Misc, ["tim"] = null,
    };

    /// <summary>Our type for a source's type name: null for a type we drop (tagged O); false when the name is unknown.</summary>
    public static bool TryMap(string sourceType, out string? type) => SourceTypes.TryGetValue(sourceType, out type);

    public static string KnownSourceTypes => string.Join(", ", SourceTypes.Keys.Order(StringComparer.Ordinal));

    /// <summary>Words of titles that GMB puts at the start of a person's span, lower case.</summary>
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "of", "state",
        "foreign", "defense", "defence", "interior", "finance", "general", "gen.", "senator", "sen.", "representative", "rep.", "governor", "gov.", "mayor",
        "king", "queen", "prince", "princess", "crown", "pope", "cardinal", "archbishop", "bishop", "rev.", "reverend", "sheikh", "ayatollah", "grand",
        "lieutenant", "lt.", "colonel", "col.", "captain", "capt.", "major", "maj.", "sergeant", "sgt.", "admiral", "adm.", "commander", "marshal",
        "judge", "justice", "ambassador", "envoy", "chief", "deputy", "former", "opposition", "leader", "sir", "lord", "lady", "emir",
    };

    /// <summary>Turns leading title words of PERSON spans to O ("B-PERSON I-PERSON I-PERSON" over "President George Bush" becomes "O B-PERSON I-PERSON").</summary>
    public static void StripPersonTitles(ReadOnlySpan<string> words, Span<string> tags)
    {
        var begin = Tag(true, Person);
        var inside = Tag(false, Person);
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i] != begin) continue;
            var end = i + 1;
            while (end < tags.Length && tags[end] == inside) end++;
            var first = i;
            while (first < end - 1 && TitleWords.Contains(words[first])) first++;
            if (first == i) continue;
            for (var j = i; j < first; j++) tags[j] = "O";
            tags[first] = begin;
        }
    }

    /// <summary>
    /// Rewrites tags in place as BIO: an I- tag that does not continue an entity of its type starts one (B-),
    /// which turns IOB1 (WikiGold) into BIO and leaves BIO unchanged.
    /// </summary>
    public static void RepairBio(Span<string> tags)
    {
        for (var i = 0; i < tags.Length; i++)
        {
            if (!tags[i].StartsWith("I-", StringComparison.Ordinal)) continue;
            var type = tags[i].AsSpan(2);
            var continues = i > 0 && tags[i - 1].Length > 2 && tags[i - 1][0] is 'B' or 'I' && tags[i - 1].AsSpan(2).SequenceEqual(type);
            if (!continues) tags[i] = TagStrings.TryGetValue(tags[i][2..], out var t) ? t.Begin : "B-" + tags[i][2..];
        }
    }

    /// <summary>The entities of a BIO sequence; an I- tag that does not continue its type starts a new entity.</summary>
    public static List<EntitySpan> Spans(ReadOnlySpan<string> bio)
    {
        var spans = new List<EntitySpan>();
        var start = -1;
        string? type = null;
        for (var i = 0; i <= bio.Length; i++)
        {
            var tag = i < bio.Length ? bio[i] : "O";
            var isInside = tag.StartsWith("I-", StringComparison.Ordinal) && type is not null && tag.AsSpan(2).SequenceEqual(type);
            if (isInside) continue;
            if (type is not null) spans.Add(new EntitySpan(start, i, type));
            type = null;
            if (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I')
            {
                start = i;
                type = tag[2..];
            }
        }
        return spans;
    }
}

/// <summary>An entity found in a sentence: tokens [Start, End) of type <see cref="Type"/> (PERSON, ORG, GPE, LOC, NORP, FACILITY or MISC).</summary>
internal readonly record struct EntitySpan(int Start, int End, string Type)
{
    public int Length => End - Start;
}
