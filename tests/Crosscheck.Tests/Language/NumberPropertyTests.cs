using System.Globalization;
using System.Numerics;
using Crosscheck.Language;
using FsCheck;
using FsCheck.Fluent;

namespace Crosscheck.Tests.Language;

/// <summary>
/// Numbers of any size and shape: reading never throws, a number within 10^18 is read exactly, and a larger one
/// is no number at all (Quantities.MaxValue) rather than a wrapped or clamped figure.
/// </summary>
public sealed class NumberPropertyTests
{
    private static readonly LanguagePipeline Pipeline = new LanguagePipelineBuilder().Add(new SentenceSplitter()).Add(new NumberRecognizer()).Build();

    private static readonly BigInteger Bound = BigInteger.Pow(10, 18);

    /// <summary>Whole numbers from one digit to more than any number type holds, with or without thousands separators.</summary>
    private static readonly Gen<(BigInteger Value, string Text)> WholeNumber =
        from length in Gen.Frequency((3, Gen.Choose(1, 12)), (3, Gen.Choose(13, 24)), (1, Gen.Choose(25, 40)))
        from first in Gen.Choose(1, 9)
        from rest in Gen.ArrayOf(Gen.Choose(0, 9), length - 1)
        from grouped in Gen.Elements(false, true)
        let digits = first.ToString(CultureInfo.InvariantCulture) + string.Concat(rest)
        let value = BigInteger.Parse(digits, CultureInfo.InvariantCulture)
        select (value, grouped ? value.ToString("N0", CultureInfo.InvariantCulture) : digits);

    private static readonly string[] Vocabulary =
    [
        "one", "two", "three", "nine", "ten", "twelve", "nineteen", "twenty", "ninety", "twenty-five", "hundred", "thousand", "million",
        "billion", "trillion", "dozen", "and", "a", "an", "half", "several", "dozens", "of", "hundreds", "thousands", "millions", "billions",
        "tens", "scores", "a few", "a couple", "multiple", "more than", "about", "nearly", "up to", "at least", "between", "to", "or", "-",
        "$", "£", "%", "percent", "1", "12", "1.5", "2,500", "30k", "1.2bn", "5m", "3-5", "99999999999999999999999", "1e308",
        "79228162514264337593543950335", "79,228,162,514,264,337,593,543,950,335", "0.0000000000000000000000000001", "1000000000000000000",
    ];

    private static readonly Gen<string> NumberSoup =
        Gen.ListOf(Gen.Elements(Vocabulary)).Resize(14).Select(words => string.Join(" ", words));

    [Fact]
    public void A_whole_number_within_the_bound_is_read_exactly_and_a_larger_one_is_no_number()
    {
        PropertyCheck.ForAll(WholeNumber, n =>
        {
            var numbers = Pipeline.Process($"Officials counted {n.Text} people.").Numbers;
            if (n.Value > Bound)
            {
                numbers.ShouldBeEmpty(n.Text);
                return;
            }
            var number = numbers.ShouldHaveSingleItem(n.Text);
            number.Span.Text.ShouldBe(n.Text);
            number.Min.ShouldBe((decimal)n.Value);
            number.Max.ShouldBe((decimal)n.Value);
            number.Unit.ShouldBe("people");
        }, count: 400);
    }

    [Fact]
    public void Any_run_of_number_words_digits_and_modifiers_reads_without_throwing_as_bounded_intervals()
    {
        var sentences = PropertyCheck.Zip(Gen.Elements("Officials counted", "The ministry said", "Rebels seized", ""),
                NumberSoup, Gen.Elements("people", "troops", "dollars", "homes", "officials and two sources", ""))
            .Select(p => $"{p.Item1} {p.Item2} {p.Item3}.");
        PropertyCheck.ForAll(Gen.ListOf(sentences).Resize(4), list =>
        {
            var text = string.Join(" ", list);
            foreach (var n in Pipeline.Process(text).Numbers)
            {
                // Tolerances, "more than" and sums across "and" may take a number a little past the bound, never far.
                n.Min.ShouldBeInRange(0m, 4 * Quantities.MaxValue, $"{n.Span.Text} in: {text}");
                if (n.Max is { } max) max.ShouldBeInRange(0m, 4 * Quantities.MaxValue, $"{n.Span.Text} in: {text}");
            }
        }, count: 400);
    }

    [Fact]
    public void Scale_words_that_multiply_past_the_bound_make_no_number()
    {
        var scales = Gen.Elements("hundred", "thousand", "million", "billion", "trillion", "dozen");
        var cases = Gen.Elements("5", "1.5", "several", "a", "nine hundred", "tens of").Zip(Gen.NonEmptyListOf(scales).Resize(8));
        PropertyCheck.ForAll(cases, c =>
        {
            var (head, scaleWords) = c;
            var text = $"Officials counted {head} {string.Join(" ", scaleWords)} people.";
            foreach (var n in Pipeline.Process(text).Numbers)
            {
                n.Min.ShouldBeLessThanOrEqualTo(Quantities.MaxValue, text);
                if (n.Max is { } max) max.ShouldBeLessThanOrEqualTo(Quantities.MaxValue, text);
            }
        });
    }
}
