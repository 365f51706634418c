using System.Collections.Immutable;
using Crosscheck.Documents;

namespace Crosscheck.Language;

/// <summary>What a component needs before it runs and what it sets.</summary>
[Flags]
public enum Annotations
{
    None = 0,
    Tokens = 1 << 0,
    Sentences = 1 << 1,
    PartsOfSpeech = 1 << 2,
    EntityTags = 1 << 3,
    Entities = 1 << 4,
    Numbers = 1 << 5,
    Times = 1 << 6,
    Coreference = 1 << 7,
    /// <summary>Raw gazetteer matches (<see cref="AnnotatedText.GazetteerMatches"/>).</summary>
    Gazetteer = 1 << 8,
    /// <summary>Each token's dependency head and relation (<see cref="Token.Head"/>, <see cref="Token.Relation"/>).</summary>
    Syntax = 1 << 9,
}

/// <summary>One step of the language pipeline. Components are stateless after construction and thread-safe.</summary>
public interface IPipelineComponent
{
    /// <summary>A short name, unique in a pipeline ("sentences", "tagger").</summary>
    string Name { get; }

    /// <summary>What must be set before this component runs.</summary>
    Annotations Requires { get; }

    /// <summary>What this component sets.</summary>
    Annotations Sets { get; }

    void Process(AnnotatedText text);
}

/// <summary>A pipeline that cannot be built as asked: a missing requirement or a duplicate name.</summary>
public sealed class PipelineException(string message) : Exception(message);

/// <summary>
/// Builds a <see cref="LanguagePipeline"/> once, after Markdig's pipeline builder: add components in order,
/// insert before or after others, and <see cref="Build"/> checks that every requirement is set by an earlier step.
/// </summary>
public sealed class LanguagePipelineBuilder
{
    private readonly List<IPipelineComponent> _components = [];

    public IReadOnlyList<IPipelineComponent> Components => _components;

    public LanguagePipelineBuilder Add(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    public LanguagePipelineBuilder InsertBefore<T>(IPipelineComponent component) where T : IPipelineComponent
    {
        ArgumentNullException.ThrowIfNull(component);
        var at = _components.FindIndex(c => c is T);
        if (at < 0) throw new PipelineException($"Cannot insert '{component.Name}' before {typeof(T).Name}: the pipeline has none.");
        _components.Insert(at, component);
        return this;
    }

    public LanguagePipelineBuilder InsertAfter<T>(IPipelineComponent component) where T : IPipelineComponent
    {
        ArgumentNullException.ThrowIfNull(component);
        var at = _components.FindLastIndex(c => c is T);
        if (at < 0) throw new PipelineException($"Cannot insert '{component.Name}' after {typeof(T).Name}: the pipeline has none.");
        _components.Insert(at + 1, component);
        return this;
    }

    /// <summary>Puts <paramref name="component"/> where the components of type <typeparamref name="T"/> are.</summary>
    public LanguagePipelineBuilder Replace<T>(IPipelineComponent component) where T : IPipelineComponent
    {
        ArgumentNullException.ThrowIfNull(component);
        var at = _components.FindIndex(c => c is T);
        if (at < 0) throw new PipelineException($"Cannot replace {typeof(T).Name} with '{component.Name}': the pipeline has none.");
        _components.RemoveAll(c => c is T);
        _components.Insert(at, component);
        return this;
    }

    public LanguagePipelineBuilder Remove<T>() where T : IPipelineComponent
    {
        _components.RemoveAll(c => c is T);
        return this;
    }

    /// <summary>Checks the order and freezes it. Throws <see cref="PipelineException"/> naming the first problem.</summary>
    public LanguagePipeline Build()
    {
        var set = Annotations.Tokens;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _components)
        {
            if (!names.Add(c.Name)) throw new PipelineException($"Two components are named '{c.Name}'.");
            var missing = c.Requires & ~set;
            if (missing != Annotations.None)
                throw new PipelineException($"'{c.Name}' needs {missing}, which no earlier component sets.");
            set |= c.Sets;
        }
        return new LanguagePipeline([.. _components], set);
    }
}

/// <summary>An immutable, validated sequence of components; build once, reuse for every text and thread.</summary>
public sealed class LanguagePipeline
{
    private readonly Tokenizer _tokenizer = Tokenizer.Default;

    internal LanguagePipeline(ImmutableArray<IPipelineComponent> components, Annotations provides)
    {
        Components = components;
        Provides = provides;
    }

    public ImmutableArray<IPipelineComponent> Components { get; }

    /// <summary>Everything a text carries after this pipeline ran.</summary>
    public Annotations Provides { get; }

    /// <summary>Tokenizes <paramref name="document"/>'s text and runs every component over it.</summary>
    public AnnotatedText Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(_tokenizer.Tokenize(document.Text, document.Segments, Anchor(document.Text, document.Metadata.Published)));
    }

    /// <summary>Runs the pipeline over plain text with no segments.</summary>
    public AnnotatedText Process(string text, DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Run(_tokenizer.Tokenize(text, ImmutableArray<Segment>.Empty, Anchor(text, published)));
    }

    /// <summary>
    /// The day relative times count from: the day the story was written, which is a wire dateline's day when a copy ran
    /// days later (<see cref="PublicationDates.WrittenBefore"/>), else publication.
    /// </summary>
    private static DateOnly? Anchor(string text, DateOnly? published) =>
        published is { } p ? PublicationDates.WrittenBefore(text, p) ?? p : null;

    private AnnotatedText Run(AnnotatedText text)
    {
        foreach (var c in Components)
        {
            c.Process(text);
            text.Done |= c.Sets;
        }
        return text;
    }
}
