using System.Text;
using Crosscheck.Language.Tagging;

namespace Crosscheck.Language.Parsing;

/// <summary>The parser's file: a header (with the beam width when it parses with a beam), its models and its word classes.</summary>
internal sealed partial class DependencyParser
{
    private static readonly byte[] Magic = "XCHKPRS1"u8.ToArray();

    /// <summary>The header of a model that parses with a beam (its width follows).</summary>
    private static readonly byte[] BeamMagic = "XCHKPRS2"u8.ToArray();

    /// <summary>
    /// Writes the parser: a header, then the transition, label and tagger models, each as written by
    /// <see cref="PerceptronModel.Save"/> (the tagger's empty when there is none), then the word classes when there are some.
    /// </summary>
    public void Save(Stream output)
    {
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        if (Beam > 1)
        {
            writer.Write(BeamMagic);
            writer.Write(Beam);
        }
        else writer.Write(Magic);
        foreach (var model in new[] { Transitions, Labels, Tagger?.Model })
        {
            var bytes = model?.ToBytes() ?? [];
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        if (Clusters is null) return;
        var clusters = Clusters.ToBytes();
        writer.Write(clusters.Length);
        writer.Write(clusters);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    public static DependencyParser Load(Stream input, string name)
    {
        try
        {
            using var reader = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
            var magic = reader.ReadBytes(Magic.Length);
            var beam = 1;
            if (magic.AsSpan().SequenceEqual(BeamMagic)) beam = reader.ReadInt32();
            else if (!magic.AsSpan().SequenceEqual(Magic)) throw new ModelLoadException($"{name}: not a Crosscheck parser model");
            var parts = new byte[3][];
            for (var i = 0; i < parts.Length; i++)
            {
                var length = reader.ReadInt32();
                if (length is < 0 or > 1 << 30) throw new ModelLoadException($"{name}: corrupt parser model (length {length})");
                parts[i] = reader.ReadBytes(length);
                if (parts[i].Length != length) throw new ModelLoadException($"{name}: truncated parser model");
                if (length == 0 && i < 2) throw new ModelLoadException($"{name}: corrupt parser model (empty part)");
            }
            var transitions = PerceptronModel.Load(new MemoryStream(parts[0]), name);
            var labels = PerceptronModel.Load(new MemoryStream(parts[1]), name);
            var taggerBytes = parts[2];
            WordClusters? clusters = null;
            var rest = new MemoryStream();
            input.CopyTo(rest);
            if (rest.Length > 0)
            {
                rest.Position = 0;
                using var tail = new BinaryReader(rest);
                var length = tail.ReadInt32();
                if (length < 0 || length != rest.Length - 4) throw new ModelLoadException($"{name}: corrupt parser model (word classes)");
                clusters = WordClusters.FromBytes(tail.ReadBytes(length), name);
            }
            var taggerClusters = clusters;
            Lazy<PosTagger>? tagger = taggerBytes.Length == 0 ? null : new(() => new PosTagger(PerceptronModel.Load(new MemoryStream(taggerBytes), name), taggerClusters));
            return new DependencyParser(transitions, labels, tagger, clusters, beam);
        }
        catch (EndOfStreamException)
        {
            throw new ModelLoadException($"{name}: truncated parser model");
        }
        catch (ModelLoadException ex) when (!ex.Message.StartsWith(name, StringComparison.Ordinal))
        {
            throw new ModelLoadException($"{name}: {ex.Message}");
        }
    }

    public static DependencyParser Load(string path)
    {
        if (!File.Exists(path)) throw new ModelLoadException($"{path}: model file not found");
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }
}
