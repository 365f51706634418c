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
        options.XmlEncryptor = new KeptInProcess();
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

    private sealed class KeptInProcess : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(new XElement("inProcessKey", plaintextElement), typeof(KeptInProcessDecryptor));
    }
}

/// <summary>Reads back a key of <see cref="InMemoryKeyRing"/>; created by the data-protection system by type name.</summary>
internal sealed class KeptInProcessDecryptor : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => new(encryptedElement.Elements().Single());
}
