namespace Crosscheck.Language.Tagging;

/// <summary>
/// The final weights of an averaged perceptron kept with lazy averaging (a running total per cell, brought up to date
/// from the instance of its last change): each row's averages, tiny ones set to zero, rows left all zero dropped.
/// Shared by the tagger's trainer and the parser's growing weights.
/// </summary>
internal static class AveragedRows
{
    public static (ulong[] Ids, float[] Weights) Collect(IEnumerable<(int Row, ulong Id)> rows, int classes,
        double[] totals, int[] stamps, float[] current, int instances, float pruneBelow)
    {
        var keptIds = new List<ulong>();
        var kept = new List<float>();
        var row = new float[classes];
        foreach (var (r, id) in rows)
        {
            var any = false;
            for (var c = 0; c < classes; c++)
            {
                var cell = r * classes + c;
                var total = totals[cell] + (double)(instances - stamps[cell]) * current[cell];
                var average = instances == 0 ? 0f : (float)(total / instances);
                row[c] = Math.Abs(average) < pruneBelow ? 0f : average;
                any |= row[c] != 0;
            }
            if (!any) continue;
            keptIds.Add(id);
            kept.AddRange(row);
        }
        return ([.. keptIds], [.. kept]);
    }
}
