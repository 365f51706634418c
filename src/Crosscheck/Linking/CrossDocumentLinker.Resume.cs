namespace Crosscheck.Linking;

/// <summary>
/// Resuming from a store (<c>RecordLoader.Open</c>): the counters, the held documents with their stored ranks and
/// vectors, the documents of open stories for their stories only, then linking goes on as if the run had never ended.
/// </summary>
public sealed partial class CrossDocumentLinker
{
    // Set between Resume and Resumed: held documents come back as they were, and nothing closes meanwhile.
    private bool _restoring;
    private IReadOnlyDictionary<string, (int Rank, int Start, bool Mention)> _archivedAtResume = new Dictionary<string, (int, int, bool)>();
    private IReadOnlyDictionary<string, string?> _takenBackAtResume = new Dictionary<string, string?>();

    /// <summary>
    /// Starts an empty linker from a store's state: then the documents it held when the last run ended are added back
    /// in rank order, each with its stored assignment (rank, vector, incidents), and <see cref="Resumed"/> ends it. Start-up
    /// reads only those documents, however large the record in the archive.
    /// </summary>
    public void Resume(LinkResume state, Func<string, int> storedFrequency, Func<IReadOnlyCollection<string>, IReadOnlyDictionary<string, int>>? storedFrequencies = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_archive is null) throw new InvalidOperationException("only a linker with an archive resumes");
        if (_added != 0) throw new InvalidOperationException("only an empty linker resumes");
        _stories.Resume(state.Documents, state.StartedStories);
        _stories.StoredFrequency = storedFrequency;
        _stories.StoredFrequencies = storedFrequencies;
        _nextRank = state.NextRank;
        _added = state.Documents;
        _archivedAtResume = state.ArchivedIncidents;
        _takenBackAtResume = state.TakenBack;
        _restoring = true;
    }

    /// <summary>
    /// Puts back a document of an open story whose facts are archived (none of its events in a held incident): it counts
    /// in its story again (members, vector, names), nothing else. In rank order with the held documents.
    /// </summary>
    public void RestoreStoryMember(DocumentFacts document, DocumentAssignment stored)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(stored);
        if (!_restoring || stored.Vector is null) throw new InvalidOperationException("a story member is restored only while resuming, with its stored vector");
        if (document.Published is { } published && (_today is not { } today || published > today)) _today = published;
        _stories.Add(document, stored.Story, stored.Vector);
        _stories.Forget(document.Id);
    }

    /// <summary>The held documents are back: linking goes on as if the run had never ended.</summary>
    public void Resumed()
    {
        _restoring = false;
        _closedOn = _today;
        // A held document whose events all sit in archived incidents leaves at the next closing.
        _awaiting.UnionWith(_documents.Keys);
        _archivedAtResume = new Dictionary<string, (int, int, bool)>();
        _takenBackAtResume = new Dictionary<string, string?>();
    }

    /// <summary>The rank the next document gets.</summary>
    public int NextRank => _nextRank;

    /// <summary>How many stories were ever started.</summary>
    public int StartedStories => _stories.Started;

    /// <summary>The document frequencies the story clusterer holds (a store writes them after rebuilding the record).</summary>
    public IReadOnlyDictionary<string, int> Frequencies => _stories.Frequencies;
}
