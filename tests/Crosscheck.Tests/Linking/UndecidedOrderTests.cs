using Crosscheck.Events;
using Crosscheck.Linking;
using Shouldly;
using Xunit;

namespace Crosscheck.Tests.Linking;

/// <summary>
/// A report that places its attack no closer than its country ("two were killed in an attack in Xland on Friday") among
/// several attacks of its day there cannot say which it is: it stays a mention whichever of them was linked first.
/// </summary>
public class UndecidedOrderTests
{
    private static DocumentFacts Facts(string name, string outlet, string published, string body) =>
        CrossDocumentLinkerTests.Facts(name, outlet, published, body);

    private static readonly DocumentFacts CountryOnly = Facts("country-only", "Sahel Wire", "2026-03-14",
        "Three soldiers were killed in an attack in Burkina Faso on Friday, a security source said.");
    private static readonly DocumentFacts Post = Facts("post", "Ouaga Daily", "2026-03-14",
        "Jihadist fighters attacked an army post in Djibo on Friday, killing 12 soldiers, the army said on Saturday.");
    private static readonly DocumentFacts Market = Facts("market", "Plateau News", "2026-03-14",
        "Gunmen raided a market in Kaya on Friday, killing six civilians, a local official said.");

    private static readonly DocumentFacts Placeless = Facts("placeless", "Sahel Wire", "2026-03-14",
        "Several people were killed in an attack on Friday, officials said, without giving details.");

    private static IReadOnlyList<IReadOnlyList<DocumentFacts>> Orders(params DocumentFacts[] docs)
    {
        var orders = new List<IReadOnlyList<DocumentFacts>>();
        void Permute(List<DocumentFacts> done, List<DocumentFacts> left)
        {
            if (left.Count == 0) { orders.Add([.. done]); return; }
            foreach (var d in left.ToList())
            {
                done.Add(d);
                left.Remove(d);
                Permute(done, left);
                left.Insert(0, d);
                done.RemoveAt(done.Count - 1);
            }
        }
        Permute([], [.. docs]);
        return orders;
    }

    /// <summary>Each incident as the sorted ids of its events, sorted: the record's membership, whatever the ids.</summary>
    private static List<string> Membership(CrossRecord record) =>
        [.. record.Incidents.Where(i => i.Events.Length > 0).Select(i => string.Join(",", i.Events.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];

    [Fact]
    public void A_report_placed_by_its_country_stays_a_mention_whichever_attack_of_its_day_came_first()
    {
        var memberships = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in Orders(CountryOnly, Post, Market))
        {
            var record = CrossDocumentLinkerTests.Link([.. order]);
            var country = CrossDocumentLinkerTests.IncidentWith(record, CountryOnly, "Three soldiers");
            var names = string.Join(" ", order.Select(d => d.Title));
            country.Events.Length.ShouldBe(1, names);
            country.Mention.ShouldBeTrue(names);
            CrossDocumentLinkerTests.IncidentWith(record, Post, "army post").Id.ShouldNotBe(CrossDocumentLinkerTests.IncidentWith(record, Market, "market").Id);
            memberships.Add(string.Join(" | ", Membership(record)));
        }
        memberships.Count.ShouldBe(1);
    }

    [Fact]
    public void A_report_placed_by_its_country_joins_no_report_placed_by_none_on_a_day_of_two_attacks()
    {
        // A report with no place beside it may still go with the attack of its story; the one placed by its country is
        // undecided, and takes in no other report of its day, in every order.
        foreach (var order in Orders(CountryOnly, Placeless, Post, Market))
        {
            var record = CrossDocumentLinkerTests.Link([.. order]);
            var names = string.Join(" ", order.Select(d => d.Title));
            var country = CrossDocumentLinkerTests.IncidentWith(record, CountryOnly, "Three soldiers");
            country.Events.Length.ShouldBe(1, names);
            country.Mention.ShouldBeTrue(names);
        }
    }
}
