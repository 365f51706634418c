namespace Crosscheck.Documents;

/// <summary>Why an input could not be read: one line for the user, naming the input.</summary>
public sealed record InputError(string Input, string Reason)
{
    public override string ToString() => $"{Input}: {Reason}";
}

/// <summary>Thrown inside readers for an expected, user-facing failure; caught at the reader boundary.</summary>
internal sealed class InputRejectedException(string reason) : Exception(reason);
