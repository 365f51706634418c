using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Crosscheck.Web;

/// <summary>
/// The data-protection key ring of one server process, held in memory and never written anywhere. Keys that never
/// leave the process need no encryption at rest, so the "encryptor" keeps them as they are; saying so explicitly is
/// what keeps ASP.NET Core from warning at every start that keys may be stored unencrypted.
/// </summary>
internal static class InMemoryKeyRing
{
    public static void Configure(KeyManagementOptions options)
    {
        options.XmlRepository = new Repository();
        options.XmlEncryptor = new KeptAsIsEncryptor();
    }

    private sealed class Repository : IXmlRepository
    {
        private readonly List<XElement> _elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (_elements) return _elements.Select(e => new XElement(e)).ToList();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (_elements) _elements.Add(new XElement(element));
        }
    }
}

/// <summary>
/// The data-protection key ring of the servers of one database, kept as files in a folder they share (<c>serve --keys
/// DIR</c>), so that a browser session or a form begun on one server is accepted by the others (behind one address,
/// requests go to any of them). The keys are secrets kept as they are: what protects them is the folder, created
/// readable by the server's user only. ASP.NET Core's own file repository reads and writes them.
/// </summary>
internal static class FolderKeyRing
{
    /// <summary>Creates the folder when missing (owner only on Unix); an unusable folder is an <see cref="InvalidDataException"/> naming it.</summary>
    public static DirectoryInfo Prepare(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            if (!Directory.Exists(full))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(full);
                else Directory.CreateDirectory(full, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            // A folder the server cannot write would fail at the first key, in a request: found now instead.
            var probe = Path.Combine(full, ".crosscheck-write-check");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return new DirectoryInfo(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"--keys {path}: cannot keep the session keys there ({ex.Message.ReplaceLineEndings(" ")})", ex);
        }
    }

    public static void Configure(KeyManagementOptions options, DirectoryInfo folder)
    {
        options.XmlRepository = new FileSystemXmlRepository(folder, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        // Kept as they are: the folder's permissions protect them.
        options.XmlEncryptor = new KeptAsIsEncryptor();
    }
}

/// <summary>
/// The "encryptor" of both key rings: keys kept as they are (in the process's memory, or in a folder only the server's
/// user reads), said explicitly so that ASP.NET Core does not warn at every start that keys may be stored unencrypted.
/// </summary>
internal sealed class KeptAsIsEncryptor : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("inProcessKey", plaintextElement), typeof(KeptInProcessDecryptor));
}

/// <summary>Reads back a key of <see cref="InMemoryKeyRing"/> or <see cref="FolderKeyRing"/>; created by the data-protection system by type name.</summary>
internal sealed class KeptInProcessDecryptor : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => new(encryptedElement.Elements().Single());
}
