using System.Collections.Immutable;
using Crosscheck.Language;
using Crosscheck.Linking;
using Crosscheck.Tests.Language;

namespace Crosscheck.Tests.Linking;

public sealed class EntityIndexTests
{
    private static AnnotatedText With(string text, params (string Mention, string Name, EntityType Type, string? Title)[] mentions) =>
        MentionFixture.With(text, mentions);

    [Fact]
    public void One_person_named_in_two_articles_under_two_titles_is_one_entity_holding_both()
    {
        var index = new EntityIndex();
        index.Add("d-1", With("Secretary of Defense Pete Hegseth shared videos. Hegseth said more would come.",
            ("Secretary of Defense Pete Hegseth", "Pete Hegseth", EntityType.Person, "Secretary of Defense"),
            ("Hegseth", "Hegseth", EntityType.Person, null)));
        index.Add("d-2", With("Secretary of War Pete Hegseth announced a strike.",
            ("Secretary of War Pete Hegseth", "Pete Hegseth", EntityType.Person, "Secretary of War")));
        var entities = index.Build();
        entities.Length.ShouldBe(1);
        var e = entities[0];
        e.Name.ShouldBe("Pete Hegseth");
        e.Titles.ShouldBe(["Secretary of Defense", "Secretary of War"]);
        e.Aliases.ShouldBe(["Hegseth"]);
        e.Mentions.Select(m => (m.Document, m.Text)).ShouldBe([("d-1", "Secretary of Defense Pete Hegseth"), ("d-1", "Hegseth"), ("d-2", "Secretary of War Pete Hegseth")]);
        e.Id.ShouldMatch("^e-[0-9a-f]{16}$");
    }

    [Fact]
    public void A_surname_alone_in_another_article_joins_the_only_full_name_ending_in_it()
    {
        var index = new EntityIndex();
        index.Add("d-1", With("Donald Trump spoke.", ("Donald Trump", "Donald Trump", EntityType.Person, null)));
        index.Add("d-2", With("President Trump spoke.", ("President Trump", "Trump", EntityType.Person, "President")));
        var e = index.Build().ShouldHaveSingleItem();
        e.Name.ShouldBe("Donald Trump");
        e.Titles.ShouldBe(["President"]);
        e.Mentions.Select(m => m.Text).ShouldBe(["Donald Trump", "President Trump"]);
    }

    [Fact]
    public void A_surname_shared_by_two_full_names_stays_apart()
    {
        var index = new EntityIndex();
        index.Add("d-1", With("Maria Lopez and Juan Lopez spoke.",
            ("Maria Lopez", "Maria Lopez", EntityType.Person, null), ("Juan Lopez", "Juan Lopez", EntityType.Person, null)));
        index.Add("d-2", With("Lopez declined to comment.", ("Lopez", "Lopez", EntityType.Person, null)));
        index.Build().Select(e => e.Name).ShouldBe(["Maria Lopez", "Juan Lopez", "Lopez"]);
    }

    [Fact]
    public void Ids_depend_only_on_what_was_merged()
    {
        ImmutableArray<LinkedEntity> Run()
        {
            var index = new EntityIndex();
            index.Add("d-1", With("NATO met. Reuters reported it.", ("NATO", "NATO", EntityType.Org, null), ("Reuters", "Reuters", EntityType.Outlet, null)));
            return index.Build();
        }
        Run().Select(e => e.Id).ShouldBe(Run().Select(e => e.Id));
        Run().Select(e => e.Id).Distinct().Count().ShouldBe(2);
    }
}
