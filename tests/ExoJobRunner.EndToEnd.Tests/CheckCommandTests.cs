using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs check</c>: diagnostics point at the right file, line and column.</summary>
public sealed class CheckCommandTests
{
    [Theory]
    [InlineData("broken-load",       "jobs/lib/bad-helper.csx(3,34): error CS0103")]
    [InlineData("broken-inline",     "jobs/broken-inline.yaml(5,14): error CS0029")]
    [InlineData("broken-powershell", "jobs/broken-powershell.yaml(")]
    public async Task Check_Exits3_AndLocatesTheError(string job, string expectedLine)
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", job);

        Assert.True(result.ExitCode == 3, result.ToString());
        var expected = Path.Combine(workspace.Directory, expectedLine.Replace('/', Path.DirectorySeparatorChar));
        Assert.Contains(expected, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsTheMissingBraceOfAnInlinePowerShellBody_AtItsYamlLine()
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "broken-powershell");

        Assert.Matches(@"broken-powershell\.yaml\((3|4),\d+\): error MissingEndCurlyBrace", result.StandardOutput);
    }

    [Fact]
    public async Task Check_Exits0_WhenEveryBodyCompiles()
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("error(s)", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf(".exojobs/runs")), "check must not run anything");
    }

    [Fact]
    public async Task Check_ReportsEveryBrokenJob_WhenNoJobIsNamed()
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("bad-helper.csx(3,34)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("broken-inline.yaml(5,14)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("broken-powershell.yaml(", result.StandardOutput, StringComparison.Ordinal);
    }
}
