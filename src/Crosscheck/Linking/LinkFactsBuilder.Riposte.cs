using Crosscheck.Events;
using Crosscheck.Language;

namespace Crosscheck.Linking;

/// <summary>The forces' answer to a report's attack (<see cref="EventFacts.Riposte"/>), from <c>@riposte-*</c> of link-words.txt.</summary>
public static partial class LinkFactsBuilder
{
    /// <summary>
    /// "Troops repelled the raid and killed 30 insurgents in the pursuit", "the army killed 12 of the attackers": an attack of
    /// fact whose dead are the armed group's men (the words of its killed count name them) in a sentence that tells the
    /// forces' answer (a counter-offensive, a rescue, a repelled attack), or that names them as the attack's own attackers.
    /// </summary>
    private static bool Riposte(AnnotatedText text, EventMention e, RangeFacts? killed)
    {
        if (e.Type != PloverType.Assault || killed is null || e.Trigger.Length == 0) return false;
        var words = killed.Text.Split([' ', ',', '"', '\u201c', '\u201d'], StringSplitOptions.RemoveEmptyEntries);
        var enemies = words.Where(RiposteEnemies.Contains).ToList();
        if (enemies.Exists(RiposteOwn.Contains)) return true;
        var sentence = text.SentenceOf(e.Trigger.StartToken);
        // "killed four of the attackers": the count's own words stop at its number.
        for (var i = sentence.StartToken + 2; i < sentence.EndToken; i++)
        {
            if (RiposteOwn.Contains(text.WordOf(i)) && text.WordOf(i - 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                && text.WordOf(i - 2).Equals("of", StringComparison.OrdinalIgnoreCase)) return true;
        }
        if (enemies.Count == 0) return false;
        for (var i = sentence.StartToken; i < sentence.EndToken; i++)
        {
            if (RiposteCues.Contains(text.WordOf(i))) return true;
        }
        return false;
    }
}
