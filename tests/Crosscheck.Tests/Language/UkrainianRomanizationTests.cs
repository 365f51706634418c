using Crosscheck.Language.Gazetteers;

namespace Crosscheck.Tests.Language;

/// <summary>Ukraine's national romanization (KMU 2010) and the choice of a city's Ukrainian Cyrillic name.</summary>
public sealed class UkrainianRomanizationTests
{
    [Theory]
    // є ї й ю я: "ye yi y yu ya" at the start of a word, "ie i i iu ia" elsewhere.
    [InlineData("Єнакієве", "Yenakiieve")]
    [InlineData("Їжакевичі", "Yizhakevychi")]
    [InlineData("Йосипівка", "Yosypivka")]
    [InlineData("Юрківка", "Yurkivka")]
    [InlineData("Яблунівка", "Yablunivka")]
    [InlineData("Ізмаїл", "Izmail")]
    [InlineData("Гайове", "Haiove")]
    [InlineData("Костянтинівка", "Kostiantynivka")]
    [InlineData("Каюрівка", "Kaiurivka")]
    [InlineData("Білопілля", "Bilopillia")]
    // A word after a space or a hyphen starts again.
    [InlineData("Нова Ямпіль", "Nova Yampil")]
    [InlineData("Старо-Юр'єве", "Staro-Yurieve")]
    // "зг" is "zgh", so that it is not read as "zh"; г is "h", ґ is "g".
    [InlineData("Згурівка", "Zghurivka")]
    [InlineData("Розгон", "Rozghon")]
    [InlineData("Ґорґани", "Gorgany")]
    // The soft sign and the apostrophe are left out.
    [InlineData("Знам'янка", "Znamianka")]
    [InlineData("Верхньодніпровськ", "Verkhnodniprovsk")]
    [InlineData("Запоріжжя", "Zaporizhzhia")]
    [InlineData("Щорсівка", "Shchorsivka")]
    [InlineData("Херсон", "Kherson")]
    [InlineData("Миколаїв", "Mykolaiv")]
    [InlineData("Цюрупинськ", "Tsiurupynsk")]
    public void Ukrainian_names_take_the_KMU_2010_spelling(string cyrillic, string latin)
    {
        UkrainianRomanization.Romanize(cyrillic).ShouldBe(latin);
    }

    [Theory]
    [InlineData("Чёрный")]
    [InlineData("Мыс")]
    [InlineData("Kyiv")]
    [InlineData("Київ 2")]
    public void A_name_with_letters_outside_the_Ukrainian_alphabet_is_not_romanized(string name)
    {
        UkrainianRomanization.Romanize(name).ShouldBeNull();
    }

    [Fact]
    public void The_name_with_Ukrainian_letters_is_preferred_to_the_Russian_one()
    {
        UkrainianRomanization.UkrainianForms(["Kostiantynivka", "КОНСТАНТИНОВКА", "Константиновка", "Костянтинівка"])
            .ShouldBe(["Костянтинівка"]);
        // A word starting with и, or ы э ъ ё ў, is not Ukrainian, even beside a Ukrainian letter.
        UkrainianRomanization.UkrainianForms(["Измаил", "Измаїл", "Ізмаїл"]).ShouldBe(["Ізмаїл"]);
        UkrainianRomanization.UkrainianForms(["Бєлгородъ", "Білгород"]).ShouldBe(["Білгород"]);
    }

    [Fact]
    public void Without_a_Ukrainian_letter_a_name_with_no_Russian_mark_is_taken()
    {
        UkrainianRomanization.RomanizedNames(["Черкассы", "Черкаси"]).ShouldBe(["Cherkasy"]);
        UkrainianRomanization.RomanizedNames(["Купьянск"]).ShouldBe(["Kupiansk"]);
        // Russian endings "-ая", "-ое", "-ье" and capitals (GeoNames' Russian postal forms) are left out.
        UkrainianRomanization.RomanizedNames(["Попасная", "Степное", "Поднепровье", "ДРУЖКОВКА"]).ShouldBeEmpty();
    }

    [Fact]
    public void The_build_adds_only_spellings_the_row_does_not_already_give()
    {
        string[] row = ["1", "Kostyantynivka", "Kostyantynivka", "Kostyantynivka,Костянтинівка"];
        GeoNames.NewRomanizations(row, []).ShouldBe(["Kostiantynivka"]);
        string[] same = ["2", "Cherkasy", "Cherkasy", "Черкаси"];
        GeoNames.NewRomanizations(same, []).ShouldBeEmpty();
        string[] plain = ["3", "Nikopol’", "Nikopol'", "Нікополь"];
        GeoNames.NewRomanizations(plain, []).ShouldBeEmpty();
    }
}
