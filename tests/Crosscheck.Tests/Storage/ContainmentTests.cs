using Crosscheck.Documents;
using Crosscheck.Storage;
using static Crosscheck.Tests.Storage.DocumentStoreTests;

namespace Crosscheck.Tests.Storage;

/// <summary>Copies cut at another length are found by containment; a brief quoting one line of a story is not a copy.</summary>
public sealed class ContainmentTests
{
    // A made-up wire story of twelve paragraphs, written for this test.
    internal static readonly string[] Story =
    [
        "River ferry sinks near the delta port",
        "PORT ALDER (AP) — A river ferry carrying about ninety passengers sank near the delta port of Port Alder on Thursday evening, and rescuers pulled sixty people from the water, the provincial disaster office said.",
        "The ferry had left the market town of Kessel shortly before dusk and was due at the port within the hour when it listed sharply in a strong current, survivors told reporters at the landing stage.",
        "Fishermen who saw the ferry go down said they took their own boats into the current and brought twenty people to the bank before the first rescue crews arrived from the harbor.",
        "The disaster office said at least eleven people had died and that divers would resume the search for the missing at first light, when the water level in the channel is expected to fall.",
        "A spokeswoman for the ferry company said the vessel had passed its last inspection in the spring and carried enough life jackets for every passenger on board.",
        "Relatives gathered through the night outside the district hospital, where doctors treated survivors for cold and for water in the lungs, a nurse on duty said.",
        "The provincial governor ordered all ferries on the lower river to stay in port until inspectors have checked their loading records and the state of their engines.",
        "River transport is the main link between the delta villages and the markets upstream, and accidents in the rainy season have been frequent in recent years.",
        "Last year a smaller boat capsized in the same channel during a storm, and the government promised new rules on passenger numbers that have not yet been published.",
        "Opposition lawmakers said the ministry of transport had ignored repeated warnings from pilots about the strength of the current at the mouth of the channel.",
        "The ministry said in a statement that it would open an inquiry and publish its findings within a month.",
    ];

    internal static string Join(IEnumerable<string> paragraphs) => string.Join("\n", paragraphs) + "\n";

    [Theory, OnSqlite, OnPostgres]
    public void A_copy_cut_to_its_first_half_is_a_near_duplicate_of_the_full_story(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var full = ShingleSketch.Compute(Join(Story));
        var cut = ShingleSketch.Compute(Join(Story.Take(6)));
        var jaccard = MinHashSignature.Compute(Join(Story)).Similarity(MinHashSignature.Compute(Join(Story.Take(6))));
        jaccard.ShouldBeLessThan(MinHashSignature.Threshold);
        ShingleSketch.Containment(cut, full).ShouldBeGreaterThan(0.9);
        ShingleSketch.Contained(cut, full).ShouldBeTrue();

        using var store = target.Open();
        var original = store.Add(Doc(Join(Story), "full.txt")).Document;
        var copy = store.Add(Doc(Join(Story.Take(6)), "cut.txt"));
        copy.Status.ShouldBe(StoreStatus.AddedNearDuplicate);
        copy.Document.DuplicateOf.ShouldBe(original.Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_brief_of_the_first_two_paragraphs_is_a_near_duplicate_of_the_full_story(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var brief = Join(Story.Take(3));
        var sketch = ShingleSketch.Compute(brief);
        sketch.Shingles.ShouldBeInRange(ShingleSketch.MinShingles, ShingleSketch.FullShingles - 1);
        ShingleSketch.Contained(sketch, ShingleSketch.Compute(Join(Story))).ShouldBeTrue();

        using var store = target.Open();
        var original = store.Add(Doc(Join(Story), "full.txt")).Document;
        var copy = store.Add(Doc(brief, "brief.txt"));
        copy.Status.ShouldBe(StoreStatus.AddedNearDuplicate);
        copy.Document.DuplicateOf.ShouldBe(original.Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_brief_with_the_sites_own_link_caption_and_copyright_lines_is_a_near_duplicate_of_the_full_story(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        // Guard: the site's lines are left out of the comparison, never out of the stored text.
        var brief = Join([.. Story.Take(3), "Also read: How the delta ferries are inspected", "(Photo: Delta Herald)",
            "Copyright Delta Herald. All rights reserved."]);
        using var store = target.Open();
        var original = store.Add(Doc(Join(Story), "full.txt")).Document;
        var copy = store.Add(Doc(brief, "brief.txt"));
        copy.Status.ShouldBe(StoreStatus.AddedNearDuplicate);
        copy.Document.DuplicateOf.ShouldBe(original.Id);
        copy.Document.Text.ShouldContain("Also read: How the delta ferries are inspected");
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_full_story_arriving_after_such_a_brief_becomes_its_original(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var brief = Join([.. Story.Take(3), "Read more: Ferries on the lower river", "Follow us on our channels for the latest news"]);
        using var store = target.Open();
        var first = store.Add(Doc(brief, "brief.txt")).Document;
        var second = store.Add(Doc(Join(Story), "full.txt"));
        (second.Status == StoreStatus.AddedNearDuplicate || store.Get(first.Id)!.DuplicateOf == second.Document.Id).ShouldBeTrue();
    }

    [Fact]
    public void A_short_text_needs_more_of_it_inside_the_longer_the_shorter_it_is()
    {
        ShingleSketch.Required(ShingleSketch.FullShingles).ShouldBe(ShingleSketch.ContainmentThreshold);
        ShingleSketch.Required(400).ShouldBe(ShingleSketch.ContainmentThreshold);
        ShingleSketch.Required(ShingleSketch.MinShingles).ShouldBe(ShingleSketch.ShortContainment);
        ShingleSketch.Required(ShingleSketch.FullShingles - 1).ShouldBe(ShingleSketch.ShortContainment);
        ShingleSketch.Contained(ShingleSketch.Compute(Join(Story.Take(2))), ShingleSketch.Compute(Join(Story))).ShouldBeFalse(); // one paragraph: a lede
    }

    [Fact]
    public void Two_briefs_sharing_a_sites_stock_opening_and_closing_lines_are_not_copies()
    {
        const string opening = "Here is what we know so far about the latest developments, as reported by agencies and local officials this morning.";
        const string closing = "This story will be updated as more information becomes available from the authorities on the ground.";
        var a = ShingleSketch.Compute(Join([opening, Story[2], closing]));
        var b = ShingleSketch.Compute(Join([opening, Story[9], closing]));
        Math.Min(a.Shingles, b.Shingles).ShouldBeInRange(ShingleSketch.MinShingles, ShingleSketch.FullShingles - 1);
        ShingleSketch.Containment(a, b).ShouldBeGreaterThan(ShingleSketch.ContainmentThreshold);
        ShingleSketch.Contained(a, b).ShouldBeFalse();
    }

    [Fact]
    public void Exact_containment_counts_every_shingle_of_a_short_text()
    {
        ShingleSketch.ExactContainment(Join(Story.Take(3)), Join(Story)).ShouldBe(1.0);
        // Two stock reports of one site differing in a town, a day and a number: most words alike, not a copy.
        static string Report(string town, string day, int n) =>
            $"Attack in {town}\nGunmen attacked a post in {town} on {day}, killing four guards, the governor said.\n" +
            $"Residents of {town} said the attackers came on motorcycles before dawn and burned two trucks.\nReport {n} was sent to the ministry.\n";
        var c = ShingleSketch.ExactContainment(Report("Arlon", "Sunday", 12), Report("Elgin", "Monday", 52));
        c.ShouldBeLessThan(ShingleSketch.ShortContainment);
        c.ShouldBeGreaterThan(0.3);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_copy_of_the_middle_with_a_new_lede_is_found_whichever_arrives_first(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var rewritten = Join(new[] { "Ferry disaster: eleven dead", "Eleven people died when a ferry sank on Thursday, officials said." }.Concat(Story.Skip(3).Take(6)));
        using var store = target.Open();
        var first = store.Add(Doc(rewritten, "middle.txt")).Document;
        var second = store.Add(Doc(Join(Story), "full.txt"));
        // One of the two points at the other: which is the original depends on link order (both undated: the id).
        (second.Status == StoreStatus.AddedNearDuplicate || store.Get(first.Id)!.DuplicateOf == second.Document.Id).ShouldBeTrue();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_brief_quoting_one_line_of_the_story_is_not_a_copy(Backend backend)
    {
        using var target = StoreTarget.Create(backend);
        var brief = Join(["Ferry sinks", "A ferry sank near Port Alder, an official said. " + Story[4]]);
        var sketch = ShingleSketch.Compute(brief);
        sketch.Shingles.ShouldBeLessThan(ShingleSketch.FullShingles);
        // Most of the brief is the quoted line, but a brief of this length must be inside the story almost whole.
        ShingleSketch.Containment(sketch, ShingleSketch.Compute(Join(Story))).ShouldBeLessThan(ShingleSketch.Required(sketch.Shingles));
        ShingleSketch.Contained(sketch, ShingleSketch.Compute(Join(Story))).ShouldBeFalse();

        using var store = target.Open();
        store.Add(Doc(Join(Story), "full.txt"));
        store.Add(Doc(brief, "brief.txt")).Status.ShouldBe(StoreStatus.Added);
    }

    [Fact]
    public void Another_article_on_the_same_event_sharing_two_sentences_is_not_a_copy()
    {
        var other = Join(new[]
        {
            "Survivors describe panic as ferry listed",
            "Passengers on the ferry that sank near Port Alder said the crew gave no warning before the vessel tipped, and many jumped into the river with their children.",
            "A teacher travelling home from the market said she held on to a floating crate for almost an hour before a fisherman reached her in the dark.",
            "Another survivor said the lower deck had been crowded with sacks of rice and crates of chickens, leaving little room to move when the water came in.",
            "Local officials declined to say how many passengers the ferry was licensed to carry, saying the inquiry would examine its records.",
            "Volunteers from nearby villages cooked meals for the families waiting at the landing stage, where lists of survivors were pinned to a board.",
        }.Concat(Story.Skip(4).Take(2)));
        var a = ShingleSketch.Compute(other);
        var b = ShingleSketch.Compute(Join(Story));
        ShingleSketch.Containment(a, b).ShouldBeLessThan(ShingleSketch.ContainmentThreshold);
        ShingleSketch.Contained(a, b).ShouldBeFalse();
    }

    [Fact]
    public void The_sketch_is_the_same_for_the_same_text_and_survives_storage()
    {
        var a = ShingleSketch.Compute(Join(Story));
        var b = ShingleSketch.Compute(Join(Story));
        a.Samples.ShouldBe(b.Samples);
        a.Shingles.ShouldBe(b.Shingles);
        var (signature, sketch) = MinHashSignature.ComputeBoth(Join(Story));
        signature.Values.ShouldBe(MinHashSignature.Compute(Join(Story)).Values);
        var packed = NearDuplicateIndex.Pack(signature, sketch);
        NearDuplicateIndex.Unpack(packed).Values.ShouldBe(signature.Values);
        var back = NearDuplicateIndex.UnpackSketch(packed)!;
        back.Samples.ShouldBe(sketch.Samples);
        back.Shingles.ShouldBe(sketch.Shingles);
        // A row written before samples were kept has the signature only.
        NearDuplicateIndex.UnpackSketch(NearDuplicateIndex.Pack(signature)).ShouldBeNull();
    }

    [Fact]
    public void A_boilerplate_anchor_shared_by_many_texts_finds_nothing()
    {
        var index = new NearDuplicateIndex();
        var sketch = ShingleSketch.Compute(Join(Story));
        var signature = MinHashSignature.Compute(Join(Story));
        for (var seq = 1; seq <= NearDuplicateIndex.MaxAnchorPostings + 2; seq++) index.Add(seq, signature, sketch);
        index.ContainmentCandidates(sketch).ShouldBeEmpty();
        var fresh = new NearDuplicateIndex();
        fresh.Add(1, signature, sketch);
        fresh.ContainmentCandidates(sketch).ShouldBe([1L]);
    }
}
