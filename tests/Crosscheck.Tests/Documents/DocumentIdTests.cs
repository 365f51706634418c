using Crosscheck.Documents;

namespace Crosscheck.Tests.Documents;

public sealed class DocumentIdTests
{
    [Fact]
    public void Copies_that_differ_only_in_white_space_get_the_same_id()
    {
        DocumentId.FromText("Troops were moved.\n\nOfficials said so.").ShouldBe(DocumentId.FromText("  Troops were   moved.\nOfficials said so.\n"));
    }

    [Fact]
    public void Different_words_get_different_ids()
    {
        DocumentId.FromText("Troops were moved.").ShouldNotBe(DocumentId.FromText("Troops were not moved."));
    }

    [Fact]
    public void Ids_are_d_and_sixteen_hex_digits()
    {
        DocumentId.FromText("x").ShouldMatch("^d-[0-9a-f]{16}$");
    }
}
