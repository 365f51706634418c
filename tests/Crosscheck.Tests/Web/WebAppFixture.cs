using System.Text;
using Crosscheck.Access;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Web;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Tests.Web;

/// <summary>
/// The web app on a free loopback port over a temporary database of a few hand-written articles,
/// shared by the tests of one class and removed afterwards.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string DamTitle = "Talks on the Varna dam resume in Geneva";
    public const string ScriptTitle = "<script>alert(\"owned\")</script> & other tags";
    public const int HarbourReports = 4;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crosscheck-web-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    /// <summary>Sends a reader's key with every request.</summary>
    public HttpClient Client { get; private set; } = null!;

    public string ReaderKey { get; private set; } = "";

    /// <summary>Where the app answers.</summary>
    public Uri BaseAddress { get; private set; } = null!;
    public Document Dam { get; private set; } = null!;
    public Document DamCopy { get; private set; } = null!;
    public Document Script { get; private set; } = null!;
    public int DocumentCount { get; private set; }

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_directory, "web.db");
        using (var store = DocumentStore.Open(path))
        {
            Dam = Add(store, "dam.txt", DamArticle(""));
            // Reprinted a day later: the original is the copy first in link order (day, then id).
            DamCopy = Add(store, "dam-copy.txt", DamArticle("The talks are expected to last a week.", "2024-03-06"));
            Script = Add(store, "script.txt", $"""
                ---
                title: {ScriptTitle}
                outlet: Markup <b>Weekly</b>
                ---
                Markup in the headline

                A paragraph that mentions <img src=x onerror=alert(1)> and ampersands & angle brackets.
                """);
            for (var i = 1; i <= HarbourReports; i++)
            {
                Add(store, $"harbour-{i}.txt", $"""
                    Harbour report number {i}

                    The harbour master counted {i * 7} cargo ships on day {i}, a figure the port authority confirmed.
                    """);
            }
            DocumentCount = store.Count;
            store.Add(Dam).Status.ShouldBe(StoreStatus.AlreadyStored);
        }

        ReaderKey = TestAccounts.Add(path, Role.Reader, "reader");

        _app = CrosscheckWeb.Build(new WebOptions { DatabasePath = path, Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        // Port 0 lets the system pick a free port; the server reports the one it bound.
        BaseAddress = new Uri(_app.Urls.Single());
        Client = TestAccounts.KeyClient(BaseAddress, ReaderKey);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }

    private static Document Add(DocumentStore store, string name, string text)
    {
        var result = new DocumentReader().ReadBytes(name, Encoding.UTF8.GetBytes(text), ".txt").Single();
        result.Error.ShouldBeNull();
        return store.Add(result.Document!).Document;
    }

    /// <summary>Long enough for near-duplicate detection; <paramref name="extra"/> makes a copy differ slightly.</summary>
    private static string DamArticle(string extra, string published = "2024-03-05") => $"""
        ---
        title: {DamTitle}
        outlet: The Example Post
        published: {published}
        url: https://news.example/dam-talks
        ---
        {DamTitle}

        Negotiators from both river states met in Geneva on Tuesday to resume talks over the Varna dam, a foreign ministry spokesman said.

        The dam, which holds back the upper river, has been at the centre of a dispute over water rights since the turbines were switched on last spring. Farmers downstream say the flow has fallen by a third during the dry months.

        Water Rights

        Officials on both sides declined to say whether a draft agreement was on the table. One delegate said the first day had been constructive and that technical teams would meet again on Wednesday morning.

        Photo: The Varna dam seen from the east bank (Reuters/Example)

        The previous round of talks collapsed in October after a dispute over inspection visits to the turbine hall. {extra}

        Advertisement

        Comments

        I live downstream and my well has been dry since June.
        """;
}
