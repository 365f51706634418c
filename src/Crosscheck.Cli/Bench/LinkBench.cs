using System.Diagnostics;
using System.Globalization;
using System.Text;
using Crosscheck.Cli.Eval;
using Crosscheck.Documents;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Linking;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Bench;

/// <summary>
/// <c>crosscheck bench link</c>: documents/s and per-document latency of <see cref="CrossDocumentLinker.Add"/>
/// (story, incidents, summaries of what it touched) when the linker already holds many documents. The stored
/// documents are synthetic but shaped like real ones: each is a real analyzed article (ECB+ when present, else
/// the seeds) whose names and content words are renamed per synthetic story, so there are many stories of
/// 10 to 30 documents, content words with Zipf-like frequencies and 5 to 20 events per document. Deterministic.
/// </summary>
internal static class LinkBench
{
    private const int Seed = 20251104;
    private const int WarmUp = 200;

    private sealed record Figures(int Documents, double Seconds, double MeanMs, double P50Ms, double P95Ms, double MaxMs, double JoinedOwnStory, double HeapMb)
    {
        public double PerSecond => Documents / Seconds;
    }

    public static int Run(string ecbPlusDirectory, string seedsDirectory, string sizes, int measured, TextWriter stdout)
    {
        var held = ParseSizes(sizes);
        if (measured < 1) throw new UsageException("--documents must be at least 1");
        var clock = Stopwatch.StartNew();
        var (pool, poolName) = LoadPool(ecbPlusDirectory, seedsDirectory);
        var stream = new SyntheticStream(pool, Seed, held[^1] + (WarmUp + measured) * held.Length);
        stdout.WriteLine($"bench link: CrossDocumentLinker.Add of one new document (story, incidents, summaries) on a linker already holding N documents");
        stdout.WriteLine($"machine: {Environment.ProcessorCount} cores ({CpuModel()}), {Environment.OSVersion.VersionString}, .NET {Environment.Version}; one thread");
        stdout.WriteLine($"stored documents: real analyzed articles ({pool.Count} from {poolName}, read in {clock.Elapsed.TotalSeconds:F1} s) renamed per synthetic story:");
        stdout.WriteLine($"  stories of 10-30 documents over 3 years, content words drawn Zipf-like from {SyntheticStream.Vocabulary:N0}, 5-20 events per document, seed {Seed}");
        stdout.WriteLine($"  preloaded through the reload path (stored story and incidents, no scoring); then {WarmUp} documents of warm-up and {measured:N0} timed, the next ones of the stream");
        stdout.WriteLine();
        stdout.WriteLine($"{"held",9} {"timed",6} {"docs/s",8} {"mean ms",8} {"p50 ms",7} {"p95 ms",7} {"max ms",7} {"own story",10} {"heap MB",8} {"in mem",7} {"preload s",10} {"reopen s",9} {"page s",7} {"snapshot s",10} {"incidents",10}");
        double? atHundredThousand = null;
        // The record lives in a database, as in use: the store is the linker's journal and its archive.
        var directory = Directory.CreateTempSubdirectory("crosscheck-bench-link-");
        try
        {
            using var store = DocumentStore.Open(System.IO.Path.Combine(directory.FullName, "bench.db"));
            var record = new SourcedRecord(new CrossDocumentLinker(null, store)) { Journal = store };
            var next = 0;
            foreach (var size in held)
            {
                var preload = Stopwatch.StartNew();
                while (record.DocumentCount < size)
                {
                    var chunk = new List<(DocumentFacts Facts, int Story)>();
                    while (record.DocumentCount + chunk.Count < size && chunk.Count < 1000)
                    {
                        var (facts, story, _) = stream.Next(next++);
                        chunk.Add((facts, story));
                    }
                    Store(store, chunk.Select(c => c.Facts));
                    using var batch = store.SaveInBatches(256);
                    foreach (var (facts, story) in chunk)
                    {
                        // Stored as a run that linked it would have stored it, so that reopening finds it in place.
                        var assignment = SyntheticStream.AssignmentOf(facts, story);
                        record.Add(facts, assignment);
                        store.SaveLink(facts, record.Linker.AssignmentOf(facts.Id)!);
                    }
                }
                var preloadSeconds = preload.Elapsed.TotalSeconds;
                var warm = Enumerable.Range(0, WarmUp).Select(_ => stream.Next(next++).Facts).ToList();
                Store(store, warm);
                using (store.SaveInBatches(256)) foreach (var facts in warm) record.Add(facts);
                GC.Collect();
                var figures = Measure(record, store, stream, ref next, measured);
                if (size == 100_000) atHundredThousand = figures.PerSecond;
                var reopen = Stopwatch.StartNew();
                var reopenedRecord = RecordLoader.Open(store).Record;
                var reopened = reopenedRecord.DocumentCount;
                var reopenSeconds = reopen.Elapsed.TotalSeconds;
                var firstPage = Stopwatch.StartNew();
                var shown = reopenedRecord.Stories(0, 20).Items.Count + reopenedRecord.Incidents(null, 0, 20).Items.Count;
                var firstPageSeconds = firstPage.Elapsed.TotalSeconds;
                var snapshot = Stopwatch.StartNew();
                var incidents = reopenedRecord.Snapshot().Incidents.Length;
                var snapshotSeconds = snapshot.Elapsed.TotalSeconds;
                if (reopened != record.DocumentCount) throw new CliFailure($"bench link: the reopened record holds {reopened:N0} documents, not {record.DocumentCount:N0}");
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{size,9:N0} {figures.Documents,6:N0} {figures.PerSecond,8:N0} {figures.MeanMs,8:F2} {figures.P50Ms,7:F2} {figures.P95Ms,7:F2} {figures.MaxMs,7:F1} {figures.JoinedOwnStory,9:P0} {figures.HeapMb,8:N0} {record.Linker.HeldDocuments,7:N0} {preloadSeconds,10:F1} {reopenSeconds,9:F1} {firstPageSeconds,7:F2} {snapshotSeconds,10:F1} {incidents,10:N0}"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
        stdout.WriteLine();
        stdout.WriteLine("held = documents stored before the warm-up; docs/s = timed documents / their total Add time; latency per Add;");
        stdout.WriteLine("own story = timed documents put in the story holding the previous document of their synthetic story (or in a new");
        stdout.WriteLine("story when the synthetic story is new); heap MB = managed heap after the timed documents, after a full collection;");
        stdout.WriteLine("in mem = documents the linker still holds (the rest are in the store's archive); reopen s = RecordLoader.Open on");
        stdout.WriteLine("the database (a server's start); page s = the first 20 stories and 20 incidents read after it (the first pages);");
        stdout.WriteLine("snapshot s = the whole record read once (what an export reads).");
        stdout.WriteLine("Each Add includes its writes to the SQLite database (facts, assignments, archive) in batches of 256.");
        if (atHundredThousand is { } rate)
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target (>= 200 docs/s holding 100,000): {rate:N0} docs/s"));
        return CrosscheckCli.Ok;
    }

    private static Figures Measure(SourcedRecord record, DocumentStore store, SyntheticStream stream, ref int next, int count)
    {
        var latencies = new double[count];
        var own = 0;
        var one = new Stopwatch();
        var timed = new List<(DocumentFacts Facts, string? Previous)>(count);
        for (var i = 0; i < count; i++)
        {
            var (facts, _, previous) = stream.Next(next++);
            timed.Add((facts, previous));
        }
        Store(store, timed.Select(t => t.Facts));
        using var batch = store.SaveInBatches(256);
        for (var i = 0; i < count; i++)
        {
            var (facts, previous) = timed[i];
            one.Restart();
            var update = record.Add(facts);
            one.Stop();
            latencies[i] = one.Elapsed.TotalMilliseconds;
            if (previous is null ? update.Story == DocumentId.ForKey("s-", facts.Id) : record.StoryOf(previous) == update.Story) own++;
        }
        var seconds = latencies.Sum() / 1000;
        Array.Sort(latencies);
        return new Figures(count, seconds, latencies.Average(), Percentile(latencies, 0.50), Percentile(latencies, 0.95), latencies[^1],
            own / (double)count, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
    }

    /// <summary>
    /// Fills a database with <paramref name="count"/> synthetic documents linked as a run would have linked them (the
    /// same stream as the bench's, seed included), each document's text its content words so that search finds them;
    /// for benches of what reads the record (<c>bench serve</c>). Returns the name of the article pool used.
    /// </summary>
    internal static string Populate(DocumentStore store, string ecbPlusDirectory, string seedsDirectory, int count)
    {
        var (pool, poolName) = LoadPool(ecbPlusDirectory, seedsDirectory);
        var stream = new SyntheticStream(pool, Seed, count);
        var record = new SourcedRecord(new CrossDocumentLinker(null, store)) { Journal = store };
        var next = 0;
        while (record.DocumentCount < count)
        {
            var chunk = new List<(DocumentFacts Facts, int Story)>();
            while (record.DocumentCount + chunk.Count < count && chunk.Count < 1000)
            {
                var (facts, story, _) = stream.Next(next++);
                chunk.Add((facts, story));
            }
            Store(store, chunk.Select(c => c.Facts), withWords: true);
            using var batch = store.SaveInBatches(256);
            foreach (var (facts, story) in chunk)
            {
                record.Add(facts, SyntheticStream.AssignmentOf(facts, story));
                store.SaveLink(facts, record.Linker.AssignmentOf(facts.Id)!);
            }
        }
        return poolName;
    }

    /// <summary>Stores a stub document for each synthetic one (the archive and the journal keep rows of stored documents).</summary>
    private static void Store(DocumentStore store, IEnumerable<DocumentFacts> documents, bool withWords = false)
    {
        store.AddRange([.. documents.Select(f => new Document
        {
            Id = f.Id,
            Source = "bench/" + f.Id,
            Text = withWords ? string.Join(' ', f.Terms.Select(t => t.Key)) is { Length: > 0 } words ? words : f.Id : f.Id,
            Segments = [],
            Metadata = new DocumentMetadata { Outlet = f.Outlet, Title = f.Title, Published = f.Published },
        })]);
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];

    private static int[] ParseSizes(string sizes)
    {
        var parsed = new List<int>();
        foreach (var part in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 10_000_000)
                throw new UsageException($"--sizes: '{part}' is not a number of documents between 1 and 10,000,000 (expected e.g. 10000,100000)");
            parsed.Add(n);
        }
        if (parsed.Count == 0) throw new UsageException("--sizes: give at least one number of documents (e.g. 10000,100000)");
        parsed.Sort();
        return [.. parsed.Distinct()];
    }

    /// <summary>The real articles the synthetic ones are made from: ECB+ when present, else the seeds.</summary>
    private static (List<DocumentFacts> Pool, string Name) LoadPool(string ecbPlusDirectory, string seedsDirectory)
    {
        if (Directory.Exists(ecbPlusDirectory))
        {
            var facts = EcbPlusEval.Read(EcbPlusEval.Load(ecbPlusDirectory)).Select(f => f.Facts).Where(f => f.Terms.Length > 0).ToList();
            return (facts, ecbPlusDirectory);
        }
        if (!Directory.Exists(seedsDirectory)) throw new CliFailure($"neither {ecbPlusDirectory} nor {seedsDirectory} exists: the bench needs real articles to derive documents from");
        var pool = new List<DocumentFacts>();
        foreach (var result in new DocumentReader().Read([seedsDirectory]))
        {
            if (result.Document is not { } doc) throw new CliFailure($"{seedsDirectory}: {result.Error}");
            var text = StandardPipeline.Default.Process(doc);
            pool.Add(LinkFactsBuilder.Build(doc, text, EventReader.Default.Read(text)));
        }
        if (pool.Count == 0) throw new CliFailure($"{seedsDirectory}: no articles");
        return (pool, seedsDirectory);
    }

    internal static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return "cpu model unknown";
    }

    /// <summary>
    /// A deterministic stream of synthetic documents in publication order. Each synthetic story has a template
    /// article, a start date, 10 to 30 documents within two weeks, and its own renaming of the template's names
    /// (people and organizations get story-specific names; known places stay, they are shared by the world) and
    /// content words (each word maps to one drawn Zipf-like from the vocabulary, so common words recur across stories).
    /// </summary>
    private sealed class SyntheticStream
    {
        public const int Vocabulary = 50_000;
        private const int Surnames = 20_000;
        private readonly List<DocumentFacts> _pool;
        private readonly List<(int Story, int Template, DateOnly Published, int Salt)> _documents = [];
        private readonly Dictionary<int, string> _previousInStory = [];
        private readonly double[] _zipf;
        private readonly int _seed;

        public SyntheticStream(List<DocumentFacts> pool, int seed, int count)
        {
            _pool = pool;
            _seed = seed;
            _zipf = new double[Vocabulary];
            var sum = 0.0;
            for (var r = 0; r < Vocabulary; r++) _zipf[r] = sum += 1.0 / Math.Pow(r + 1, 1.05);
            for (var r = 0; r < Vocabulary; r++) _zipf[r] /= sum;
            var random = new Random(seed);
            var start = new DateOnly(2022, 1, 1);
            var story = 0;
            while (_documents.Count < count + 30)
            {
                var size = 10 + random.Next(21);
                var template = random.Next(pool.Count);
                // About five stories start a day over three years, stretched to the stream's length.
                var day = start.AddDays((int)((long)_documents.Count * 1095 / Math.Max(1, count)));
                for (var i = 0; i < size; i++)
                {
                    _documents.Add((story, template, day.AddDays(random.Next(15)), random.Next()));
                }
                story++;
            }
            // Publication order, ties in generation order.
            var ordered = _documents.Select((d, i) => (d, i)).OrderBy(x => x.d.Published).ThenBy(x => x.i).Select(x => x.d).ToList();
            _documents.Clear();
            _documents.AddRange(ordered);
        }

        /// <summary>The document at <paramref name="index"/>, its synthetic story and the story's document given out before it (null for its first).</summary>
        public (DocumentFacts Facts, int Story, string? Previous) Next(int index)
        {
            var (story, template, published, salt) = _documents[index];
            var id = "d-bench-" + index.ToString("D7", CultureInfo.InvariantCulture);
            var previous = _previousInStory.GetValueOrDefault(story);
            _previousInStory[story] = id;
            return (Build(id, story, _pool[template], published, salt), story, previous);
        }

        /// <summary>Where a preloaded document is stored: its synthetic story, and one incident per story and event type.</summary>
        public static DocumentAssignment AssignmentOf(DocumentFacts facts, int story)
        {
            var events = new Dictionary<string, EventAssignment>(StringComparer.Ordinal);
            foreach (var ev in facts.Events)
            {
                var incident = string.Create(CultureInfo.InvariantCulture, $"i-bench-{story}-{PloverTypes.Name(ev.Type)}-{ModalityName(ev.Modality)}");
                events[ev.Id] = new EventAssignment(incident, new IncidentLink(ev.Id, null, 0, "bench preload"));
            }
            return new DocumentAssignment(string.Create(CultureInfo.InvariantCulture, $"s-bench-{story}"), events);
        }

        private static string ModalityName(Modality modality) => modality is Modality.Asserted or Modality.Denied ? "fact" : "ahead";

        private DocumentFacts Build(string id, int story, DocumentFacts template, DateOnly published, int salt)
        {
            var random = new Random(salt);
            // Per story, a stable renaming: the same template word gives the same word within the story.
            var words = new Dictionary<string, string>(StringComparer.Ordinal);
            string Word(string term)
            {
                if (!words.TryGetValue(term, out var w))
                {
                    var r = new Random(Mix(_seed, story, StableHash(term)));
                    w = "w" + Rank(r.NextDouble()).ToString(CultureInfo.InvariantCulture);
                    words[term] = w;
                }
                return w;
            }
            string EntityKey(string key) => key.StartsWith("k:geo:", StringComparison.Ordinal) || key.StartsWith("k:place:", StringComparison.Ordinal) || key.StartsWith("k:norp:", StringComparison.Ordinal)
                ? key
                : key[..(key.IndexOf(':', StringComparison.Ordinal) + 1)] + Name(story, key);
            string Name(int s, string key)
            {
                var r = new Random(Mix(_seed, s, StableHash(key)));
                return string.Create(CultureInfo.InvariantCulture, $"given{r.Next(2_000)} sur{Math.Min(Surnames - 1, Rank(r.NextDouble()) % Surnames)}");
            }

            // Each report keeps about 70% of its template's words and names.
            var terms = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var t in template.Terms)
            {
                if (random.NextDouble() < 0.3) continue;
                var w = Word(t.Key);
                terms[w] = terms.GetValueOrDefault(w) + t.Weight;
            }
            var entities = new Dictionary<string, WeightedKey>(StringComparer.Ordinal);
            foreach (var e in template.Entities)
            {
                if (random.NextDouble() < 0.3) continue;
                var key = EntityKey(e.Key);
                var label = key.StartsWith("k:", StringComparison.Ordinal) ? e.Label : key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
                entities[key] = new WeightedKey(key, entities.GetValueOrDefault(key).Weight + e.Weight, label);
            }
            // 5 to 20 events: the template's, then others from the pool, renamed the same way.
            var wanted = 5 + random.Next(16);
            var events = new List<EventFacts>(wanted);
            var source = template;
            var k = 0;
            while (events.Count < wanted)
            {
                if (k >= source.Events.Length)
                {
                    source = _pool[random.Next(_pool.Count)];
                    k = 0;
                    continue;
                }
                var ev = source.Events[k++];
                events.Add(ev with
                {
                    Id = id + "-e" + events.Count.ToString(CultureInfo.InvariantCulture),
                    Document = id,
                    Actors = [.. ev.Actors.Select(a => a with { EntityKey = a.EntityKey is { } key ? EntityKey(key) : null })],
                    Recipients = [.. ev.Recipients.Select(a => a with { EntityKey = a.EntityKey is { } key ? EntityKey(key) : null })],
                    Time = ev.Time is { Start: { } } time ? time with { Start = published.AddDays(-random.Next(3)), End = published } : ev.Time,
                    Reported = published,
                });
            }
            return new DocumentFacts
            {
                Id = id,
                Outlet = "outlet" + (salt % 40).ToString(CultureInfo.InvariantCulture),
                Title = template.Title,
                Published = published,
                Entities = [.. entities.Values.OrderBy(e => e.Key, StringComparer.Ordinal)],
                Terms = [.. terms.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new WeightedKey(t.Key, t.Value))],
                Events = [.. events],
                Credits = template.Credits,
                People = [],
            };
        }

        private int Rank(double u)
        {
            var index = Array.BinarySearch(_zipf, u);
            return index >= 0 ? index : Math.Min(Vocabulary - 1, ~index);
        }

        /// <summary>A seed from several numbers, the same in every run (HashCode.Combine is not).</summary>
        private static int Mix(int a, int b, int c)
        {
            var x = (ulong)(uint)a * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)b * 0xC2B2AE3D27D4EB4FUL ^ (ulong)(uint)c * 0x165667B19E3779F9UL;
            x ^= x >> 31;
            x *= 0xBF58476D1CE4E5B9UL;
            x ^= x >> 29;
            return (int)(x & 0x7FFFFFFF);
        }

        private static int StableHash(string text)
        {
            // FNV-1a: string.GetHashCode differs between runs.
            var hash = 2166136261u;
            foreach (var c in Encoding.UTF8.GetBytes(text))
            {
                hash ^= c;
                hash *= 16777619u;
            }
            return (int)hash;
        }
    }
}
