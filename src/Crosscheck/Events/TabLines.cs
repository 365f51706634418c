namespace Crosscheck.Events;

/// <summary>The lines of a tab-separated data file that hold something: '#' starts a comment, blank lines are skipped; each with its 1-based number.</summary>
internal static class TabLines
{
    public static IEnumerable<(int Number, string[] Fields)> Of(string content)
    {
        var number = 0;
        foreach (var raw in content.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0) continue;
            yield return (number, line.Split('\t'));
        }
    }
}
