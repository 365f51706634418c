using Crosscheck.Language;

namespace Crosscheck.Tests.Language;

public sealed class CoreferenceTests
{
    private static AnnotatedText With(string text, params (string Mention, string Name, EntityType Type, string? Title)[] mentions) =>
        MentionFixture.With(text, mentions);

    private static string[] ChainTexts(AnnotatedText a, string name) =>
        a.Coreference.Single(c => c.Name == name).Mentions.Select(m => m.Text).ToArray();

    [Fact]
    public void A_later_surname_joins_the_full_name_and_keeps_the_title()
    {
        var a = With("Secretary of War Pete Hegseth announced the strike. Hegseth said three people died.",
            ("Secretary of War Pete Hegseth", "Pete Hegseth", EntityType.Person, "Secretary of War"),
            ("Hegseth", "Hegseth", EntityType.Person, null));
        a.Coreference.Length.ShouldBe(1);
        var chain = a.Coreference[0];
        chain.Name.ShouldBe("Pete Hegseth");
        chain.Titles.ShouldBe(["Secretary of War"]);
        chain.Mentions.Select(m => m.Text).ShouldBe(["Secretary of War Pete Hegseth", "Hegseth"]);
    }

    [Fact]
    public void A_surname_before_the_full_name_still_joins_it()
    {
        var a = With("Ortega spoke first. Later, Defense Minister Ana Ortega left.",
            ("Ortega", "Ortega", EntityType.Person, null),
            ("Defense Minister Ana Ortega", "Ana Ortega", EntityType.Person, "Defense Minister"));
        a.Coreference.Length.ShouldBe(1);
        a.Coreference[0].Name.ShouldBe("Ana Ortega");
    }

    [Fact]
    public void She_refers_to_the_woman_named_just_before()
    {
        var a = With("Mexico’s president Claudia Sheinbaum said her country would accept help. “We reject any interference,” she said.",
            ("Mexico’s president Claudia Sheinbaum", "Claudia Sheinbaum", EntityType.Person, "President of Mexico"));
        ChainTexts(a, "Claudia Sheinbaum").ShouldBe(["Mexico’s president Claudia Sheinbaum", "her", "she"]);
    }

    [Fact]
    public void He_refers_to_the_nearest_earlier_person_and_not_to_someone_named_after_it()
    {
        var a = With("Trump met reporters. He said Maduro was warned. Maduro said he was ready.",
            ("Trump", "Trump", EntityType.Person, null),
            ("Maduro", "Maduro", EntityType.Person, null),
            ("Maduro", "Maduro", EntityType.Person, null));
        ChainTexts(a, "Trump").ShouldBe(["Trump", "He"]);
        ChainTexts(a, "Maduro").ShouldBe(["Maduro", "Maduro", "he"]);
    }

    [Fact]
    public void A_pronoun_far_from_any_person_stays_unresolved()
    {
        var a = With("Gomez resigned. The port closed. Ships waited. Fuel ran low. Then he returned.",
            ("Gomez", "Gomez", EntityType.Person, null));
        ChainTexts(a, "Gomez").ShouldBe(["Gomez"]);
    }

    [Fact]
    public void A_pronoun_skips_a_person_of_the_other_gender()
    {
        var a = With("Ms. Lopez met Mr. Reyes. She said the talks failed.",
            ("Ms. Lopez", "Lopez", EntityType.Person, null),
            ("Mr. Reyes", "Reyes", EntityType.Person, null));
        ChainTexts(a, "Lopez").ShouldBe(["Ms. Lopez", "She"]);
        ChainTexts(a, "Reyes").ShouldBe(["Mr. Reyes"]);
    }

    [Fact]
    public void An_acronym_in_brackets_names_the_same_organization()
    {
        var a = With("The Department of Homeland Security (DHS) gave no comment. DHS later released a note.",
            ("Department of Homeland Security", "Department of Homeland Security", EntityType.Org, null),
            ("DHS", "DHS", EntityType.Org, null),
            ("DHS", "DHS", EntityType.Org, null));
        a.Coreference.Length.ShouldBe(1);
        a.Coreference[0].Mentions.Length.ShouldBe(3);
    }

    [Fact]
    public void Places_and_nationalities_make_no_chains()
    {
        var a = With("Venezuelan officials met in Caracas.",
            ("Venezuelan", "Venezuelan", EntityType.Norp, null),
            ("Caracas", "Caracas", EntityType.Gpe, null));
        a.Coreference.ShouldBeEmpty();
    }
}
