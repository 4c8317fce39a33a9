using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>Configuration errors: every one reported at once, MSBuild-style, exit code 2, nothing run.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("run", "typo")]
    [InlineData("list")]
    [InlineData("check")]
    public async Task EveryVerb_Exits2_AndReportsEveryProblem(params string[] arguments)
    {
        using var workspace = Workspace.FromFixture("bad-config");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        var typo = Path.Combine(workspace.Directory, "jobs", "typo.yaml");
        var zone = Path.Combine(workspace.Directory, "jobs", "bad-zone.yaml");
        var bodies = Path.Combine(workspace.Directory, "jobs", "two-bodies.yaml");
        Assert.Contains($"{typo}(2,1): error EXOCFG", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("did you mean 'schedule'", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"{zone}(1,11): error EXOCFG", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", result.StandardError, StringComparison.Ordinal);
        Assert.Contains($"{bodies}(", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf(".exojobs/runs")), "nothing may run when the configuration has errors");
    }
}
