namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>A filter that doesn't parse; <see cref="Position"/> is where the parser gave up (1-based).</summary>
internal sealed class OpathSyntaxException : Exception
{
    public OpathSyntaxException(int position)
        : base("Invalid filter syntax.")
    {
        Position = position;
    }

    public int Position { get; }
}
