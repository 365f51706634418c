using Crosscheck.Language;
using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Tests.Language;

/// <summary>The shipped gazetteers matched over tokenized sentences.</summary>
public sealed class GazetteerMatcherTests
{
    private static readonly LanguagePipeline Pipeline =
        new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new GazetteerTagger()).Build();

    private static (AnnotatedText Text, List<(string Span, GazetteerMatch Match)> Matches) Run(string text)
    {
        var analyzed = Pipeline.Process(text);
        return (analyzed, analyzed.GazetteerMatches.Select(m => (analyzed.Span(m.StartToken, m.EndToken).Text, m)).ToList());
    }

    private static GazetteerMatch Single(string text, string span, GazetteerMatchKind kind = GazetteerMatchKind.Entity)
    {
        var found = Run(text).Matches.Where(m => m.Span == span && m.Match.Kind == kind).ToList();
        found.Count.ShouldBe(1, $"'{span}' as {kind} in: {text}");
        return found[0].Match;
    }

    private static List<string> Spans(string text) => Run(text).Matches.Select(m => m.Span).ToList();

    [Theory]
    [InlineData("Troops were sent to Mexico.", "Mexico", "MX", 3996063)]
    [InlineData("Officials in Venezuela denied it.", "Venezuela", "VE", 3625428)]
    [InlineData("Two U.S. officials told the outlet.", "U.S.", "US", 6252001)]
    [InlineData("Drugs are smuggled into America.", "America", "US", 6252001)]
    [InlineData("The United States of America said so.", "United States of America", "US", 6252001)]
    [InlineData("Britain and France objected.", "Britain", "GB", 2635167)]
    [InlineData("The UK objected.", "UK", "GB", 2635167)]
    public void Countries_match_by_name_and_alias_with_their_code_and_geonameid(string text, string span, string iso, int geonameId)
    {
        var m = Single(text, span);
        m.Entry!.Type.ShouldBe(EntityType.Gpe);
        m.Entry.Place.ShouldBe(PlaceKind.Country);
        m.Country.ShouldBe(iso);
        m.Entry.Entity.GeonameId.ShouldBe(geonameId);
        m.Entry.Entity.Key.ShouldBe($"geo:{geonameId}");
    }

    [Fact]
    public void A_country_carries_the_coordinates_of_its_capital()
    {
        var mexico = Gazetteer.Default.Country("MX")!;
        mexico.Name.ShouldBe("Mexico");
        mexico.Capital.ShouldBe("Mexico City");
        mexico.Entity.Latitude!.Value.ShouldBe(19.43, 0.01);
        mexico.Entity.Longitude!.Value.ShouldBe(-99.13, 0.01);
    }

    [Theory]
    [InlineData("Mexican police arrived.", "Mexican", "MX")]
    [InlineData("Venezuelan officials denied it.", "Venezuelan", "VE")]
    [InlineData("the Salvadoran gang MS-13", "Salvadoran", "SV")]
    [InlineData("It threatens American citizens.", "American", "US")]
    [InlineData("It threatens Americans.", "Americans", "US")]
    public void Demonyms_are_NORP_with_their_country(string text, string span, string iso)
    {
        var m = Single(text, span);
        m.Entry!.Type.ShouldBe(EntityType.Norp);
        m.Country.ShouldBe(iso);
    }

    [Fact]
    public void A_city_matches_with_its_country_and_division()
    {
        var m = Single("Gunmen attacked a bar in Culiacán on Sunday.", "Culiacán");
        m.Entry!.Place.ShouldBe(PlaceKind.City);
        m.Country.ShouldBe("MX");
        m.Entry.Entity.GeonameId.ShouldBe(4012176);
        m.Entry.Admin1.ShouldBe("MX.25");
        Gazetteer.Default.Entries.Single(e => e.Place == PlaceKind.Admin1 && e.Admin1 == "MX.25").Name.ShouldBe("Sinaloa");
    }

    [Theory]
    [InlineData("Bandits raided a village in northern Zamfara on Sunday.", "Zamfara", "NG.57")]
    [InlineData("Zamfara's governor condemned the raid.", "Zamfara", "NG.57")]
    [InlineData("The army sent troops across north-east Borno.", "Borno", "NG.27")]
    [InlineData("Gunmen raided Kalgo, Zamfara, on Sunday.", "Zamfara", "NG.57")]
    [InlineData("Insurgents attacked a village in Cabo Delgado on Friday.", "Cabo Delgado", "MZ.01")]
    public void A_division_named_without_its_kind_matches_in_a_places_context(string text, string span, string admin1)
    {
        // GeoNames names these "Zamfara State", "Borno State", "Cabo Delgado Province".
        var m = Single(text, span);
        m.Entry!.Place.ShouldBe(PlaceKind.Admin1);
        m.Entry.Admin1.ShouldBe(admin1);
    }

    [Theory]
    [InlineData("Dr Chin said the clinic was full.", "Chin")]
    [InlineData("Kano was calm on Monday.", "Kano")]
    public void A_divisions_short_name_needs_a_places_context_and_gives_way_to_a_city(string text, string span)
    {
        // "Chin State" is no match for a person's name; "Kano State" gives way to the city of Kano.
        var found = Run(text).Matches.Where(m => m.Span == span).ToList();
        found.ShouldNotContain(m => m.Match.Entry != null && m.Match.Entry.Place == PlaceKind.Admin1);
    }

    [Theory]
    [InlineData("Gunmen raided the market in Boni, a village in central Mali, on Monday.", "Boni")]
    [InlineData("Gunmen raided the market in Boni on Monday, residents said.", "Boni")]
    [InlineData("Jets bombed the market in Kan Thit village in Sagaing Region on Tuesday.", "Kan")]
    public void A_small_city_s_other_spelling_is_no_place_without_another_place_of_its_country(string text, string span)
    {
        // "Boni" and "Kan" are GeoNames alternate names of Bonn and Caen; a village the lists lack shares the spelling.
        Spans(text).ShouldNotContain(span);
    }

    [Theory]
    [InlineData("A bomb went off in Boni, a city on the Rhine in western Germany, on Monday.", "Boni", "DE")]
    [InlineData("A bomb went off in Bonn on Monday, police said.", "Bonn", "DE")]
    public void A_small_city_s_own_name_or_its_other_spelling_beside_its_country_still_matches(string text, string span, string iso)
    {
        Single(text, span).Country.ShouldBe(iso);
    }

    [Fact]
    public void A_city_written_without_accents_still_matches()
    {
        Single("Gunmen attacked a bar in Culiacan.", "Culiacan").Entry!.Entity.GeonameId.ShouldBe(4012176);
    }

    [Theory]
    [InlineData("Artillery shelled Nikopol on Tuesday evening.", "Nikopol", 700051)]
    [InlineData("A drone hit a depot near Kremenets overnight.", "Kremenets", 704143)]
    [InlineData("Power was cut in Uman after the attack.", "Uman", 690688)]
    public void A_city_written_without_the_apostrophes_of_its_transliteration_still_matches(string text, string span, int geonameId)
    {
        // GeoNames writes a soft sign as an apostrophe ("Nikopol'"), which English news leaves out.
        var m = Single(text, span);
        m.Entry!.Place.ShouldBe(PlaceKind.City);
        m.Entry.Entity.GeonameId.ShouldBe(geonameId);
    }

    [Theory]
    [InlineData("Russian glide bombs struck Kostiantynivka again on Monday.", "Kostiantynivka", 705104)]
    [InlineData("Evacuation buses left Kupiansk before dawn.", "Kupiansk", 703656)]
    [InlineData("A port warehouse in Izmail burned after the drone attack.", "Izmail", 707308)]
    [InlineData("Shelling damaged a school in Bilopillia overnight.", "Bilopillia", 712559)]
    [InlineData("The ferry from Bilhorod-Dnistrovskyi was cancelled.", "Bilhorod-Dnistrovskyi", 712160)]
    [InlineData("Two trains reached Druzhkivka despite the shelling.", "Druzhkivka", 616743)]
    [InlineData("Fighting went on around Bakhmut through the winter.", "Bakhmut", 713174)]
    [InlineData("Volunteers drove water to Pokrovsk on Friday.", "Pokrovsk", 704422)]
    [InlineData("A glide bomb hit a shop in Toretsk at noon.", "Toretsk", 709354)]
    public void A_Ukrainian_city_matches_in_the_national_romanization(string text, string span, int geonameId)
    {
        // GeoNames spells these "Kostyantynivka", "Kupjansk", "Izmayil", "Bilopillya"; the build romanizes their
        // Ukrainian Cyrillic names (KMU 2010), which English news now uses. Belgorod's alternate names hold
        // "Bilhorod-Dnistrovskyi". GeoNames has Druzhkivka only in Russian capitals, so places.txt gives it, as it gives the
        // names of towns renamed since the 2013 file (Bakhmut, Pokrovsk, Toretsk; Engels in Russia lists "Pokrovsk" as an old name).
        var m = Single(text, span);
        m.Entry!.Place.ShouldBe(PlaceKind.City);
        m.Entry.Entity.GeonameId.ShouldBe(geonameId);
    }

    [Fact]
    public void A_given_name_that_is_a_small_city_without_its_apostrophe_is_no_place()
    {
        Spans("Usman said the talks would resume.").ShouldNotContain("Usman");
    }

    [Fact]
    public void A_first_level_division_matches_as_a_place_in_its_country()
    {
        var m = Single("Violence in Sinaloa has risen.", "Sinaloa");
        m.Entry!.Place.ShouldBe(PlaceKind.Admin1);
        m.Country.ShouldBe("MX");
    }

    [Fact]
    public void A_sea_matches_as_a_location_with_sea_precision()
    {
        var m = Single("The raid took place in the Caribbean Sea late on Friday.", "Caribbean Sea");
        m.Entry!.Type.ShouldBe(EntityType.Loc);
        m.Precision.ShouldBe(PlaceKind.Sea);
        m.Country.ShouldBeNull();
        m.Entry.Entity.Latitude.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("boats in the Eastern Pacific Ocean", "Eastern Pacific Ocean", "place:eastern-pacific")]
    [InlineData("a boat in the eastern Pacific on Monday", "eastern Pacific", "place:eastern-pacific")]
    [InlineData("freighters in Caribbean waters", "Caribbean waters", "place:caribbean-sea")]
    [InlineData("boats stopped in international waters", "international waters", "place:international-waters")]
    [InlineData("cartels in the Western Hemisphere", "Western Hemisphere", "place:western-hemisphere")]
    [InlineData("shipping in the Strait of Hormuz", "Strait of Hormuz", "place:strait-of-hormuz")]
    public void Seas_and_regions_match_by_name_and_alias(string text, string span, string key)
    {
        Single(text, span).Entry!.Key.ShouldBe(key);
    }

    [Fact]
    public void Off_the_coast_of_a_country_is_a_place_at_sea_near_it()
    {
        var m = Single("The world's largest warship was sent off the coast of Venezuela.", "off the coast of Venezuela", GazetteerMatchKind.Maritime);
        m.Precision.ShouldBe(PlaceKind.Sea);
        m.Relation.ShouldBe(MaritimeRelation.OffCoast);
        m.Country.ShouldBe("VE");
        m.Entry!.Place.ShouldBe(PlaceKind.Country);
        // The country is still a mention of its own.
        Single("The world's largest warship was sent off the coast of Venezuela.", "Venezuela").Country.ShouldBe("VE");
    }

    [Theory]
    [InlineData("a tanker off Yemen’s coast", "off Yemen’s coast", "YE", MaritimeRelation.OffCoast)]
    [InlineData("a warship off the Venezuelan coast", "off the Venezuelan coast", "VE", MaritimeRelation.OffCoast)]
    [InlineData("boats in Mexico's territorial waters", "Mexico's territorial waters", "MX", MaritimeRelation.TerritorialWaters)]
    [InlineData("boats in Venezuelan waters", "Venezuelan waters", "VE", MaritimeRelation.TerritorialWaters)]
    public void Coasts_and_waters_of_a_country_are_maritime_places(string text, string span, string iso, MaritimeRelation relation)
    {
        var m = Single(text, span, GazetteerMatchKind.Maritime);
        m.Country.ShouldBe(iso);
        m.Relation.ShouldBe(relation);
    }

    [Theory]
    [InlineData("troops from Joint Special Operations Command", "Joint Special Operations Command", "actor:jsoc", EntityType.Org)]
    [InlineData("JSOC would lead the mission", "JSOC", "actor:jsoc", EntityType.Org)]
    [InlineData("a cell of Tren de Aragua (TdA)", "TdA", "actor:tren-de-aragua", EntityType.Group)]
    [InlineData("a cell of Tren de Aragua (TdA)", "Tren de Aragua", "actor:tren-de-aragua", EntityType.Group)]
    [InlineData("the Salvadoran gang MS-13", "MS-13", "actor:ms-13", EntityType.Group)]
    [InlineData("treated exactly like Al-Qaeda", "Al-Qaeda", "actor:al-qaeda", EntityType.Group)]
    [InlineData("the Houthis fired a missile", "Houthis", "actor:houthis", EntityType.Group)]
    [InlineData("officials told the AP on Monday", "AP", "actor:associated-press", EntityType.Outlet)]
    [InlineData("two officials told NBC", "NBC", "actor:nbc-news", EntityType.Outlet)]
    [InlineData("two officials told NBC News", "NBC News", "actor:nbc-news", EntityType.Outlet)]
    [InlineData("a report in the New York Times", "New York Times", "actor:nyt", EntityType.Outlet)]
    [InlineData("The Pentagon referred questions", "Pentagon", "actor:us-department-of-defense", EntityType.Org)]
    [InlineData("a statement from the Department of War", "Department of War", "actor:us-department-of-defense", EntityType.Org)]
    [InlineData("the UN human rights office said", "UN human rights office", "actor:ohchr", EntityType.Org)]
    public void Agencies_groups_and_outlets_match_by_alias(string text, string span, string key, EntityType type)
    {
        var m = Single(text, span);
        m.Entry!.Key.ShouldBe(key);
        m.Entry.Type.ShouldBe(type);
    }

    [Fact]
    public void The_renamed_US_defense_department_is_one_entity_with_both_names()
    {
        var dod = Gazetteer.Default.Find("actor:us-department-of-defense")!;
        dod.Entity.Country.ShouldBe("US");
        (new[] { dod.Name }.Concat(dod.Entity.Aliases)).ShouldContain("Department of Defense");
        dod.Entity.Aliases.ShouldContain("Department of War");
    }

    [Fact]
    public void A_person_matches_with_canonical_name_and_titles()
    {
        var m = Single("Secretary of War Pete Hegseth announced the strike.", "Pete Hegseth");
        m.Entry!.Type.ShouldBe(EntityType.Person);
        m.Entry.Entity.Titles.ShouldBe(["Secretary of Defense", "Secretary of War"]);
        Single("Hegseth said three people died.", "Hegseth").Entry!.Key.ShouldBe("person:pete-hegseth");
    }

    [Fact]
    public void A_person_name_with_accents_matches_without_them()
    {
        Single("UN rights chief Volker Turk spoke.", "Volker Turk").Entry!.Key.ShouldBe("person:volker-turk");
    }

    [Theory]
    [InlineData("Secretary of War Pete Hegseth announced it.", "Secretary of War", "Secretary of War", "US")]
    [InlineData("Secretary of Defense Pete Hegseth shared videos.", "Secretary of Defense", "Secretary of Defense", "US")]
    [InlineData("Defense Secretary Pete Hegseth shared videos.", "Defense Secretary", "Secretary of Defense", "US")]
    [InlineData("Mexico’s president Claudia Sheinbaum said so.", "Mexico’s president", "President of Mexico", "MX")]
    [InlineData("Mexican President Claudia Sheinbaum said so.", "Mexican President", "President of Mexico", "MX")]
    [InlineData("Venezuelan President Nicolás Maduro warned.", "Venezuelan President", "President of Venezuela", "VE")]
    [InlineData("US President Donald Trump said.", "US President", "President of the United States", "US")]
    [InlineData("the President of Mexico said.", "President of Mexico", "President of Mexico", "MX")]
    [InlineData("Russia's top diplomat said.", "Russia's top diplomat", "Foreign Minister of Russia", "RU")]
    public void Titles_match_in_canonical_form_with_their_country(string text, string span, string canonical, string iso)
    {
        var m = Single(text, span, GazetteerMatchKind.Title);
        m.CanonicalTitle.ShouldBe(canonical);
        m.Country.ShouldBe(iso);
        m.Title!.SingleHolder.ShouldBeTrue();
    }

    [Fact]
    public void A_bare_title_has_no_country()
    {
        var m = Single("The president has stoked tension.", "president", GazetteerMatchKind.Title);
        m.CanonicalTitle.ShouldBe("President");
        m.Country.ShouldBeNull();
        m.Title!.IsNational.ShouldBeTrue();
    }

    [Fact]
    public void The_UN_rights_chief_is_the_High_Commissioner_for_Human_Rights()
    {
        var m = Single("The United Nations rights chief made a plea.", "United Nations rights chief", GazetteerMatchKind.Title);
        m.CanonicalTitle.ShouldBe("UN High Commissioner for Human Rights");
        m.Title!.Organization.ShouldBe("actor:ohchr");
        Single("A plea came from Volker Türk on Friday.", "Volker Türk").Entry!.Key.ShouldBe("person:volker-turk");
    }

    [Fact]
    public void The_longest_name_wins()
    {
        var spans = Spans("Troops would serve with Joint Special Operations Command units.");
        spans.ShouldContain("Joint Special Operations Command");
        spans.ShouldNotContain("Command");
        Spans("a deployment to Mexico City").ShouldBe(["Mexico City"]);
        Spans("shipping in the Gulf of Aden").ShouldBe(["Gulf of Aden"]);
    }

    [Fact]
    public void A_name_that_needs_its_article_yields_to_a_longer_name_after_the_article()
    {
        Spans("It sank in the Caribbean Sea.").ShouldBe(["Caribbean Sea"]);
    }

    [Fact]
    public void An_outlet_matches_with_or_without_its_article_and_a_lowercase_article_stays_out()
    {
        Spans("a report in the Washington Post").ShouldBe(["Washington Post"]);
        Spans("The Washington Post reported it.").ShouldBe(["The Washington Post"]);
        Single("first reported by the Sun on Monday", "Sun").Entry!.Key.ShouldBe("actor:the-sun");
        Spans("The sun rose over Sun Valley.").ShouldNotContain("Sun");
    }

    [Theory]
    [InlineData("Most people agree.")]
    [InlineData("Of the 64 people killed, most were crew.")]
    [InlineData("Mobile phones were seized.")]
    [InlineData("Nice work, officials said.")]
    [InlineData("The sun rose over the mail room.")]
    [InlineData("WHO IS IN CHARGE OF THE STRIKES?")]
    [InlineData("Tell us what happened to the mexican flag.")]
    [InlineData("Jordan Peterson commented.")]
    [InlineData("On March 3, four civilians were killed.")]
    public void Common_words_and_names_that_are_also_places_do_not_match(string text)
    {
        Spans(text).ShouldBeEmpty();
    }

    [Fact]
    public void A_country_named_like_a_person_still_matches_in_a_title_case_headline()
    {
        Spans("Israel Strikes Gaza Again").ShouldBe(["Israel", "Gaza"]);
    }

    [Fact]
    public void An_acronym_that_is_a_word_matches_outside_a_shouted_headline()
    {
        Single("The WHO said the outbreak was contained.", "WHO").Entry!.Key.ShouldBe("actor:who");
    }

    [Fact]
    public void A_name_in_an_all_caps_headline_matches()
    {
        Single("TENSION WITH MEXICO GROWS", "MEXICO").Country.ShouldBe("MX");
        Single("PRESIDENT Donald Trump is preparing", "PRESIDENT", GazetteerMatchKind.Title).CanonicalTitle.ShouldBe("President");
    }

    [Fact]
    public void Ties_prefer_countries_over_cities_and_keep_the_others_as_alternatives()
    {
        var m = Single("Troops were sent to Mexico.", "Mexico");
        m.Entry!.Place.ShouldBe(PlaceKind.Country);
        m.Alternatives.ShouldAllBe(a => a.Place != PlaceKind.Country);
        m.Alternatives.ShouldContain(a => a.Place == PlaceKind.Admin1 && a.Country == "MX");
    }

    [Fact]
    public void A_city_alternate_name_never_takes_a_curated_name_or_a_division()
    {
        Single("Hamas fired rockets.", "Hamas").Alternatives.ShouldBeEmpty();
        Single("Violence in Sinaloa has risen.", "Sinaloa").Alternatives.ShouldNotContain(a => a.Place == PlaceKind.City);
    }

    [Fact]
    public void A_city_comes_before_a_division_of_the_same_name()
    {
        var m = Single("WASHINGTON — Officials said on Monday.", "WASHINGTON");
        m.Entry!.Place.ShouldBe(PlaceKind.City);
        m.Entry.Entity.GeonameId.ShouldBe(4140963);
        m.Alternatives.ShouldContain(a => a.Place == PlaceKind.Admin1 && a.Name == "Washington");
    }

    [Fact]
    public void An_armed_wing_named_by_its_parent_group_matches_as_a_group()
    {
        Single("Hamas’ armed wing claimed the attack.", "Hamas’ armed wing").Entry!.Key.ShouldBe("actor:qassam-brigades");
    }

    [Fact]
    public void Hints_mark_the_tokens_of_each_match_for_the_recognizer()
    {
        var (text, _) = Run("Secretary of War Pete Hegseth spoke in Mexico City.");
        var hints = GazetteerHint.From(text);
        hints.Select(h => h.Feature).ShouldBe(["TITLE", "TITLE", "TITLE", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "I-GPE", "O"]);
    }

    [Fact]
    public void The_tagger_runs_after_sentences_and_sets_nothing_the_builder_tracks()
    {
        var tagger = new GazetteerTagger();
        tagger.Requires.ShouldBe(Annotations.Tokens | Annotations.Sentences);
        tagger.Sets.ShouldBe(Annotations.Gazetteer);
        Should.Throw<PipelineException>(() => new LanguagePipelineBuilder().Add(tagger).Build());
    }

    [Theory]
    // Title-case lines: capitals prove nothing, so a small one-word city needs a place word or a ", Country" after it.
    [InlineData("Drug Raid Suspects Freed After Court Ruling", "Drug")]
    [InlineData("Police Chief Says Drug Gangs Are Growing", "Drug")]
    public void A_small_city_named_like_a_common_word_is_no_place_in_a_title_case_line(string text, string word) =>
        Spans(text).ShouldNotContain(word);

    [Theory]
    [InlineData("Police Raid Homes In Durg After Clashes", "Durg")]
    [InlineData("Police raided homes in Durg on Monday.", "Durg")]
    [InlineData("Floods Hit Durg, India As Rivers Rise", "Durg")]
    public void The_same_city_with_a_place_word_or_in_running_text_is_a_place(string text, string word) =>
        Spans(text).ShouldContain(word);

    [Theory]
    [InlineData("According to Tolo News, fighting broke out on the frontier.", "Tolo")]
    [InlineData("Kabul Times reported the clash.", "Kabul")]
    [InlineData("Rockets struck a village in Buri Ram province on Monday.", "Buri")]
    public void A_place_word_inside_an_outlet_or_a_longer_division_name_is_no_place(string text, string word) =>
        Spans(text).ShouldNotContain(word);

    [Theory]
    [InlineData("Tolo reported the clash in France.", "Tolo")]
    [InlineData("Rockets struck Kabul on Monday.", "Kabul")]
    [InlineData("Rockets struck a village in Surin province on Monday.", "Surin")]
    public void The_same_place_without_the_longer_name_still_matches(string text, string word) =>
        Spans(text).ShouldContain(word);

    [Theory]
    [InlineData("The navy struck a boat off Mexico's Pacific coast.", "off Mexico's Pacific coast")]
    [InlineData("The navy struck a boat off the Pacific coast of Mexico.", "off the Pacific coast of Mexico")]
    public void A_coast_named_by_its_sea_is_a_place_at_sea_off_the_country(string text, string span)
    {
        var m = Single(text, span, GazetteerMatchKind.Maritime);
        m.Country.ShouldBe("MX");
    }
}
