using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

public sealed class PipelineTests
{
    private sealed class Fake(string name, Annotations requires, Annotations sets) : IPipelineComponent
    {
        public string Name => name;
        public Annotations Requires => requires;
        public Annotations Sets => sets;
        public List<string> Seen { get; } = [];
        public void Process(AnnotatedText text) => Seen.Add(text.Text);
    }

    [Fact]
    public void A_component_whose_requirement_no_earlier_step_sets_is_refused_when_built()
    {
        var builder = new LanguagePipelineBuilder().Add(new CoreferenceResolver()).Add(new SentenceSplitter());
        var ex = Should.Throw<PipelineException>(() => builder.Build());
        ex.Message.ShouldContain("'coref' needs");
        ex.Message.ShouldContain("Sentences");
    }

    [Fact]
    public void Two_components_with_one_name_are_refused()
    {
        var builder = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new SentenceSplitter());
        Should.Throw<PipelineException>(() => builder.Build()).Message.ShouldContain("'sentences'");
    }

    [Fact]
    public void Insert_before_puts_a_component_in_front_of_the_named_kind()
    {
        var fake = new Fake("probe", Annotations.Tokens, Annotations.None);
        var pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new NumberRecognizer())
            .InsertBefore<NumberRecognizer>(fake).Build();
        pipeline.Components.Select(c => c.Name).ShouldBe(["sentences", "probe", "numbers"]);
        pipeline.Process("Two boats sank.");
        fake.Seen.ShouldBe(["Two boats sank."]);
    }

    [Fact]
    public void The_built_pipeline_is_not_changed_by_later_builder_calls()
    {
        var builder = new LanguagePipelineBuilder().Add(new SentenceSplitter());
        var pipeline = builder.Build();
        builder.Add(new NumberRecognizer());
        pipeline.Components.Length.ShouldBe(1);
        pipeline.Provides.ShouldBe(Annotations.Tokens | Annotations.Sentences);
    }

    [Fact]
    public void The_standard_pipeline_reads_names_titles_places_numbers_and_times_in_ordinary_news()
    {
        const string text = "Colombian President Gustavo Petro said on Tuesday that at least 12 soldiers were killed near Cali. " +
                            "Petro blamed the ELN. He spoke to Reuters.";
        var a = StandardPipeline.Default.Process(text, new DateOnly(2025, 10, 16));

        var petro = a.Entities.First(e => e.Type == EntityType.Person);
        petro.Span.Text.ShouldBe("Colombian President Gustavo Petro");
        petro.Name.Text.ShouldBe("Gustavo Petro");
        petro.Title.ShouldBe("President of Colombia");
        a.Entities.ShouldContain(e => e.Name.Text == "Cali" && e.Type == EntityType.Gpe && e.Known!.Country == "CO");
        a.Entities.ShouldContain(e => e.Name.Text == "Reuters" && e.Type == EntityType.Outlet);

        var chain = a.Coreference.Single(c => c.Name == "Gustavo Petro");
        chain.Mentions.Select(m => m.Text).ShouldBe(["Colombian President Gustavo Petro", "Petro", "He"]);

        var soldiers = a.Numbers.ShouldHaveSingleItem();
        (soldiers.Min, soldiers.Max).ShouldBe((12m, (decimal?)null));
        soldiers.Unit.ShouldBe("soldiers");

        var tuesday = a.Times.ShouldHaveSingleItem();
        tuesday.Start.ShouldBe(new DateOnly(2025, 10, 14));
        tuesday.Precision.ShouldBe(TimePrecision.Day);

        a[0].Pos.ShouldBe("JJ");
        a.Tokens.Single(t => t.Text == "killed").Pos.ShouldBe("VBN");
    }

    [Fact]
    public void A_bare_office_title_refers_to_the_person_last_given_it()
    {
        const string text = "Mexican President Claudia Sheinbaum met Colombian President Gustavo Petro. " +
                            "The two spoke for an hour. Later, Sheinbaum's spokesman said the president of Mexico would travel.";
        var a = StandardPipeline.Default.Process(text);
        var chain = a.Coreference.Single(c => c.Name == "Claudia Sheinbaum");
        chain.Mentions.Select(m => m.Text).ShouldContain("president of Mexico");
        a.Coreference.Single(c => c.Name == "Gustavo Petro").Mentions.Select(m => m.Text).ShouldNotContain("president of Mexico");
    }

    [Fact]
    public void A_messaging_platform_is_never_a_place()
    {
        const string text = "Drones struck a depot in Kherson overnight, the regional governor wrote on Telegram.";
        var a = StandardPipeline.Default.Process(text);
        a.Entities.ShouldContain(e => e.Name.Text == "Kherson" && e.Type == EntityType.Gpe);
        a.Entities.ShouldNotContain(e => e.Name.Text == "Telegram" && (e.Type == EntityType.Gpe || e.Type == EntityType.Loc));
    }

    [Fact]
    public void The_president_alone_refers_to_the_nearest_earlier_president()
    {
        const string text = "Venezuelan President Nicolás Maduro warned of missiles. The president spoke on state television.";
        var a = StandardPipeline.Default.Process(text);
        a.Coreference.Single(c => c.Name == "Nicolás Maduro").Mentions.Select(m => m.Text).ShouldBe(["Venezuelan President Nicolás Maduro", "president"]);
    }

    [Fact]
    public void The_mentions_starting_in_a_range_or_holding_a_token_are_those_a_walk_over_all_of_them_finds()
    {
        var a = StandardPipeline.Default.Process(
            "Russian drones hit Kharkiv and Odesa on Monday, killing 3 people and wounding 12. In Kyiv, 2 more died. "
            + "Officials in Dnipro said 40 homes and 7 schools were damaged, and 5 people were hurt in Sumy.", new DateOnly(2025, 10, 16));
        a.Numbers.Length.ShouldBeGreaterThan(4);
        a.Entities.Length.ShouldBeGreaterThan(4);
        for (var from = -1; from <= a.Count + 1; from++)
        {
            for (var to = from - 1; to <= a.Count + 2; to++)
            {
                a.NumbersStartingIn(from, to).ToArray().ShouldBe(a.Numbers.Where(n => n.Span.StartToken >= from && n.Span.StartToken < to).ToArray());
                a.EntitiesStartingIn(from, to).ToArray().ShouldBe(a.Entities.Where(e => e.Span.StartToken >= from && e.Span.StartToken < to).ToArray());
            }
        }
        foreach (var sentence in a.Sentences)
            a.EntitiesStartingIn(sentence).ToArray().ShouldBe(a.Entities.Where(e => sentence.Contains(e.Span.StartToken)).ToArray());
        for (var token = -1; token <= a.Count; token++)
            a.EntityAt(token).ShouldBe(a.Entities.FirstOrDefault(e => e.Span.Contains(token)));
    }
}
