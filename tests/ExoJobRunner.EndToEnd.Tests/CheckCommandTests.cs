using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs check</c>: diagnostics point at the right file, line and column.</summary>
public sealed class CheckCommandTests
{
    [Theory]
    [InlineData("broken-load",       "jobs/lib/bad-helper.csx(3,34): error CS0103: The name 'undefinedVariable' does not exist in the current context")]
    [InlineData("broken-inline",     "jobs/broken-inline.yaml(5,14): error CS0029: Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("broken-powershell", "jobs/broken-powershell.yaml(3,14): error MissingEndCurlyBrace: Missing closing '}' in statement block or type definition.")]
    public async Task Check_Exits3_AndLocatesTheError(string job, string expectedLine)
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", job);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal([InWorkspace(workspace, expectedLine)], Lines(result.StandardOutput));
        Assert.Equal(["Checked 1 job(s): 1 error(s), 0 warning(s)."], Lines(result.StandardError));
    }

    [Fact]
    public async Task Check_Exits0_WhenEveryBodyCompiles_ReportingWarningsOnly()
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(Lines(result.StandardOutput));
        Assert.StartsWith(InWorkspace(workspace, "jobs/timeout-ignores-cancellation.yaml(4,3): warning EXO0004: Thread.Sleep cannot be interrupted"), warning, StringComparison.Ordinal);
        Assert.Equal(["Checked 10 job(s): 0 error(s), 1 warning(s)."], Lines(result.StandardError));
        Assert.False(Directory.Exists(workspace.PathOf(".exojobs/runs")), "check must not run anything");
    }

    [Fact]
    public async Task Check_ReportsEveryBrokenJob_WhenNoJobIsNamed()
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check");

        // One line per error, in the order of the jobs' names.
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(
            [
                InWorkspace(workspace, "jobs/broken-inline.yaml(5,14): error CS0029: Cannot implicitly convert type 'string' to 'int'"),
                InWorkspace(workspace, "jobs/lib/bad-helper.csx(3,34): error CS0103: The name 'undefinedVariable' does not exist in the current context"),
                InWorkspace(workspace, "jobs/broken-powershell.yaml(3,14): error MissingEndCurlyBrace: Missing closing '}' in statement block or type definition."),
            ],
            Lines(result.StandardOutput));
        Assert.Equal(["Checked 3 job(s): 3 error(s), 0 warning(s)."], Lines(result.StandardError));
    }

    /// <summary>A diagnostic line as printed: the file's full path in the workspace, with the platform's separators.</summary>
    private static string InWorkspace(Workspace workspace, string line)
    {
        var file = line[..line.IndexOf('(', StringComparison.Ordinal)];
        return Path.Combine(workspace.Directory, file.Replace('/', Path.DirectorySeparatorChar)) + line[file.Length..];
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
