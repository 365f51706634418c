using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>
/// Reads how many were killed and injured from the words around an event: "64 people have been killed",
/// "killing at least 6 civilians", "three people were taken out", "no casualties".
/// </summary>
public sealed class CasualtyFinder
{
    public static readonly CasualtyFinder Default = new();

    /// <summary>Fatalities and injured stated in <paramref name="sentence"/> for the event at <paramref name="trigger"/>.</summary>
    public (CountRange? Killed, CountRange? Injured) Find(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger) => (null, null);
}
