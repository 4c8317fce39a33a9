namespace ExoJobRunner.Core.Jobs;

/// <summary>
/// The code a job runs, with where it came from so diagnostics point at the user's file.
/// </summary>
/// <param name="Language">C# script or PowerShell.</param>
/// <param name="Code">The source text exactly as the engine compiles or parses it.</param>
/// <param name="FilePath">
/// Absolute path of the file the code lives in: the .csx/.ps1 file, or the job's YAML file for an inline body.
/// Relative <c>#load</c> and dot-sourcing resolve against its directory.
/// </param>
/// <param name="IsInline">True when the code was written inside the job's YAML file (<c>csharp:</c> / <c>powershell:</c>).</param>
/// <param name="LineOffset">
/// Lines to add to a 1-based line inside <see cref="Code"/> to get the line in <see cref="FilePath"/>
/// (0 for a file body; for an inline block scalar, the YAML line just before the first code line).
/// </param>
/// <param name="ColumnOffset">
/// Columns to add to a 1-based column inside <see cref="Code"/> (the block scalar's indentation; 0 for a file body).
/// </param>
public sealed record JobBody(
    BodyLanguage Language,
    string Code,
    string FilePath,
    bool IsInline,
    int LineOffset,
    int ColumnOffset)
{
    /// <summary>
    /// Rule severities set by <c>rules:</c> in the job file and under <c>defaults:</c> (the job's entry wins for a rule
    /// named in both); rules not named keep their default severity.
    /// </summary>
    public IReadOnlyList<RuleSeverityOverride> RuleOverrides { get; init; } = [];

    public string Kind => (Language, IsInline) switch
    {
        (BodyLanguage.CSharp, false) => "csx",
        (BodyLanguage.CSharp, true) => "csharp",
        (BodyLanguage.PowerShell, false) => "ps1",
        _ => "powershell",
    };

    /// <summary>Maps a 1-based (line, column) inside <see cref="Code"/> to the user's file.</summary>
    public Diagnostics.SourceLocation MapLocation(int line, int column) =>
        new(FilePath, line + LineOffset, column + ColumnOffset);
}
