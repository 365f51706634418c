using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Cli.Eval;

/// <summary>The half of a dataset an item belongs to: rules and thresholds are chosen on <see cref="Tuning"/> only.</summary>
internal enum DatasetHalf
{
    /// <summary>Looked at, tuned on: errors are printed from this half only.</summary>
    Tuning,

    /// <summary>Reported, never looked at item by item.</summary>
    Reporting,
}

/// <summary>
/// The fixed split of every dataset the project tunes on (README, "Honest figures"): an item whose key's SHA-256
/// (over its UTF-8 bytes), read as a big-endian integer, is even belongs to the tuning half, odd to the reporting
/// half. The same rule as realnews's own dev/test split. Keys: GVDB the article id, CASE 2021 the snippet id,
/// PLOVER the record id, factuality <c>corpus/dev.conll#N</c> (N the sentence's index in its file).
/// </summary>
internal static class DatasetSplit
{
    public static DatasetHalf Of(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return (hash[31] & 1) == 0 ? DatasetHalf.Tuning : DatasetHalf.Reporting;
    }

    public static string Name(DatasetHalf half) => half == DatasetHalf.Tuning ? "tuning" : "reporting";
}
