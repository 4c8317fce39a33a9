namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Why a fault spec can't be read, and where: <see cref="Offset"/> and <see cref="Length"/> mark the offending text in the
/// spec as given (0-based), so a caller that knows where the spec sits in a file can point at the exact column.
/// </summary>
/// <param name="Message">The whole explanation: which entry, what is wrong, what to write instead.</param>
/// <param name="Offset">Where the offending text starts in the spec.</param>
/// <param name="Length">How long the offending text is (at least 1, unless the spec is empty there).</param>
public sealed record SandboxFaultSpecError(string Message, int Offset, int Length)
{
    public override string ToString() => Message;
}
