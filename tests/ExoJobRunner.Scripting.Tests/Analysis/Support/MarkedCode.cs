namespace ExoJobRunner.Scripting.Tests.Analysis.Support;

/// <summary>
/// Test code with the expected position of a finding marked by <see cref="Marker"/>, so a table row shows where the
/// finding belongs instead of a column number to count: <c>var name = ↓Console.ReadLine();</c> is line 1, column 12.
/// </summary>
internal sealed record MarkedCode(string Code, int Line, int Column)
{
    public const char Marker = '↓';

    public static MarkedCode Parse(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var index = marked.IndexOf(Marker, StringComparison.Ordinal);
        if (index < 0 || marked.IndexOf(Marker, index + 1) >= 0)
        {
            throw new ArgumentException($"mark exactly one position with '{Marker}': {marked}", nameof(marked));
        }

        var before = marked[..index];
        var line = before.Count(character => character == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return new MarkedCode(marked.Remove(index, 1), line, column);
    }
}
