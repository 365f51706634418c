namespace Crosscheck.Tests;

/// <summary>
/// Tests that hold a process to a time (a server shows a document within 5 s; a page answers within 2 s while a slow
/// search runs): they run on their own, after the others, so two busy cores shared with the whole suite do not decide
/// the outcome.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "timed";
}
