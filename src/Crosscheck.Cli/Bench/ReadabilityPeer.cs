using System.Text.Json;

namespace Crosscheck.Cli.Bench;

/// <summary>What the peer produced: its text per page id and the seconds it spent on the pages themselves.</summary>
internal sealed record PeerRun(IReadOnlyDictionary<string, string> Texts, double Seconds);

/// <summary>
/// Runs @mozilla/readability (under jsdom) on the benchmark pages, so Crosscheck is measured beside a
/// well-known extractor in the same run on the same machine. The npm packages are installed on first use
/// into a cache folder outside the source tree; failures come back as one readable reason, never a throw.
/// </summary>
internal static class ReadabilityPeer
{
    public const string Name = "readability.js";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    // Reads every page named in ground-truth.json and writes {"seconds": s, "output": {id: textContent}}.
    // The page's own URL is given to jsdom so relative links resolve the way they did when fetched.
    private const string Script = """
        // Written by `crosscheck bench extraction`; rewritten on every run.
        'use strict';
        const fs = require('fs');
        const path = require('path');
        const zlib = require('zlib');
        const { JSDOM, VirtualConsole } = require('jsdom');
        const { Readability } = require('@mozilla/readability');

        const [dataDir, outFile] = process.argv.slice(2);
        const truth = JSON.parse(fs.readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8'));
        const quiet = new VirtualConsole();
        const output = {};
        const started = process.hrtime.bigint();
        for (const id of Object.keys(truth).sort()) {
          let text = '';
          try {
            const html = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, 'html', id + '.html.gz'))).toString('utf8');
            const dom = new JSDOM(html, { url: truth[id].url || 'https://example.invalid/', virtualConsole: quiet });
            const article = new Readability(dom.window.document).parse();
            text = article && article.textContent ? article.textContent : '';
            dom.window.close();
          } catch (e) {
            text = '';
          }
          output[id] = text;
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        fs.writeFileSync(outFile, JSON.stringify({ seconds, output }));
        """;

    /// <summary>Runs the peer, or returns the reason it could not run.</summary>
    public static (PeerRun? Run, string? Failure) Run(string dataDirectory)
    {
        var (cache, failure) = NodePeer.Install("readability", "@mozilla/readability", "jsdom");
        if (cache is null) return (null, failure);

        var scriptPath = Path.Combine(cache, "extract.js");
        var outPath = Path.Combine(cache, "output.json");
        try
        {
            File.WriteAllText(scriptPath, Script);
            File.Delete(outPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot write the peer's script in {cache}: {ex.Message}");
        }

        var (ran, runMessage) = NodePeer.Execute("node", [scriptPath, Path.GetFullPath(dataDirectory), outPath], RunTimeout);
        if (!ran) return (null, $"node {scriptPath} failed: {runMessage}");
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(outPath));
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var page in json.RootElement.GetProperty("output").EnumerateObject())
            {
                texts[page.Name] = page.Value.GetString() ?? "";
            }
            return (new PeerRun(texts, json.RootElement.GetProperty("seconds").GetDouble()), null);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"the peer's output {outPath} could not be read: {ex.Message}");
        }
    }


    internal static string CacheFolder() => NodePeer.CacheFolder("readability");
}
