using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs check</c> compiles C# bodies against the typed Exchange API generated from the cmdlet manifest, so a
/// misspelled parameter fails the check with the body's file and line, before the job ever runs.
/// </summary>
public sealed class TypedExchangeCheckTests
{
    [Fact]
    public async Task Check_Exits3_AtTheLineOfAMisspelledTypedParameter()
    {
        using var workspace = Workspace.FromFixture("typed-exchange");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "quota-report");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(workspace.PathOf("jobs/quota-report.csx") + "(2,", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("error CS1739", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("'recipientTypeDetail'", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Exits0_ForCorrectTypedCalls()
    {
        using var workspace = Workspace.FromFixture("typed-exchange");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "hide-leavers");

        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
