using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Crosscheck.Language.Tagging;

/// <summary>
/// The averaged weights of a multiclass perceptron: one row of class weights per feature id. Read-only
/// once built, so one instance serves every thread. Rows are padded to whole SIMD vectors, so scoring a
/// feature is one lookup and a few vector adds.
/// </summary>
internal sealed class PerceptronModel
{
    private static readonly byte[] Magic = "XCHKTAG1"u8.ToArray();
    private const int FormatVersion = 1;

    private const int MaxStackRows = 128;

    private readonly FeatureTable _table;
    private readonly float[] _weights;

    public PerceptronModel(string kind, int featureVersion, IReadOnlyList<string> classes, IReadOnlyList<string> notes,
        ReadOnlySpan<ulong> featureIds, ReadOnlySpan<float> weights)
    {
        if (classes.Count is 0 or > 255) throw new ArgumentException("a model has 1 to 255 classes", nameof(classes));
        if (weights.Length != featureIds.Length * classes.Count) throw new ArgumentException("one weight per feature and class", nameof(weights));
        Kind = kind;
        FeatureVersion = featureVersion;
        Classes = [.. classes];
        Notes = [.. notes];
        Stride = (classes.Count + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        FeatureIds = featureIds.ToArray();
        _table = new FeatureTable(featureIds);
        _weights = new float[featureIds.Length * Stride];
        for (var row = 0; row < featureIds.Length; row++)
            weights.Slice(row * classes.Count, classes.Count).CopyTo(_weights.AsSpan(row * Stride));
    }

    /// <summary>What the model tags: <c>pos</c> or <c>ner</c>.</summary>
    public string Kind { get; }

    /// <summary>The feature extraction the weights were trained with; a tagger refuses any other.</summary>
    public int FeatureVersion { get; }

    public string[] Classes { get; }

    /// <summary>How the model was trained (sources, counts, settings), one line each; no timestamps, so files stay reproducible.</summary>
    public string[] Notes { get; }

    /// <summary>The length of a score buffer: the class count rounded up to whole vectors.</summary>
    public int Stride { get; }

    public int FeatureCount => FeatureIds.Length;

    private ulong[] FeatureIds { get; }

    /// <summary>The feature id of weight row <paramref name="row"/>, for scorers that lay the weights out their own way.</summary>
    internal ulong FeatureIdAt(int row) => FeatureIds[row];

    /// <summary>The class weights of row <paramref name="row"/>, one per class.</summary>
    internal ReadOnlySpan<float> RowAt(int row) => _weights.AsSpan(row * Stride, Classes.Length);

    /// <summary>Sums the rows of the known features into <paramref name="scores"/> (length at least <see cref="Stride"/>).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(scores[..Stride]);
        sums.Clear();
        // Every row is found before any is added: the lookups do not wait on each other, so the processor overlaps their
        // cache misses (a tagger's weights do not stay in cache beside the parser's). The rows are still added in order.
        Span<int> rows = features.Length <= MaxStackRows ? stackalloc int[features.Length] : new int[features.Length];
        _table.FindAll(features, rows);
        var weights = _weights.AsSpan();
        for (var f = 0; f < features.Length; f++)
        {
            var row = rows[f];
            if (row < 0) continue;
            var w = MemoryMarshal.Cast<float, Vector<float>>(weights.Slice(row * Stride, Stride));
            for (var j = 0; j < sums.Length; j++) sums[j] += w[j];
        }
    }

    /// <summary>The best-scoring class whose <paramref name="allowed"/> flag is set (every class when empty).</summary>
    public int Best(ReadOnlySpan<float> scores, ReadOnlySpan<bool> allowed)
    {
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < Classes.Length; c++)
        {
            if (!allowed.IsEmpty && !allowed[c]) continue;
            // Ties go to the lower class index, so results never depend on anything but the weights.
            if (best < 0 || scores[c] > bestScore) { best = c; bestScore = scores[c]; }
        }
        return best;
    }

    /// <summary>Writes the model: a small header, then each feature's non-zero weights in feature-id order, gzipped with fixed settings.</summary>
    public void Save(Stream output)
    {
        using var raw = new MemoryStream();
        using (var gzip = new GZipStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
        using (var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(Kind);
            writer.Write(FeatureVersion);
            writer.Write(Notes.Length);
            foreach (var note in Notes) writer.Write(note);
            writer.Write(Classes.Length);
            foreach (var c in Classes) writer.Write(c);
            var order = Enumerable.Range(0, FeatureIds.Length).OrderBy(r => FeatureIds[r]).ToArray();
            writer.Write(order.Length);
            foreach (var row in order)
            {
                writer.Write(FeatureIds[row]);
                var weights = _weights.AsSpan(row * Stride, Classes.Length);
                var nonZero = 0;
                foreach (var w in weights) if (w != 0) nonZero++;
                writer.Write((byte)nonZero);
                for (var c = 0; c < weights.Length; c++)
                {
                    if (weights[c] == 0) continue;
                    writer.Write((byte)c);
                    writer.Write(weights[c]);
                }
            }
        }
        var bytes = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        // The gzip header's operating-system byte differs between platforms; "unknown" keeps files identical everywhere.
        if (bytes.Length > 9) bytes[9] = 255;
        output.Write(bytes);
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a file that is not one fails with <see cref="ModelLoadException"/>.</summary>
    public static PerceptronModel Load(Stream input, string name)
    {
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8);
            var magic = reader.ReadBytes(Magic.Length);
            if (!magic.AsSpan().SequenceEqual(Magic)) throw new ModelLoadException($"{name}: not a Crosscheck tagger model");
            var format = reader.ReadInt32();
            if (format != FormatVersion) throw new ModelLoadException($"{name}: model format {format}, this build reads format {FormatVersion}; retrain it");
            var kind = reader.ReadString();
            var featureVersion = reader.ReadInt32();
            var notes = new string[CheckedCount(reader.ReadInt32(), 10_000, name)];
            for (var i = 0; i < notes.Length; i++) notes[i] = reader.ReadString();
            var classes = new string[CheckedCount(reader.ReadInt32(), 255, name)];
            for (var i = 0; i < classes.Length; i++) classes[i] = reader.ReadString();
            // At most 200 million weights (800 MB): a corrupt count fails here rather than in an allocation.
            var rows = CheckedCount(reader.ReadInt32(), 200_000_000 / Math.Max(1, classes.Length), name);
            var ids = new ulong[rows];
            var weights = new float[rows * classes.Length];
            for (var row = 0; row < rows; row++)
            {
                ids[row] = reader.ReadUInt64();
                if (row > 0 && ids[row] <= ids[row - 1]) throw new ModelLoadException($"{name}: corrupt model (feature ids out of order)");
                int nonZero = reader.ReadByte();
                for (var k = 0; k < nonZero; k++)
                {
                    int c = reader.ReadByte();
                    if (c >= classes.Length) throw new ModelLoadException($"{name}: corrupt model (class {c} of {classes.Length})");
                    weights[row * classes.Length + c] = reader.ReadSingle();
                }
            }
            if (reader.Read() != -1) throw new ModelLoadException($"{name}: corrupt model (data after the last feature)");
            return new PerceptronModel(kind, featureVersion, classes, notes, ids, weights);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException or ArgumentException)
        {
            throw new ModelLoadException($"{name}: corrupt or truncated model ({ex.Message})");
        }
    }

    public static PerceptronModel Load(string path)
    {
        if (!File.Exists(path)) throw new ModelLoadException($"{path}: model file not found");
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    private static int CheckedCount(int count, int max, string name) =>
        count < 0 || count > max ? throw new ModelLoadException($"{name}: corrupt model (count {count})") : count;
}

/// <summary>A model that is missing, of the wrong kind, or corrupt; the message names it and says what to do.</summary>
internal sealed class ModelLoadException(string message) : Exception(message);
