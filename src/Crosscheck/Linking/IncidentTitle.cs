using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Linking;

/// <summary>
/// The title a reporter would write for an incident: its type, actor, target, place and day, and the dead where known
/// ("US strike on a boat in the Caribbean Sea, 2 Sep 2025: 11 killed"). What is unknown is left out rather than
/// guessed: an actor is named only when an entity or a country stands behind its words, and a place, a pronoun or a
/// critic is never one. A country's side ("US forces", "the Thai army") is named by its country ("US", "Thai").
/// </summary>
internal static class IncidentTitle
{
    private static readonly string[] Pronouns = ["it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "we", "who", "which", "that", "this", "those"];

    public static string Of(IReadOnlyList<EventFacts> events, Modality modality, IncidentScope scope, PlaceFacts? place, TimeFacts? time, FatalityRecord? fatalities,
        bool latestToll = false)
    {
        var type = events[0].Type;
        var campaign = scope == IncidentScope.Campaign;
        var ofType = events.Where(e => e.Type == type).ToList();
        var places = PlaceWords(events);
        var noun = NounOf(ofType, type, campaign);
        var prefix = modality switch
        {
            Modality.Asserted => "",
            Modality.Denied => "denied ",
            Modality.Negated => "ruled-out ",
            Modality.Hypothetical => "possible ",
            _ => Modalities.Name(modality) + " ",
        };
        // A series fought by two sides is named by both ("Peruvian-Ecuadorian clashes"); each side hits the other, so
        // there is no one target.
        var sides = campaign ? TwoSides(ofType) : null;
        var (side, by) = sides is null ? ActorOf(ofType, places) : (sides, null);
        var title = prefix + (side is null ? noun : side + " " + noun);
        if (by is not null) title += " by " + by;
        if (sides is null && IncidentWords.TargetWord(PloverTypes.Name(type)) is { } word && TargetOf(ofType, places, campaign, place, side ?? by) is { } target) title += " " + word + " " + target;
        if (place is not null && (!IncidentWords.SpokenTypes.Contains(PloverTypes.Name(type)) || place.Precision is "city" or "point")) title += PlaceText(place);
        if (time is not null && DayText(time) is { } day) title += ", " + day;
        // The dead are an attack's, and only of one that happened: no "agreement: 24 killed", no "planned strike: 3 killed".
        if (type != PloverType.Assault || IncidentMatcher.ClassOf(modality) != ModalityClass.Factual) fatalities = null;
        // A campaign's latest toll is its figure as of its last day ("at least 69 killed"), not a span of its reports.
        if (latestToll && fatalities is { Best: > 0 } f) title += ": at least " + f.Best.ToString(CultureInfo.InvariantCulture) + " killed";
        else if (DeadText(fatalities) is { } dead) title += ": " + dead;
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>The words of every place the incident's events name ("American waters", "Caribbean Sea"), lower case.</summary>
    internal static HashSet<string> PlaceWords(IEnumerable<EventFacts> events)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in events)
        {
            if (e.Location is not { } l) continue;
            set.Add(Bare(l.Text));
            set.Add(Bare(l.Name));
        }
        return set;
    }

    /// <summary>Whether an actor's words name a party: not a pronoun or a place, not a critic, and an entity or a country behind them.</summary>
    internal static bool IsNamingActor(ParticipantFacts actor, IReadOnlySet<string> places)
    {
        var bare = Bare(actor.Text);
        if (bare.Length < 2 || Pronouns.Contains(bare, StringComparer.OrdinalIgnoreCase) || places.Contains(bare)) return false;
        if (IncidentWords.HasAny(actor.Text, IncidentWords.Critic) || IncidentWords.Split(actor.Text).Any(IncidentWords.NotInActor.Contains)) return false;
        return actor.EntityKey is not null || actor.Country is not null;
    }

    /// <summary>The most named actor: a country's side as its country's words, else the actor's own words after "by".</summary>
    private static (string? Side, string? By) ActorOf(List<EventFacts> events, IReadOnlySet<string> places)
    {
        var asserted = events.Where(e => e.Modality == Modality.Asserted).SelectMany(e => e.Actors).Where(a => IsNamingActor(a, places)).ToList();
        var actors = asserted.Count > 0 ? asserted : [.. events.SelectMany(e => e.Actors).Where(a => IsNamingActor(a, places))];
        if (actors.Count == 0) return (null, null);
        var named = actors.Select(a => (Actor: a, Side: SideOf(a))).ToList();
        var top = named.GroupBy(x => x.Side ?? x.Actor.EntityKey ?? Bare(x.Actor.Text), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        if (top.First().Side is { } side) return (side, null);
        var words = top.Select(x => x.Actor.Text).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        // After "by" a leading article is lower case: "by the navy", "by a rebel drone".
        return (null, words.StartsWith("The ", StringComparison.Ordinal) || words.StartsWith("An ", StringComparison.Ordinal) || words.StartsWith("A ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(words[0]) + words[1..] : words);
    }

    /// <summary>
    /// The two sides of a series, as their countries' words in order ("Cambodian-Thai"), when reports of fact from at
    /// least two documents name parties of each of two countries (not persons) as acting; else null (one side, or a
    /// side named once).
    /// </summary>
    private static string? TwoSides(List<EventFacts> events)
    {
        var byDocuments = events.Where(e => e.Modality == Modality.Asserted)
            .SelectMany(e => e.Actors.Select(a => (e.Document, Side: a.EntityKey?.Contains("person:", StringComparison.Ordinal) == true ? null : a.Country ?? CountryOfWords(a.Text))))
            .Where(x => x.Side is not null).Distinct()
            .GroupBy(x => x.Side!, StringComparer.Ordinal).Where(g => g.Count() >= 2)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(2).ToList();
        return byDocuments.Count == 2 ? string.Join('-', byDocuments.Select(CountryWords).Order(StringComparer.Ordinal)) : null;
    }

    /// <summary>A country's words when the actor is that country or its force or government ("US forces" → "US"); else null.</summary>
    private static string? SideOf(ParticipantFacts actor)
    {
        if ((actor.Country ?? CountryOfWords(actor.Text)) is not { } country) return null;
        if (actor.EntityKey is { } key && key.Contains("person:", StringComparison.Ordinal)) return null;
        var isCountry = actor.EntityKey is { } k && k.Contains("geo:", StringComparison.Ordinal);
        var words = IncidentWords.Split(actor.Text);
        var names = CountryNames(country);
        var side = words.All(w => IncidentWords.SideWords.Contains(w) || IncidentWords.Munitions.Contains(w) || names.Contains(w) || IncidentWords.HasAny(w, IncidentWords.Official));
        return isCountry || side ? CountryWords(country) : null;
    }

    private static readonly Lazy<Dictionary<string, string>> CountryByName = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in Gazetteer.Default.Entries.Select(x => x.Entity))
        {
            if (e.Country is not { } c) continue;
            if (!e.Key.StartsWith("norp:", StringComparison.Ordinal) && Gazetteer.Default.Country(c)?.Entity.Key != e.Key) continue;
            foreach (var n in e.Aliases.Prepend(e.Name)) map.TryAdd(n, c);
        }
        return map;
    });

    /// <summary>The country a side's words name without an entity behind them ("US forces" → US); null when none or two.</summary>
    internal static string? CountryOfWords(string text)
    {
        // "Argentina's navy": a country's possessive names it.
        var words = IncidentWords.Split(text).Select(w => w.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ? w[..^2] : w).ToArray();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
            for (var n = 1; n <= 3 && i + n <= words.Length; n++)
                if (CountryByName.Value.TryGetValue(string.Join(' ', words[i..(i + n)]), out var c)) found.Add(c);
        return found.Count == 1 ? found.First() : null;
    }

    private static readonly Dictionary<string, HashSet<string>> NamesCache = new(StringComparer.Ordinal);

    /// <summary>Every word of the country's names and demonyms in the gazetteer.</summary>
    private static HashSet<string> CountryNames(string iso2)
    {
        lock (NamesCache)
        {
            if (NamesCache.TryGetValue(iso2, out var known)) return known;
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var countryKey = Gazetteer.Default.Country(iso2)?.Entity.Key;
            foreach (var e in Gazetteer.Default.Entries.Select(x => x.Entity))
            {
                if (e.Country != iso2 || !(e.Key.StartsWith("norp:", StringComparison.Ordinal) || e.Key == countryKey)) continue;
                foreach (var n in e.Aliases.Prepend(e.Name)) foreach (var w in IncidentWords.Split(n)) set.Add(w);
            }
            return NamesCache[iso2] = set;
        }
    }

    private static string CountryWords(string iso2) =>
        IncidentWords.CountryWords(iso2)
        ?? Gazetteer.Default.Entries.Select(x => x.Entity).FirstOrDefault(e => e.Country == iso2 && e.Key.StartsWith("norp:", StringComparison.Ordinal))?.Name
        ?? Gazetteer.Default.Country(iso2)?.Entity.Name
        ?? iso2;

    /// <summary>The word reporters use: the most used title noun of the events' words ("strike"), else the type's noun.</summary>
    private static string NounOf(List<EventFacts> events, PloverType type, bool plural)
    {
        var singular = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (one, many) in IncidentWords.TitleNouns) { singular[one] = one; singular[many] = one; }
        var used = events.Select(e => singular.GetValueOrDefault(e.Trigger.Trim())).OfType<string>()
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
        if (used is not null) return plural ? IncidentWords.TitleNouns[used] : used;
        return Noun(type, plural);
    }

    /// <summary>The most named target: a short phrase without a number or a pronoun, "the" made "a" for a single event.</summary>
    private static string? TargetOf(List<EventFacts> events, IReadOnlySet<string> places, bool campaign, PlaceFacts? place, string? actor)
    {
        // Words are said against a party ("accusation against Thailand"), not against a thing or a notion.
        var spoken = IncidentWords.SpokenTypes.Contains(PloverTypes.Name(events[0].Type));
        string[] placeWords = place is null ? [] : IncidentWords.Split(place.Name);
        string[] writtenWords = place is null ? [] : IncidentWords.Split(AsWritten(place));
        // "the border town" of an incident at a town is that town, which the title names.
        var atSettlement = place is { Precision: "city" or "point" or "region" };
        // The dead or wounded are no target ("killed two people in a strike on a boat": the boat, or none).
        // The news names the target, not a mention the reports recall ("the group often attacks army posts").
        List<ParticipantFacts> Targets(List<EventFacts> from) => from.SelectMany(e => e.Recipients.Where(r => !Counted(e.Fatalities, r) && !Counted(e.Injured, r)))
            .Where(r => Bare(r.Text) is var b && b.Length > 1 && !Pronouns.Contains(b, StringComparer.OrdinalIgnoreCase) && !places.Contains(b)
                && !r.Text.Any(char.IsDigit) && IncidentWords.Split(r.Text) is { Length: > 0 and <= 4 } words && !IncidentWords.PlaceNouns.Contains(words[^1])
                && !(atSettlement && IncidentWords.SettlementNouns.Contains(words[^1]))
                && !words.Any(IncidentWords.NotInTarget.Contains)
                // Another attack is no target ("strike on the strikes"), nor the title's own place or actor again.
                && !IsTitleNoun(words[^1]) && !IncidentWords.FiredWords.Contains(words[^1]) && !(placeWords.Length > 0 && (ContainsRun(words, placeWords) || ContainsRun(words, writtenWords)))
                && !(actor is not null && Bare(actor).Equals(Bare(r.Text), StringComparison.OrdinalIgnoreCase))
                && (!spoken || r.EntityKey is not null || r.Country is not null || CountryOfWords(r.Text) is not null))
            .ToList();
        var news = events.Where(e => e.Salience == "main").ToList();
        var targets = Targets(news.Count > 0 ? news : events);
        if (targets.Count == 0) return null;
        var top = targets.GroupBy(r => r.EntityKey ?? Bare(r.Text), StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var text = top.Select(r => r.Text).OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        if (text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !campaign && top.First().EntityKey is null)
        {
            // "the first boat" → "a boat": the ordinal places it in its report, not in the record.
            var rest = text[4..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && IncidentWords.ReportRelativeWords.Contains(rest[..space])) rest = rest[(space + 1)..];
            text = (IsVowel(rest[0]) ? "an " : "a ") + rest;
        }
        return text.Length > 0 && char.IsUpper(text[0]) && top.First().EntityKey is null ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static bool IsTitleNoun(string word) =>
        IncidentWords.TitleNouns.Any(p => p.Key.Equals(word, StringComparison.OrdinalIgnoreCase) || p.Value.Equals(word, StringComparison.OrdinalIgnoreCase));

    private static bool ContainsRun(string[] words, string[] run)
    {
        for (var i = 0; i + run.Length <= words.Length; i++)
            if (run.Select((w, j) => w.Equals(words[i + j], StringComparison.OrdinalIgnoreCase)).All(x => x)) return true;
        return false;
    }

    private static bool Counted(RangeFacts? figure, ParticipantFacts recipient) =>
        figure is not null && recipient.Text.Length > 0 && figure.Text.Contains(recipient.Text, StringComparison.OrdinalIgnoreCase);

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);

    private static string PlaceText(PlaceFacts place)
    {
        var name = AsWritten(place);
        var first = IncidentWords.Split(name).FirstOrDefault() ?? "";
        if (IncidentWords.PlacePrepositions.Contains(first)) return " " + name;
        var last = IncidentWords.Split(name).LastOrDefault() ?? "";
        // A sea named by the country it lies off ("off the coast of Venezuela") is off that country, not in it.
        if (place.Precision == "sea" && place.Country is { } c && Gazetteer.Default.Country(c)?.Entity.Name == name) return " off " + name;
        // A province named like its capital is named as the province ("in the Kiev region"), not as the city.
        if (PlaceDivisions.NamedLikeACity(place)) return " in the " + name + " region";
        var article = (IncidentWords.PlaceArticles.Contains(place.Precision) || IncidentWords.ArticleNames.Contains(last)) && !first.Equals("the", StringComparison.OrdinalIgnoreCase) ? "the " : "";
        return " in " + article + name;
    }

    /// <summary>
    /// A town as the report wrote it ("Hodeidah", "Kramatorsk") rather than as the gazetteer spells it ("Al Ḩudaydah",
    /// "Kramators’k"): the words when they are a name of a few capitalized words in plain letters; else the gazetteer's name.
    /// </summary>
    internal static string AsWritten(PlaceFacts place)
    {
        if (place.Precision != "city" || place.Text is not { Length: > 1 } text || text == place.Name) return place.Name;
        var words = text.Split(' ');
        if (words.Length > 4 || words.Any(w => w.Length == 0 || !char.IsUpper(w[0]) || !w.All(c => char.IsAsciiLetter(c) || c == '-'))) return place.Name;
        return text;
    }

    /// <summary>The day ("2 Sep 2025"), days ("2–4 Sep 2025"), month or year the time resolves to; null when unresolved.</summary>
    internal static string? DayText(TimeFacts time)
    {
        if (time.Start is not { } s || time.End is not { } e) return null;
        var c = CultureInfo.InvariantCulture;
        if (time.Precision == "year" || (s.Month == 1 && s.Day == 1 && e.Month == 12 && e.Day == 31 && s.Year == e.Year)) return s.ToString("yyyy", c);
        if (time.Precision == "month" || (s.Day == 1 && e == new DateOnly(s.Year, s.Month, 1).AddMonths(1).AddDays(-1)))
            return s.ToString("MMM yyyy", c);
        if (s == e) return s.ToString("d MMM yyyy", c);
        if (s.Year == e.Year && s.Month == e.Month) return s.ToString("%d", c) + "–" + e.ToString("d MMM yyyy", c);
        if (s.Year == e.Year) return s.ToString("d MMM", c) + "–" + e.ToString("d MMM yyyy", c);
        return s.ToString("d MMM yyyy", c) + "–" + e.ToString("d MMM yyyy", c);
    }

    /// <summary>
    /// "11 killed" where the reconciled count is known; "at least 83 killed" when every source gives only a floor; a span
    /// when no source gives the count exactly; nothing for none.
    /// </summary>
    private static string? DeadText(FatalityRecord? f)
    {
        if (f is null || f.Max <= 0) return null;
        var c = CultureInfo.InvariantCulture;
        if (f.BySource.Any(v => v.Max == v.Min && v.Min == f.Best)) return f.Best.ToString(c) + " killed";
        if (f.BySource.Length > 0 && f.BySource.All(v => v.Max is null)) return "at least " + f.Best.ToString(c) + " killed";
        if (f.Min == f.Max) return f.Best.ToString(c) + " killed";
        return f.Min.ToString(c) + "–" + f.Max.ToString(c) + " killed";
    }

    private static string Bare(string text)
    {
        var t = text.Trim();
        foreach (var det in new[] { "the ", "a ", "an " })
        {
            if (t.StartsWith(det, StringComparison.OrdinalIgnoreCase)) return t[det.Length..].Trim();
        }
        return t;
    }

    internal static string Noun(PloverType type, bool plural) => (type, plural) switch
    {
        (PloverType.Assault, true) => "attacks",
        (PloverType.Assault, false) => "attack",
        (PloverType.Mobilize, _) => "deployment",
        (PloverType.Threaten, _) => plural ? "threats" : "threat",
        (PloverType.Reject, _) => "rejection",
        (PloverType.Accuse, _) => plural ? "accusations" : "accusation",
        (PloverType.Protest, _) => plural ? "protests" : "protest",
        (PloverType.Sanction, _) => plural ? "sanctions" : "sanction",
        (PloverType.Coerce, _) => "coercion",
        (PloverType.Request, _) => plural ? "requests" : "request",
        (PloverType.Agree, _) => "agreement",
        (PloverType.Consult, _) => "talks",
        (PloverType.Support, _) => "support",
        (PloverType.Concede, _) => "concession",
        (PloverType.Cooperate, _) => "cooperation",
        (PloverType.Aid, _) => "aid",
        (PloverType.Retreat, _) => "withdrawal",
        _ => PloverTypes.Name(type).ToLowerInvariant(),
    };
}
