using System.Security.Cryptography;
using System.Text;

namespace Crosscheck;

/// <summary>
/// Which analyzer made a stored reading: the reading code's release (<see cref="Release"/>, raised by hand whenever the
/// code that reads documents changes what it reads) and a digest of every model and word list the reading loads
/// (changes by itself when one of them does; other embedded files, such as the export's tables, do not count), written <c>RELEASE+DIGEST</c>, e.g. <c>25+1f0c3a9e47b2</c>. Two
/// readings with one version were made by the same analyzer; <c>crosscheck reprocess --older</c> reads again the
/// documents whose stored version is not the current one. The same files give the same version on any machine.
/// </summary>
public sealed record AnalyzerVersion
{
    /// <summary>
    /// The reading code's release. Raise it with any change to the code under Language/, Events/ or the facts
    /// builder that changes what a document is read as; <c>AnalyzerVersionTests</c> fails when the demo samples'
    /// reading changes while the version stays.
    /// </summary>
    public const int Release = 76;

    private static readonly Lazy<AnalyzerVersion> Shared = new(() => new AnalyzerVersion(Release, DigestOfResources()));

    private AnalyzerVersion(int release, string digest)
    {
        ReleaseNumber = release;
        Digest = digest;
        _text = $"{release}+{digest}";
    }

    private readonly string _text;

    /// <summary>The analyzer of this build.</summary>
    public static AnalyzerVersion Current => Shared.Value;

    public int ReleaseNumber { get; }

    /// <summary>12 lower-case hex digits of SHA-256 over the embedded models and word lists.</summary>
    public string Digest { get; }

    public override string ToString() => _text;

    /// <summary>Reads a version as <see cref="ToString"/> writes it; false for anything else (a reading from before versions).</summary>
    public static bool TryParse(string? text, out AnalyzerVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text)) return false;
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus <= 0 || !int.TryParse(text.AsSpan(0, plus), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var release)) return false;
        var digest = text[(plus + 1)..];
        if (digest.Length != 12 || !digest.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        version = new AnalyzerVersion(release, digest);
        return true;
    }

    /// <summary>The resources a reading loads: models, gazetteers and the language and event word lists (not, say, an export's tables).</summary>
    private static bool ReadingResource(string name) =>
        name.StartsWith("Crosscheck.Models.", StringComparison.Ordinal) || name.StartsWith("Crosscheck.Gazetteers.", StringComparison.Ordinal)
        || name.StartsWith("Crosscheck.Language.", StringComparison.Ordinal) || name.StartsWith("Crosscheck.Events.", StringComparison.Ordinal);

    /// <summary>The resources a reading loads (<see cref="ReadingResource"/>), by name in ordinal order, name and bytes hashed.</summary>
    private static string DigestOfResources()
    {
        var assembly = typeof(AnalyzerVersion).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var name in assembly.GetManifestResourceNames().Where(ReadingResource).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            using var stream = assembly.GetManifestResourceStream(name)!;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) hash.AppendData(buffer, 0, read);
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
