namespace ExoJobRunner.Core.Diagnostics;

/// <summary>A position in a user's file. Line and column are 1-based, as editors and MSBuild show them.</summary>
public sealed record SourceLocation(string FilePath, int Line, int Column)
{
    public override string ToString() => $"{FilePath}({Line},{Column})";
}
