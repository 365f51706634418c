using System.Text;
using System.Text.Json;
using Crosscheck.Documents;
using Crosscheck.Storage;
using Crosscheck.Web;

namespace Crosscheck.Tests.Web;

/// <summary>A server over documents not linked yet answers at once and shows each document as it is linked.</summary>
public sealed class BackgroundLinkingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_server_answers_while_stored_documents_are_linked_and_the_record_grows_as_they_are()
    {
        var path = _dir.Combine("pending.db");
        using (var store = DocumentStore.Open(path))
        {
            string[] towns = ["Arlon", "Bexley", "Carrow"];
            foreach (var town in towns)
            {
                var text = $"Flood in {town}\n\nThe river burst its banks in {town} on Monday, and two people were killed, the mayor of {town} said.";
                store.Add(new DocumentReader().ReadBytes($"{town}.txt", Encoding.UTF8.GetBytes(text), ".txt").Single().Document!);
            }
        }
        var key = TestAccounts.Add(path, Crosscheck.Access.Role.Reader);
        using var gate = new SemaphoreSlim(0);
        var options = new WebOptions
        {
            DatabasePath = path,
            Urls = "http://127.0.0.1:0",
            // Reading each document waits for the test, so the server is seen while linking has not finished.
            Analyze = doc => gate.Wait(TimeSpan.FromSeconds(60)) ? RecordLoader.Analyze(doc) : throw new TimeoutException("the test never let the reading go on"),
        };
        await using var app = CrosscheckWeb.Build(options);
        await app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var client = TestAccounts.KeyClient(new Uri(app.Urls.Single()), key);
        client.Timeout = TimeSpan.FromSeconds(30);

        (await client.GetStringAsync("/api/documents")).ShouldContain("Flood in Bexley");
        (await LinkedDocuments(client)).ShouldBe(0);

        gate.Release(3);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await LinkedDocuments(client) < 3 && DateTime.UtcNow < deadline) await Task.Delay(50);
        (await LinkedDocuments(client)).ShouldBe(3);
        using var check = DocumentStore.Open(path);
        check.LinkedCount.ShouldBe(3);
    }

    /// <summary>The documents the record's stories hold, as the API lists them.</summary>
    private static async Task<int> LinkedDocuments(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/stories?limit=100")).RootElement.GetProperty("items").EnumerateArray()
            .Sum(s => s.GetProperty("documents").GetInt32());
}
