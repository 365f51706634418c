using Crosscheck.Language;

namespace Crosscheck.Events;

// Which wounded a follow-up may count among the dead (the victims named among them), and the words that call an article's violence fatal.
public sealed partial class CasualtyFinder
{
    /// <summary>"deadly shooting", "fatal Christmas Day shooting": an event noun within three words after the adjective.</summary>
    private static bool FatalNounAfter(AnnotatedText text, int adjective)
    {
        for (var j = adjective + 1; j < Math.Min(text.Count, adjective + 4); j++)
        {
            if (text.WordOf(j) is "shooting" or "shootings" or "stabbing" or "attack" or "incident" or "shootout" or "gunfire" or "encounter" or "confrontation") return true;
            if (text.PosOf(j) is not ("NNP" or "NN" or "JJ")) return false;
        }
        return false;
    }

    /// <summary>A word that says the article's violence killed someone: "murder" (not "attempted"), "homicide", "fatal", "deadly", "shooting death", "murder-suicide".</summary>
    private static TokenSpan? FatalWord(AnnotatedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var w = text.WordOf(i);
            var fatal = w.Equals("homicide", StringComparison.OrdinalIgnoreCase) || w.Equals("murder-suicide", StringComparison.OrdinalIgnoreCase)
                || w.Equals("murder", StringComparison.OrdinalIgnoreCase)
                // "a deadly shooting", not "a deadly weapon" or "deadly force"
                || (w.Equals("fatal", StringComparison.OrdinalIgnoreCase) || w.Equals("deadly", StringComparison.OrdinalIgnoreCase))
                    && FatalNounAfter(text, i)
                || (w.Equals("death", StringComparison.OrdinalIgnoreCase) && i > 0 && text.WordOf(i - 1).Equals("shooting", StringComparison.OrdinalIgnoreCase));
            if (!fatal) continue;
            var previous = i > 0 ? text.WordOf(i - 1).Replace("\u00AD", "", StringComparison.Ordinal) : "";
            if (previous.Equals("attempted", StringComparison.OrdinalIgnoreCase) || previous.Equals("non", StringComparison.OrdinalIgnoreCase) || previous.Equals("not", StringComparison.OrdinalIgnoreCase)) continue;
            var segment = text.SegmentKindAt(text.Span(i, i + 1).Start);
            if (segment is Documents.SegmentKind.Comment or Documents.SegmentKind.Boilerplate) continue;
            return text.Span(i, i + 1);
        }
        return null;
    }

    /// <summary>A proper noun that no entity of another type than a person covers.</summary>
    private static bool NameToken(AnnotatedText text, int token)
    {
        if (text.PosOf(token) is not ("NNP" or "NNPS") || text.WordOf(token).Length < 2) return false;
        if (text.EntityAt(token) is { } m) return m.Type == EntityType.Person;
        return true;
    }

    /// <summary>Whether every victim the statement names is a single person named among the dead.</summary>
    private static bool NamesTheDead(AnnotatedText text, Statement s, HashSet<string> deadNames)
    {
        if (deadNames.Count == 0 || s.Max != 1) return false;
        var named = false;
        for (var t = s.VictimStart; t < s.VictimEnd; t++)
        {
            if (!NameToken(text, t)) continue;
            if (!deadNames.Contains(text.WordOf(t))) return false;
            named = true;
        }
        return named;
    }
}
