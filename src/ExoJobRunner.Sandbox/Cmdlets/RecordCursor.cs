namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// Where a page starts: <see cref="Position"/> in the cmdlet's source list (not counting filtered-out objects, so a page
/// never rescans what earlier pages passed over) and how many objects earlier pages returned (for <c>-ResultSize</c>).
/// </summary>
internal readonly record struct RecordCursor(int Position, int Emitted)
{
    public static readonly RecordCursor Start = new(0, 0);
}
