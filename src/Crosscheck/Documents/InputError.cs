namespace Crosscheck.Documents;

/// <summary>Why an input could not be read: one line for the user, naming the input.</summary>
public sealed record InputError(string Input, string Reason)
{
    /// <summary>One line, whatever the name holds: control characters are shown escaped (a newline in a file name cannot forge a line).</summary>
    public override string ToString() => $"{Escape(Input)}: {Escape(Reason)}";

    /// <summary>Control, line and paragraph separator and bidirectional control characters as visible escapes (<c>\n</c>, <c>\u{202E}</c>).</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape)) return text;
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (!NeedsEscape(c)) { sb.Append(c); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{{{(int)c:X4}}}",
            });
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F';
}

/// <summary>Which exceptions stay with the one input that raised them.</summary>
internal static class InputFault
{
    /// <summary>
    /// True for a fault while reading, analyzing or linking one input: the input is named and the others go on. Out
    /// of memory and cancellation belong to the whole run.
    /// </summary>
    public static bool IsOfOneInput(Exception ex) => ex is not (OutOfMemoryException or OperationCanceledException);
}

/// <summary>Thrown inside readers for an expected, user-facing failure; caught at the reader boundary.</summary>
internal sealed class InputRejectedException(string reason) : Exception(reason);
