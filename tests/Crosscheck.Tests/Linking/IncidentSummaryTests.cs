using System.Collections.Immutable;
using Crosscheck.Events;
using Crosscheck.Linking;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// Discrepancies, grades and titles of one incident from made-up facts (no reading, no matching): a rising toll is
/// never a discrepancy, two outlets' conflicting dead of one day are, a party's denial or dispute makes the incident
/// contested, a critic named in a report does not confirm it, and titles name type, actor, target, place, day and dead.
/// </summary>
public sealed class IncidentSummaryTests
{
    private static readonly ParticipantFacts UsForces = new("US forces", "k:geo:6252001", "US");
    private static readonly PlaceFacts Caribbean = new("the Caribbean Sea", "Caribbean Sea", null, "sea", 15, -75);

    private static EventFacts Strike(string document, string id, decimal? killed = null, string killedText = "", Modality modality = Modality.Asserted,
        string? speaker = null, string? speakerKey = null, string? speakerCountry = null, ImmutableArray<ParticipantFacts>? actors = null, DateOnly? day = null) => new()
    {
        Id = id,
        Document = document,
        Type = PloverType.Assault,
        Modality = modality,
        Actors = actors ?? [UsForces],
        Recipients = [new ParticipantFacts("a boat", null, null)],
        Location = Caribbean,
        Time = day is { } d ? new TimeFacts("on Tuesday", d, d, "day") : null,
        Fatalities = killed is { } k ? new RangeFacts(k, k, killedText.Length > 0 ? killedText : $"{k} people") : null,
        AttributionKind = speaker is null ? AttributionKind.Unattributed : AttributionKind.Named,
        Speaker = speaker,
        SpeakerKey = speakerKey,
        SpeakerCountry = speakerCountry,
        Trigger = "strike",
        Segment = "lede",
        Start = 0,
        End = 40,
        Evidence = "US forces carried out a strike on a boat.",
    };

    private static DocumentFacts Doc(string id, string outlet, DateOnly published, ImmutableArray<EventFacts> events,
        ImmutableArray<DisputeFacts>? disputes = null, ImmutableArray<PersonTitles>? people = null) => new()
    {
        Id = id,
        Outlet = outlet,
        Published = published,
        Events = events,
        Disputes = disputes ?? [],
        People = people ?? [],
    };

    private static (Incident Incident, ImmutableArray<Discrepancy> Discrepancies) Summarize(params DocumentFacts[] docs)
    {
        var events = docs.SelectMany(d => d.Events).ToList();
        var rank = docs.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return IncidentSummarizer.Summarize("i-test", "s-test", null, events, [], docs.ToDictionary(d => d.Id), rank);
    }

    private static readonly DateOnly Tuesday = new(2025, 9, 2);

    [Fact]
    public void The_figure_is_the_highest_exact_count_of_the_latest_day_not_the_last_report_of_it()
    {
        // Two outlets the next day: one gives the whole toll, the later-ranked one counts a part of the dead.
        var early = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 6, day: Tuesday)]);
        var whole = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1), [Strike("d-2", "v-2", 10, day: Tuesday)]);
        var part = Doc("d-3", "Coastline Wire", Tuesday.AddDays(1), [Strike("d-3", "v-3", 9, "nine children", day: Tuesday)]);
        Summarize(early, whole, part).Incident.Fatalities!.Best.ShouldBe(10);
        // A later day's count still stands for the incident, even when lower.
        var corrected = Doc("d-4", "Gulf Gazette", Tuesday.AddDays(2), [Strike("d-4", "v-4", 8, day: Tuesday)]);
        Summarize(early, whole, part, corrected).Incident.Fatalities!.Best.ShouldBe(8);
    }

    [Fact]
    public void A_later_report_that_repeats_a_passed_count_is_stale_and_does_not_lower_the_figure()
    {
        // A rising toll over three days: three, then eight and eleven, then one outlet still prints the first three.
        var first = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday)]);
        var risen = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1), [Strike("d-2", "v-2", 8, "has risen to eight", day: Tuesday)]);
        var final = Doc("d-3", "Coastline Wire", Tuesday.AddDays(1), [Strike("d-3", "v-3", 11, day: Tuesday)]);
        var stale = Doc("d-4", "Gulf Gazette", Tuesday.AddDays(2), [Strike("d-4", "v-4", 3, day: Tuesday)]);
        var fatalities = Summarize(first, risen, final, stale).Incident.Fatalities!;
        fatalities.Best.ShouldBe(11);
        fatalities.Min.ShouldBe(3);
        fatalities.Max.ShouldBe(11);
        fatalities.Rule.ShouldContain("a later report repeating an earlier, passed count left out");
        // A figure no earlier report gave is the count's correction and stands, though lower.
        var corrected = Doc("d-5", "Gulf Gazette", Tuesday.AddDays(2), [Strike("d-5", "v-5", 10, day: Tuesday)]);
        Summarize(first, risen, final, corrected).Incident.Fatalities!.Best.ShouldBe(10);
    }

    [Fact]
    public void One_sides_claim_is_not_the_figure_when_a_report_gives_another_count_but_stays_in_the_span()
    {
        var count = Doc("d-1", "Harbor Ledger", Tuesday.AddDays(1),
        [
            Strike("d-1", "v-1", 7, "seven residents", day: Tuesday),
            Strike("d-1", "v-2", 30, "30 soldiers", speaker: "the defence ministry", day: Tuesday) with { Verb = "claimed" },
        ]);
        var fatalities = Summarize(count).Incident.Fatalities!;
        fatalities.Best.ShouldBe(7);
        fatalities.Max.ShouldBe(30);
        fatalities.BySource.Select(v => v.Min).ShouldBe([7m, 30m]);
        fatalities.Rule.ShouldContain("one side's claims left out");
        Summarize(count).Incident.Title.ShouldEndWith(": 7 killed");
        // The claim alone is still the figure the reports give.
        var claimOnly = Doc("d-2", "Tidewater Dispatch", Tuesday,
            [Strike("d-2", "v-3", 30, "30 soldiers", speaker: "the defence ministry", day: Tuesday) with { Verb = "claims" }]);
        Summarize(claimOnly).Incident.Fatalities!.Best.ShouldBe(30);
    }

    [Fact]
    public void A_count_the_attacker_gives_of_its_own_attack_is_a_claim_whatever_its_reporting_verb()
    {
        // "The Ridge Front took responsibility for the raid, saying its fighters had killed 52 guards": the actor speaks.
        var front = new ParticipantFacts("The Ridge Front, a rebel group", "k:actor:ridge-front", null);
        var local = Doc("d-1", "Harbor Ledger", Tuesday.AddDays(1), [Strike("d-1", "v-1", 9, "nine guards", day: Tuesday)]);
        var byKey = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(2), [Strike("d-2", "v-2", 52, "52 guards", speaker: "Ridge Front",
            speakerKey: "k:actor:ridge-front", actors: [front], day: Tuesday) with { Verb = "saying" }]);
        Summarize(local, byKey).Incident.Fatalities!.Best.ShouldBe(9);
        // No entity for the speaker: the words of one name say it is the actor.
        var byName = Doc("d-3", "Coastline Wire", Tuesday.AddDays(2), [Strike("d-3", "v-3", 52, "52 guards", speaker: "Ridge Front",
            actors: [front with { EntityKey = null }], day: Tuesday) with { Verb = "said" }]);
        Summarize(local, byName).Incident.Fatalities!.Best.ShouldBe(9);
        // Another speaker's later count stands.
        var medics = Doc("d-4", "Gulf Gazette", Tuesday.AddDays(2), [Strike("d-4", "v-4", 12, "12 guards", speaker: "medics",
            actors: [front], day: Tuesday) with { Verb = "said" }]);
        Summarize(local, medics).Incident.Fatalities!.Best.ShouldBe(12);
    }

    [Fact]
    public void At_least_a_number_of_the_latest_day_raises_the_count_and_a_lower_one_later_does_not_lower_it()
    {
        var four = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 4, day: Tuesday)]);
        var atLeastFive = Doc("d-2", "Tidewater Dispatch", Tuesday,
            [Strike("d-2", "v-2", day: Tuesday) with { Fatalities = new RangeFacts(5, null, "at least five people") }]);
        Summarize(four, atLeastFive).Incident.Fatalities!.Best.ShouldBe(5);
        // A report the next day that says "at least one" was killed tells less than the count, not that it fell.
        var atLeastOne = Doc("d-3", "Coastline Wire", Tuesday.AddDays(1),
            [Strike("d-3", "v-3", day: Tuesday) with { Fatalities = new RangeFacts(1, null, "at least one person") }]);
        Summarize(four, atLeastFive, atLeastOne).Incident.Fatalities!.Best.ShouldBe(5);
        Summarize(four, atLeastOne).Incident.Fatalities!.Best.ShouldBe(4);
        // An "at least" of a day before the latest exact count is behind it.
        var sevenNextDay = Doc("d-4", "Gulf Gazette", Tuesday.AddDays(1), [Strike("d-4", "v-4", 7, day: Tuesday)]);
        var atLeastNine = Doc("d-5", "Gulf Gazette", Tuesday,
            [Strike("d-5", "v-5", day: Tuesday) with { Fatalities = new RangeFacts(9, null, "at least nine people") }]);
        Summarize(atLeastNine, sevenNextDay).Incident.Fatalities!.Best.ShouldBe(7);
    }

    [Fact]
    public void Reports_giving_only_at_least_counts_make_the_latest_one_the_count_not_the_middle_of_them()
    {
        var atLeastFour = Doc("d-1", "Harbor Ledger", Tuesday,
            [Strike("d-1", "v-1", day: Tuesday) with { Fatalities = new RangeFacts(4, null, "at least four people") }]);
        var atLeastFourteen = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1),
            [Strike("d-2", "v-2", day: Tuesday) with { Fatalities = new RangeFacts(14, null, "at least 14 people") }]);
        var fatalities = Summarize(atLeastFour, atLeastFourteen).Incident.Fatalities!;
        fatalities.Best.ShouldBe(14);
        fatalities.Rule.ShouldContain("the highest count of the latest report day");
    }

    [Fact]
    public void An_unconfirmed_death_a_later_day_does_not_raise_the_count()
    {
        var one = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 1, "one soldier", day: Tuesday)]);
        var maybeTwo = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1),
            [Strike("d-2", "v-2", 2, "two soldiers may have been killed", modality: Modality.Considered, day: Tuesday)]);
        var fatalities = Summarize(one, maybeTwo).Incident.Fatalities!;
        fatalities.Best.ShouldBe(1);
        fatalities.Max.ShouldBe(2);
        fatalities.Rule.ShouldContain("unconfirmed counts, vague ones and ranges left out");
    }

    [Fact]
    public void A_reports_exact_count_stands_though_the_same_report_gives_a_vague_larger_one()
    {
        var three = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday)]);
        var dozensAndSeven = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1),
        [
            Strike("d-2", "v-2", day: Tuesday) with { Fatalities = new RangeFacts(24, 119, "dozens of people") },
            Strike("d-2", "v-3", 7, day: Tuesday),
        ]);
        Summarize(three, dozensAndSeven).Incident.Fatalities!.Best.ShouldBe(7);
    }

    [Fact]
    public void Reports_giving_only_ranges_get_the_middle_of_the_span_and_the_rule_says_so()
    {
        var range = Doc("d-1", "Harbor Ledger", Tuesday,
            [Strike("d-1", "v-1", day: Tuesday) with { Fatalities = new RangeFacts(15, 20, "15 to 20 people") }]);
        var fatalities = Summarize(range).Incident.Fatalities!;
        fatalities.Best.ShouldBe(17);
        fatalities.Rule.ShouldBe("no report gives one count: the middle of the span");
    }

    [Fact]
    public void An_attack_whose_reports_count_only_the_wounded_killed_none_and_one_without_counts_is_unknown()
    {
        var wounded = Strike("d-1", "v-1", day: Tuesday) with { Injured = new RangeFacts(4, 4, "wounding four people") };
        var (incident, discrepancies) = Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [wounded]), Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", day: Tuesday)]));
        incident.Fatalities!.Best.ShouldBe(0);
        incident.Fatalities.BySource.ShouldBeEmpty();
        discrepancies.ShouldBeEmpty();
        Summarize(Doc("d-3", "Coastline Wire", Tuesday, [Strike("d-3", "v-3", day: Tuesday)])).Incident.Fatalities.ShouldBeNull();
    }

    [Fact]
    public void An_attack_whose_reports_say_no_one_was_hurt_killed_none()
    {
        // "Rockets fell near the hospital; no injuries were reported": none hurt, so none killed.
        var unhurt = Strike("d-1", "v-1", day: Tuesday) with { Injured = new RangeFacts(0, 0, "no injuries") };
        var incident = Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [unhurt])).Incident;
        incident.Fatalities!.Best.ShouldBe(0);
        incident.Fatalities.Rule.ShouldContain("no one hurt");
    }

    [Fact]
    public void A_later_report_with_a_higher_count_is_no_discrepancy()
    {
        var early = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday)]);
        var later = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1), [Strike("d-2", "v-2", 11, day: Tuesday)]);
        Summarize(early, later).Discrepancies.ShouldBeEmpty();
    }

    [Fact]
    public void A_count_whose_words_say_it_rose_is_no_discrepancy_even_the_same_day()
    {
        var early = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday)]);
        var rose = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", 11, "the death toll rose to 11", day: Tuesday)]);
        var sofar = Doc("d-3", "Coastline Wire", Tuesday, [Strike("d-3", "v-3", 9, "9 people so far", day: Tuesday)]);
        Summarize(early, rose, sofar).Discrepancies.ShouldBeEmpty();
    }

    [Fact]
    public void One_sides_counts_of_one_day_are_a_rising_toll_not_a_discrepancy()
    {
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, speaker: "the army", speakerCountry: "XA", day: Tuesday)]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", 11, speaker: "the army", speakerCountry: "XA", day: Tuesday)]);
        Summarize(a, b).Discrepancies.ShouldBeEmpty();
    }

    [Fact]
    public void Two_outlets_giving_two_sides_conflicting_dead_the_same_day_are_flagged()
    {
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, speaker: "the army", speakerCountry: "XA", day: Tuesday)]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", 11, speaker: "the rebels' spokesman", speakerCountry: "XB", day: Tuesday)]);
        var (incident, discrepancies) = Summarize(a, b);
        var d = discrepancies.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiscrepancyKind.Fatalities);
        d.Values.Select(v => v.Value).ShouldBe(["3", "11"]);
    }

    [Fact]
    public void Reports_dating_one_strike_on_two_days_are_flagged()
    {
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(3), [Strike("d-2", "v-2", day: Tuesday.AddDays(2))]);
        Summarize(a, b).Discrepancies.ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.Date);
    }

    [Fact]
    public void A_day_taken_from_the_publication_is_no_date_discrepancy()
    {
        // The second report gives the strike no day: the record assumed its publication day, which no report says.
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)]);
        var undated = Strike("d-2", "v-2") with { Time = new TimeFacts("", Tuesday.AddDays(3), Tuesday.AddDays(3), "day", TimeBases.Publication) };
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(3), [undated]);
        Summarize(a, b).Discrepancies.ShouldNotContain(d => d.Kind == DiscrepancyKind.Date);
        // The same second report with the day in its words is flagged (the check above is not vacuous).
        var dated = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(3), [Strike("d-2", "v-2", day: Tuesday.AddDays(3))]);
        Summarize(a, dated).Discrepancies.ShouldContain(d => d.Kind == DiscrepancyKind.Date);
    }

    [Fact]
    public void Reports_a_day_apart_are_no_date_discrepancy()
    {
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday.AddDays(1), [Strike("d-2", "v-2", day: Tuesday.AddDays(1))]);
        Summarize(a, b).Discrepancies.ShouldBeEmpty();
    }

    [Fact]
    public void A_claim_against_a_denial_makes_the_incident_contested()
    {
        var claim = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)]);
        var denial = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", modality: Modality.Denied, speaker: "the defense ministry", day: Tuesday)]);
        var (incident, discrepancies) = Summarize(claim, denial);
        discrepancies.ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.Modality);
        incident.Grade.ShouldBe(Grade.Contested);
        incident.GradeReason.ShouldContain("the defense ministry");
    }

    [Fact]
    public void A_denial_of_harm_is_a_dispute_of_the_victims_not_a_denial_of_the_event()
    {
        // "The navy denied that civilians were killed and said its guns hit a rebel depot": the party confirms its strike and
        // disputes who was hit; the "killed" it denies is no report that the strike did not happen.
        const string words = "The navy denied that civilians were killed and said its guns hit a rebel depot.";
        var claim = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 6, day: Tuesday)]);
        var harm = Strike("d-2", "v-2", day: Tuesday) with { Modality = Modality.Denied, Start = 10, End = 40 };
        var dispute = new DisputeFacts("victims", "denied that civilians were killed", "The navy", null, "v-3", 0, words.Length, words);
        var denial = Doc("d-2", "Tidewater Dispatch", Tuesday, [harm, Strike("d-2", "v-3", day: Tuesday) with { Start = 45, End = 80 }], [dispute]);
        var (incident, discrepancies) = Summarize(claim, denial);
        discrepancies.ShouldNotContain(d => d.Kind == DiscrepancyKind.Modality);
        discrepancies.ShouldContain(d => d.Kind == DiscrepancyKind.Dispute);
        incident.Grade.ShouldBe(Grade.Contested);
    }

    [Fact]
    public void A_partys_dispute_of_the_facts_makes_the_incident_contested_with_its_words_and_speaker()
    {
        const string words = "The island's government said the dead were fishermen.";
        var dispute = new DisputeFacts("victims", "were fishermen", "The island's government", "XX", "v-1", 100, 100 + words.Length, words);
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 11, day: Tuesday)], [dispute]);
        var (incident, discrepancies) = Summarize(report);
        var d = discrepancies.ShouldHaveSingleItem();
        d.Kind.ShouldBe(DiscrepancyKind.Dispute);
        d.Values[^1].Value.ShouldBe("The island's government");
        d.Values[^1].Text.ShouldBe(words);
        incident.Grade.ShouldBe(Grade.Contested);
        incident.GradeReason.ShouldContain("fishermen");
    }

    [Fact]
    public void One_blame_said_twice_in_an_article_is_one_discrepancy()
    {
        // A heading and its paragraph, or a wire paragraph repeated: the same two sides blaming each other for the same clash.
        const string heading = "Each Side Blames the Other";
        const string paragraph = "Each side has blamed the other for the skirmish at the salt flats.";
        var first = new DisputeFacts("blame", "Blames the Other", "Bolivia and Paraguay", null, "v-1", 100, 100 + heading.Length, heading);
        var second = new DisputeFacts("blame", "blamed the other", "Bolivia and Paraguay", null, "v-1", 200, 200 + paragraph.Length, paragraph);
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 2, day: Tuesday)], [first, second]);
        var (_, discrepancies) = Summarize(report);
        discrepancies.ShouldHaveSingleItem().Kind.ShouldBe(DiscrepancyKind.Dispute);
    }

    [Fact]
    public void A_dispute_about_another_event_of_the_article_leaves_the_incident_alone()
    {
        var dispute = new DisputeFacts("denial", "denied", "The ministry", null, "v-other", 100, 120, "The ministry denied it.");
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)], [dispute]);
        var (incident, discrepancies) = Summarize(report);
        discrepancies.ShouldBeEmpty();
        incident.Grade.ShouldBe(Grade.Weak);
    }

    [Fact]
    public void A_critic_named_in_a_report_does_not_confirm_it()
    {
        // A foreign president speaking of the strike, and a misread making her an actor of it: neither is the acting side.
        var critic = new ParticipantFacts("President Ana Ruiz", "k:person:ana-ruiz", "MX");
        var report = Doc("d-1", "Harbor Ledger", Tuesday,
            [Strike("d-1", "v-1", 4, speaker: "Ana Ruiz", speakerKey: "k:person:ana-ruiz", speakerCountry: "MX", day: Tuesday),
             Strike("d-1", "v-2", speaker: "Ana Ruiz", speakerKey: "k:person:ana-ruiz", speakerCountry: "MX", actors: [critic], day: Tuesday)],
            people: [new PersonTitles("k:person:ana-ruiz", "Ana Ruiz", ["President"], 0, 8)]);
        Summarize(report).Incident.Grade.ShouldBe(Grade.Weak);

        // A lawmaker of the acting side's own country is a critic too.
        var senator = Doc("d-2", "Tidewater Dispatch", Tuesday,
            [Strike("d-2", "v-3", speaker: "Senator Tom Hale", speakerKey: "k:person:tom-hale", speakerCountry: "US", day: Tuesday)],
            people: [new PersonTitles("k:person:tom-hale", "Tom Hale", ["Senator"], 0, 8)]);
        Summarize(senator).Incident.Grade.ShouldBe(Grade.Weak);
    }

    [Fact]
    public void A_speaker_read_as_the_actor_only_in_their_own_words_does_not_confirm_it()
    {
        var mayor = new ParticipantFacts("Mayor Ivan Petrenko", "k:person:ivan-petrenko", "XA");
        var own = Strike("d-1", "v-1", speaker: "Ivan Petrenko", speakerKey: "k:person:ivan-petrenko", speakerCountry: "XA", actors: [mayor], day: Tuesday);
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [own])).Incident.Grade.ShouldBe(Grade.Weak);

        // Named as the actor by another report too, the same words are the acting party's acknowledgement.
        var other = Strike("d-2", "v-2", actors: [mayor], day: Tuesday);
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [own]), Doc("d-2", "Tidewater Dispatch", Tuesday, [other])).Incident.GradeReason
            .ShouldBe("Ivan Petrenko, the acting party, acknowledges it");
    }

    [Fact]
    public void The_acting_sides_minister_confirms_it_and_the_reason_says_who()
    {
        var report = Doc("d-1", "Harbor Ledger", Tuesday,
            [Strike("d-1", "v-1", 11, speaker: "Pete Hegseth", speakerKey: "k:person:pete-hegseth", speakerCountry: "US", day: Tuesday)],
            people: [new PersonTitles("k:person:pete-hegseth", "Pete Hegseth", ["Secretary of War"], 0, 8)]);
        var incident = Summarize(report).Incident;
        incident.Grade.ShouldBe(Grade.Confirmed);
        incident.GradeReason.ShouldBe("Pete Hegseth (Secretary of War), speaking for the acting side (US), acknowledges it");
    }

    [Fact]
    public void An_attack_its_actor_claims_is_confirmed_by_the_claim()
    {
        var group = new ParticipantFacts("A separatist faction", "o:separatist faction", null);
        var told = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, actors: [group], day: Tuesday)]);
        Summarize(told).Incident.Grade.ShouldBe(Grade.Weak);
        var claimed = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, actors: [group with { Claimed = true }], day: Tuesday)]);
        var incident = Summarize(claimed).Incident;
        incident.Grade.ShouldBe(Grade.Confirmed);
        incident.GradeReason.ShouldBe("A separatist faction, the acting party, claimed it");
    }

    [Fact]
    public void An_actor_opening_with_an_indefinite_article_reads_lower_case_after_by()
    {
        // "An Estavian gunboat fired on the boat": an actor with no country behind it keeps its words, the article lower case.
        var gunboat = new ParticipantFacts("An Estavian gunboat", "org:estavian gunboat", null);
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, actors: [gunboat], day: Tuesday)]);
        Summarize(report).Incident.Title.ShouldStartWith("Strike by an Estavian gunboat on a boat");
    }

    [Fact]
    public void A_sides_weapon_as_the_subject_names_the_side_in_the_title()
    {
        // "A US missile hit the boat": the weapon's words name its side, not an actor "by A US missile".
        var missile = new ParticipantFacts("A US missile", "norp:american", "US");
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, actors: [missile], day: Tuesday)]);
        Summarize(report).Incident.Title.ShouldBe("US strike on a boat in the Caribbean Sea, 2 Sep 2025: 3 killed");
        // A word that is no weapon keeps the actor's own words.
        var crew = new ParticipantFacts("A US crew", "norp:american", "US");
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, actors: [crew], day: Tuesday)])).Incident.Title.ShouldContain("by A US crew");
    }

    [Fact]
    public void A_side_named_by_its_countrys_words_alone_is_that_country()
    {
        // "US forces" read as an organization of its own, with no country: its words still name the US.
        var forces = new ParticipantFacts("US forces", "o:us forces", null);
        var report = Doc("d-1", "Harbor Ledger", Tuesday,
            [Strike("d-1", "v-1", 3, speaker: "Pete Hegseth", speakerKey: "k:person:pete-hegseth", speakerCountry: "US", actors: [forces], day: Tuesday)],
            people: [new PersonTitles("k:person:pete-hegseth", "Pete Hegseth", ["Secretary of War"], 0, 8)]);
        var incident = Summarize(report).Incident;
        incident.Grade.ShouldBe(Grade.Confirmed);
        incident.Title.ShouldBe("US strike on a boat in the Caribbean Sea, 2 Sep 2025: 3 killed");
    }

    [Fact]
    public void Fair_and_weak_say_how_many_sources()
    {
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", day: Tuesday)]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", day: Tuesday)]);
        Summarize(a, b).Incident.GradeReason.ShouldStartWith("reported by 2 independent sources (Harbor Ledger, Tidewater Dispatch)");
        Summarize(a).Incident.GradeReason.ShouldBe("reported by one source (Harbor Ledger) only");
    }

    [Fact]
    public void A_division_one_report_names_within_the_country_others_name_is_the_incidents_place()
    {
        var country = new PlaceFacts("Chad", "Chad", "TD", "country", 12.1, 15.0);
        var division = new PlaceFacts("the Lac province", "Lac", "TD", "admin1", null, null);
        var elsewhere = new PlaceFacts("Borno state", "Borno", "NG", "admin1", null, null);
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday) with { Location = country }]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", 3, day: Tuesday) with { Location = country }]);
        var c = Doc("d-3", "Coastline Wire", Tuesday, [Strike("d-3", "v-3", 3, day: Tuesday) with { Location = division }]);
        Summarize(a, b, c).Incident.Location!.Name.ShouldBe("Lac");
        Summarize(a, b).Incident.Location!.Name.ShouldBe("Chad");
        // A division of another country says nothing of where in this one.
        var d = Doc("d-4", "Gulf Gazette", Tuesday, [Strike("d-4", "v-4", 3, day: Tuesday) with { Location = elsewhere }]);
        Summarize(a, b, d).Incident.Location!.Name.ShouldBe("Chad");
    }

    [Fact]
    public void A_sea_one_report_names_within_the_ocean_others_name_is_the_incidents_place()
    {
        var ocean = new PlaceFacts("the Pacific", "Pacific Ocean", null, "sea", 0, -160);
        var east = new PlaceFacts("the eastern Pacific", "Eastern Pacific", null, "sea", 10, -100);
        var a = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 3, day: Tuesday) with { Location = ocean }]);
        var b = Doc("d-2", "Tidewater Dispatch", Tuesday, [Strike("d-2", "v-2", 3, day: Tuesday) with { Location = ocean }]);
        var c = Doc("d-3", "Coastline Wire", Tuesday, [Strike("d-3", "v-3", 3, day: Tuesday) with { Location = east }]);
        Summarize(a, b, c).Incident.Location!.Name.ShouldBe("Eastern Pacific");
        Summarize(a, b).Incident.Location!.Name.ShouldBe("Pacific Ocean");
        // A sea beside the most named one is no narrower: the most named stands.
        var caribbean = Doc("d-4", "Gulf Gazette", Tuesday, [Strike("d-4", "v-4", 3, day: Tuesday)]);
        Summarize(a, b, caribbean).Incident.Location!.Name.ShouldBe("Pacific Ocean");
    }

    [Fact]
    public void A_town_hit_in_an_incident_at_a_town_is_named_as_its_place_not_again_as_its_target()
    {
        var town = new PlaceFacts("Valtorre", "Valtorre", "IT", "city", 45.1, 9.2);
        var region = new PlaceFacts("Lombardy", "Lombardy", "IT", "admin1", 45.6, 9.8);
        var ev = Strike("d-1", "v-1", 2, day: Tuesday) with { Location = town, Recipients = [new ParticipantFacts("the border town", null, null)] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike in Valtorre, 2 Sep 2025: 2 killed");
        // At a province the village hit says more than the place.
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev with { Location = region }])).Incident.Title.ShouldBe("US strike on a border town in Lombardy, 2 Sep 2025: 2 killed");
    }

    [Fact]
    public void A_title_of_one_attack_drops_the_words_that_place_its_target_in_the_report()
    {
        foreach (var (said, title) in new[] { ("the second boat", "a boat"), ("the other vessel", "a vessel"), ("the speedboat", "a speedboat") })
        {
            var ev = Strike("d-1", "v-1", 3, day: Tuesday) with { Recipients = [new ParticipantFacts(said, null, null)] };
            Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe($"US strike on {title} in the Caribbean Sea, 2 Sep 2025: 3 killed");
        }
    }

    [Fact]
    public void A_title_names_no_target_a_pronoun_or_a_bare_quantity_stands_for()
    {
        foreach (var vague in new[] { "its troops", "dozens", "their return", "each other" })
        {
            var ev = Strike("d-1", "v-1", 11, day: Tuesday) with { Recipients = [new ParticipantFacts(vague, null, null)] };
            Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike in the Caribbean Sea, 2 Sep 2025: 11 killed");
        }
        // The dead are no target: "killed three people in a strike".
        var victims = Strike("d-1", "v-1", 3, day: Tuesday, killedText: "killed three people") with { Recipients = [new ParticipantFacts("three people", null, null)] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [victims])).Incident.Title.ShouldBe("US strike in the Caribbean Sea, 2 Sep 2025: 3 killed");
        var named = Strike("d-1", "v-1", 11, day: Tuesday) with { Recipients = [new ParticipantFacts("several fishing boats", null, null)] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [named])).Incident.Title.ShouldBe("US strike on several fishing boats in the Caribbean Sea, 2 Sep 2025: 11 killed");
    }

    [Fact]
    public void The_title_names_actor_target_place_day_and_dead()
    {
        var report = Doc("d-1", "Harbor Ledger", Tuesday, [Strike("d-1", "v-1", 11, day: Tuesday)]);
        Summarize(report).Incident.Title.ShouldBe("US strike on a boat in the Caribbean Sea, 2 Sep 2025: 11 killed");
        // Only a floor from every source ("killing at least 11 people") is no exact count.
        var floor = Strike("d-1", "v-1", 11, day: Tuesday) with { Fatalities = new RangeFacts(11, null, "at least 11 people") };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [floor])).Incident.Title.ShouldBe("US strike on a boat in the Caribbean Sea, 2 Sep 2025: at least 11 killed");
    }

    [Fact]
    public void The_title_never_makes_a_place_the_actor_and_leaves_out_what_is_unknown()
    {
        var waters = new ParticipantFacts("American waters", "k:norp:american", "US");
        var e = Strike("d-1", "v-1", actors: [waters]) with
        {
            Type = PloverType.Mobilize,
            Modality = Modality.Planned,
            Recipients = [],
            Location = new PlaceFacts("American waters", "American waters", "US", "region", null, null),
            Trigger = "deployment",
        };
        var title = Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [e])).Incident.Title;
        title.ShouldBe("Planned deployment in the American waters");
        title.ShouldNotContain("by American waters");
    }

    [Fact]
    public void A_province_named_like_its_capital_is_named_as_the_province()
    {
        var province = new PlaceFacts("Kyiv", "Kiev", "UA", "admin1", null, null);
        var city = new PlaceFacts("Kyiv", "Kiev", "UA", "city", 50.45, 30.52);
        var ev = Strike("d-1", "v-1", 2, day: Tuesday) with { Location = province };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike on a boat in the Kiev region, 2 Sep 2025: 2 killed");
        // The city itself is named as the report wrote it.
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev with { Location = city }])).Incident.Title.ShouldBe("US strike on a boat in Kyiv, 2 Sep 2025: 2 killed");
    }

    [Fact]
    public void A_town_is_named_as_the_report_wrote_it_not_as_the_gazetteer_spells_it()
    {
        var written = new PlaceFacts("Hodeidah", "Al Ḩudaydah", "YE", "city", 14.8, 42.95);
        var ev = Strike("d-1", "v-1", 2, day: Tuesday) with { Location = written };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike on a boat in Hodeidah, 2 Sep 2025: 2 killed");
        // Words that are no name ("the port city") leave the gazetteer's.
        var described = new PlaceFacts("the port city", "Al Ḩudaydah", "YE", "city", 14.8, 42.95);
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev with { Location = described }])).Incident.Title.ShouldBe("US strike on a boat in Al Ḩudaydah, 2 Sep 2025: 2 killed");
    }

    [Fact]
    public void A_country_or_a_sea_is_named_as_a_reporter_names_it()
    {
        var states = new PlaceFacts("the US", "United States", "US", "country", 38.9, -77.0);
        var offCoast = new PlaceFacts("off the coast of the country", "Venezuela", "VE", "sea", 15, -75);
        var ev = Strike("d-1", "v-1", 2, day: Tuesday) with { Location = states };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike on a boat in the United States, 2 Sep 2025: 2 killed");
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev with { Location = offCoast }])).Incident.Title.ShouldBe("US strike on a boat off Venezuela, 2 Sep 2025: 2 killed");
    }

    [Fact]
    public void A_claim_a_day_another_attack_or_a_place_again_is_no_target()
    {
        var town = new PlaceFacts("Valtorre", "Valtorre", "IT", "city", 45.1, 9.2);
        foreach (var vague in new[] { "only military sites", "yesterday", "the earlier attack", "the strikes", "the capital", "northern Valtorre", "two districts" })
        {
            var ev = Strike("d-1", "v-1", 2, day: Tuesday) with { Location = town, Recipients = [new ParticipantFacts(vague, null, null)] };
            Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike in Valtorre, 2 Sep 2025: 2 killed");
        }
    }

    [Fact]
    public void A_title_never_names_its_actor_again_as_its_target()
    {
        var speaker = new ParticipantFacts("Marta Ilves", "k:person:marta-ilves", null);
        var ev = Strike("d-1", "v-1", actors: [speaker]) with { Type = PloverType.Threaten, Trigger = "warned", Location = null, Recipients = [speaker] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("Threat by Marta Ilves");
    }

    [Fact]
    public void Words_said_are_titled_by_who_against_whom_and_a_town_they_were_said_in_never_the_sea_they_are_about()
    {
        var mexico = new ParticipantFacts("Mexico", "k:geo:3996063", "MX");
        var accusation = Strike("d-1", "v-1", day: Tuesday) with { Type = PloverType.Accuse, Trigger = "accused", Recipients = [mexico] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [accusation])).Incident.Title.ShouldBe("US accusation against Mexico, 2 Sep 2025");
        var town = new PlaceFacts("Valtorre", "Valtorre", "IT", "city", 45.1, 9.2);
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [accusation with { Location = town }])).Incident.Title.ShouldBe("US accusation against Mexico in Valtorre, 2 Sep 2025");
        // A notion or a deed is not whom words are said against ("accused of the killings").
        var deed = accusation with { Recipients = [new ParticipantFacts("the killings", null, null)] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [deed])).Incident.Title.ShouldBe("US accusation, 2 Sep 2025");
    }

    [Fact]
    public void A_weapon_fired_is_no_target()
    {
        var ev = Strike("d-1", "v-1", 3, day: Tuesday) with { Recipients = [new ParticipantFacts("two shells", null, null)] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [ev])).Incident.Title.ShouldBe("US strike in the Caribbean Sea, 2 Sep 2025: 3 killed");
    }

    [Fact]
    public void A_misread_day_is_no_actor()
    {
        var day = new ParticipantFacts("Earlier Monday, Ilves", "k:person:ilves", null);
        var said = Strike("d-1", "v-1", actors: [day]) with { Type = PloverType.Threaten, Trigger = "warned", Location = null, Recipients = [] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [said])).Incident.Title.ShouldBe("Threat");
    }

    [Fact]
    public void Only_an_attack_that_happened_is_titled_with_its_dead()
    {
        var planned = Strike("d-1", "v-1", 3, day: Tuesday, modality: Modality.Planned);
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [planned])).Incident.Title.ShouldBe("Planned US strike on a boat in the Caribbean Sea, 2 Sep 2025");
        var talks = Strike("d-1", "v-1", 3, day: Tuesday) with { Type = PloverType.Agree, Trigger = "agreed", Recipients = [] };
        Summarize(Doc("d-1", "Harbor Ledger", Tuesday, [talks])).Incident.Title.ShouldBe("US agreement in the Caribbean Sea, 2 Sep 2025");
    }
}
