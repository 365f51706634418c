using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Review;

/// <summary>
/// The values an analyst decides on, their JSON forms, and how each is checked and read. A value is given as JSON:
/// <c>type</c> a PLOVER type name ("ASSAULT"); <c>modality</c> a modality name ("asserted"); <c>actors</c> and
/// <c>target</c> a list of names; <c>place</c> a name or <c>{"name", "country", "latitude", "longitude"}</c>; <c>day</c> a
/// date ("2025-09-02") or <c>{"start", "end"}</c>; <c>killed</c> and <c>injured</c> a whole number or
/// <c>{"min", "max"}</c> (max null: "at least min"); <c>grade</c> a grade name.
/// </summary>
public static class ReviewFields
{
    public const string Type = "type", Modality = "modality", Actors = "actors", Target = "target", Place = "place", Day = "day",
        Killed = "killed", Injured = "injured", Grade = "grade";

    /// <summary>Every value of an event or incident an analyst can set or confirm.</summary>
    public static readonly ImmutableArray<string> Values = [Type, Modality, Actors, Target, Place, Day, Killed, Injured];

    /// <summary>Checks a value and returns its normalized JSON, or an error in words.</summary>
    public static bool TryNormalize(string field, JsonNode? value, out string json, out string error)
    {
        json = "";
        error = "";
        // Values built in code hold CLR types that read only as themselves; parsed JSON reads as any number type.
        value = value is null ? null : JsonNode.Parse(value.ToJsonString());
        try
        {
            JsonNode? normal = field switch
            {
                Type => PloverTypes.TryParse(Text(value, 40), out var t) ? JsonValue.Create(PloverTypes.Name(t)) : throw Bad("a PLOVER type name, e.g. \"ASSAULT\""),
                Modality => Modalities.TryParse(Text(value, 40), out var m) ? JsonValue.Create(Modalities.Name(m)) : throw Bad("a modality: asserted, planned, considered, hypothetical, negated or denied"),
                Actors or Target => Names(value),
                Place => PlaceOf(value),
                Day => DayOf(value),
                Killed or Injured => CountOf(value),
                Grade => Enum.TryParse<Linking.Grade>(Text(value, 20), true, out var g) && Enum.IsDefined(g) && !int.TryParse(Text(value, 20), out _)
                    ? JsonValue.Create(Grades.Name(g)) : throw Bad("a grade: confirmed, fair, weak, contested or discounted"),
                _ => throw Bad($"one of {string.Join(", ", Values)}"),
            };
            json = normal!.ToJsonString();
            return true;
        }
        catch (FormatException ex)
        {
            error = $"{field}: {ex.Message}";
            return false;
        }
    }

    private static FormatException Bad(string expected) => new($"expected {expected}");

    private static string Text(JsonNode? value, int max)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s)) throw Bad("a string");
        s = s.Trim();
        if (s.Length > max) throw Bad($"at most {max} characters");
        return s;
    }

    private static JsonArray Names(JsonNode? value)
    {
        if (value is not JsonArray list || list.Count > 20) throw Bad("a list of at most 20 names");
        return [.. list.Select(n => (JsonNode?)JsonValue.Create(Text(n, 200)))];
    }

    private static JsonObject PlaceOf(JsonNode? value)
    {
        if (value is JsonValue) return new JsonObject { ["name"] = Text(value, 200) };
        if (value is not JsonObject o) throw Bad("a place name or {\"name\", \"country\", \"latitude\", \"longitude\"}");
        var place = new JsonObject { ["name"] = Text(o["name"], 200) };
        if (o["country"] is { } c)
        {
            var code = Text(c, 2).ToUpperInvariant();
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)) throw Bad("a two-letter country code");
            place["country"] = code;
        }
        if (o["latitude"] is not null || o["longitude"] is not null)
        {
            var lat = Number(o["latitude"], -90, 90);
            var lon = Number(o["longitude"], -180, 180);
            place["latitude"] = lat;
            place["longitude"] = lon;
        }
        return place;
    }

    private static double Number(JsonNode? value, double min, double max)
    {
        if (value is not JsonValue v || !v.TryGetValue<double>(out var d) || double.IsNaN(d) || d < min || d > max) throw Bad($"a number from {min} to {max}");
        return d;
    }

    private static JsonObject DayOf(JsonNode? value)
    {
        DateOnly start, end;
        if (value is JsonValue) start = end = Date(value);
        else if (value is JsonObject o)
        {
            start = Date(o["start"]);
            end = o["end"] is null ? start : Date(o["end"]);
            if (end < start) throw Bad("a start no later than the end");
        }
        else throw Bad("a date (YYYY-MM-DD) or {\"start\", \"end\"}");
        return new JsonObject { ["start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["end"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
    }

    private static DateOnly Date(JsonNode? value) =>
        DateOnly.TryParseExact(Text(value, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw Bad("a date as YYYY-MM-DD");

    private static JsonObject CountOf(JsonNode? value)
    {
        long min;
        long? max;
        if (value is JsonValue) max = min = Whole(value);
        else if (value is JsonObject o)
        {
            min = Whole(o["min"]);
            max = o["max"] is null ? null : Whole(o["max"]);
            if (max < min) throw Bad("a min no larger than the max");
        }
        else throw Bad("a whole number or {\"min\", \"max\"}");
        return new JsonObject { ["min"] = min, ["max"] = max };
    }

    private static long Whole(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<long>(out var n) && n >= 0 && n <= 10_000_000 ? n : throw Bad("a whole number from 0 to 10,000,000");

    // Reading a stored (normalized) value back.

    internal static PloverType TypeOf(string json) => PloverTypes.TryParse(JsonSerializer.Deserialize<string>(json)!, out var t) ? t : throw new FormatException(json);

    internal static Events.Modality ModalityOf(string json) => Modalities.TryParse(JsonSerializer.Deserialize<string>(json)!, out var m) ? m : throw new FormatException(json);

    internal static Linking.Grade GradeOf(string json) => Enum.Parse<Linking.Grade>(JsonSerializer.Deserialize<string>(json)!, ignoreCase: true);

    internal static ImmutableArray<ParticipantFacts> ParticipantsOf(string json) =>
        [.. JsonSerializer.Deserialize<string[]>(json)!.Select(n => new ParticipantFacts(n, null, null))];

    internal static PlaceFacts PlaceFactsOf(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var name = o["name"]!.GetValue<string>();
        return new PlaceFacts(name, name, o["country"]?.GetValue<string>(), "reviewed", o["latitude"]?.GetValue<double>(), o["longitude"]?.GetValue<double>());
    }

    internal static TimeFacts TimeFactsOf(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        var start = DateOnly.ParseExact(o["start"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateOnly.ParseExact(o["end"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new TimeFacts("set in review", start, end, start == end ? "day" : "range", "review");
    }

    internal static RangeFacts RangeOf(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new RangeFacts(o["min"]!.GetValue<long>(), o["max"]?.GetValue<long>(), "set in review");
    }

    /// <summary>An event's value of a field as JSON (what a decision's "before" holds), or null when it has none.</summary>
    public static string? ValueOf(EventFacts e, string field) => field switch
    {
        Type => JsonSerializer.Serialize(PloverTypes.Name(e.Type)),
        Modality => JsonSerializer.Serialize(Modalities.Name(e.Modality)),
        Actors => JsonSerializer.Serialize(e.Actors.Select(a => a.Text)),
        Target => JsonSerializer.Serialize(e.Recipients.Select(a => a.Text)),
        Place => e.Location is { } p ? PlaceJson(p) : null,
        Day => e.Time is { Start: { } s } t ? DayJson(s, t.End ?? s) : null,
        Killed => e.Fatalities is { } k ? CountJson(k.Min, k.Max) : null,
        Injured => e.Injured is { } i ? CountJson(i.Min, i.Max) : null,
        _ => null,
    };

    /// <summary>An incident's value of a field as JSON, or null when it has none (actors, target and injured are not summed up for incidents).</summary>
    public static string? ValueOf(Incident i, string field) => field switch
    {
        Type => JsonSerializer.Serialize(PloverTypes.Name(i.Type)),
        Modality => JsonSerializer.Serialize(Modalities.Name(i.Modality)),
        Place => i.Location is { } p ? PlaceJson(p) : null,
        Day => i.Time is { Start: { } s } t ? DayJson(s, t.End ?? s) : null,
        Killed => i.Fatalities is { } k ? CountJson(k.Best, k.Best) : null,
        Grade => JsonSerializer.Serialize(Grades.Name(i.Grade)),
        _ => null,
    };

    private static string PlaceJson(PlaceFacts p)
    {
        var o = new JsonObject { ["name"] = p.Name };
        if (p.Country is { } c) o["country"] = c;
        if (p.Latitude is { } lat && p.Longitude is { } lon) { o["latitude"] = lat; o["longitude"] = lon; }
        return o.ToJsonString();
    }

    private static string DayJson(DateOnly s, DateOnly e) =>
        new JsonObject { ["start"] = s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["end"] = e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.ToJsonString();

    private static string CountJson(decimal min, decimal? max) => new JsonObject { ["min"] = min, ["max"] = max }.ToJsonString();
}
