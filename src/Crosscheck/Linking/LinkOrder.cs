namespace Crosscheck.Linking;

/// <summary>
/// The order documents are linked in: by publication day, undated ones last, then by document id (a hash of the
/// text). It depends on the documents alone, never on when or in how many runs they arrived, so the record built
/// from a set of documents is the same however the work was split. The store reads documents in this order too
/// (<c>ORDER BY published IS NULL, published, id</c>: ISO days sort as text, ids are ASCII).
/// </summary>
public static class LinkOrder
{
    /// <summary>Compares two documents' places in the link order.</summary>
    public static int Compare(DateOnly? aPublished, string aId, DateOnly? bPublished, string bId)
    {
        if (aPublished is { } a)
        {
            if (bPublished is not { } b) return -1;
            var byDay = a.CompareTo(b);
            if (byDay != 0) return byDay;
        }
        else if (bPublished is not null)
        {
            return 1;
        }
        return string.CompareOrdinal(aId, bId);
    }

    public static int Compare(DocumentFacts a, DocumentFacts b) => Compare(a.Published, a.Id, b.Published, b.Id);

    /// <summary>The documents in link order.</summary>
    public static List<DocumentFacts> Sort(IEnumerable<DocumentFacts> documents)
    {
        var list = documents.ToList();
        list.Sort(Compare);
        return list;
    }
}
