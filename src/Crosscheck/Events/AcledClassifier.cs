using Crosscheck.Language;

namespace Crosscheck.Events;

/// <summary>Maps an event to the ACLED codebook's event and sub-event type from its PLOVER type, mode and the words around it.</summary>
public sealed class AcledClassifier
{
    public static readonly AcledClassifier Default = new();

    public AcledType? Classify(AnnotatedText text, TokenSpan sentence, TriggerMatch trigger) => trigger.Entry.Type switch
    {
        PloverType.Assault when trigger.Entry.Modes.Contains("drone") || trigger.Entry.Modes.Contains("aerial") =>
            new AcledType("Explosions/Remote violence", "Air/drone strike"),
        PloverType.Assault => new AcledType("Violence against civilians", "Attack"),
        PloverType.Protest => new AcledType("Protests", "Peaceful protest"),
        PloverType.Agree => new AcledType("Strategic developments", "Agreement"),
        PloverType.Coerce when trigger.Entry.Modes.Contains("arrest") => new AcledType("Strategic developments", "Arrests"),
        _ => null,
    };
}
