using System.Diagnostics;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// Configuration that used to pass <c>check</c> and then fail, hang or leak: every case is a located error at
/// <c>check</c> and <c>list</c>, exit code 2, and no word of a file outside the configuration folder is printed.
/// </summary>
public sealed class UnsafeConfigurationTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("list")]
    public async Task UnsafeConfiguration_Exits2_WithALocatedErrorForEveryCase(string verb)
    {
        using var workspace = Workspace.FromFixture("unsafe-config");
        MakeFifo(workspace.PathOf("jobs/pipe.yaml"));
        File.CreateSymbolicLink(workspace.PathOf("jobs/linked-out.yaml"), "/etc/passwd");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, verb);

        Assert.True(result.ExitCode == 2, result.ToString());
        var jobs = workspace.PathOf("jobs");
        string[] expected =
        [
            $"{workspace.PathOf("exojobs.yaml")}(5,38): error EXOCFG034: 'faults' is not a fault spec: ",
            $"{jobs}/empty-body.yaml(2,1): error EXOCFG035: 'powershell' holds no code",
            $"{jobs}/linked-out.yaml(1,1): error EXOCFG039: job file '{jobs}/linked-out.yaml' (it leads to '/etc/passwd') is outside the folder of exojobs.yaml",
            $"{jobs}/loads-passwd.csx(2,1): error EXOCFG039: #load'ed file '/etc/passwd' is outside the folder of exojobs.yaml",
            $"{jobs}/long-timeout.yaml(1,10): error EXOCFG027: 'timeout' is '60d', longer than the 24d a run can wait",
            $"{jobs}/never-fires.yaml(1,11): error EXOCFG036: 'schedule' '0 0 30 2 *' never fires",
            $"{jobs}/pipe.yaml(1,1): error EXOCFG037: job file '{jobs}/pipe.yaml' is a FIFO (named pipe), not a regular file; it was not read",
            $"{jobs}/reads-shadow.yaml(1,1): error EXOCFG039: body file '/etc/shadow' is outside the folder of exojobs.yaml",
            $"{jobs}/sources-passwd.ps1(2,3): error EXOCFG039: dot-sourced file '/etc/passwd' is outside the folder of exojobs.yaml",
        ];
        var lines = result.StandardError.Split('\n', StringSplitOptions.TrimEntries);
        foreach (var line in expected)
        {
            Assert.True(lines.Any(printed => printed.StartsWith(line, StringComparison.Ordinal)), $"missing: {line}\n{result}");
        }

        Assert.Contains("exojobs: the configuration has 9 error(s); nothing was run.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x:0", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("list")]
    [InlineData("run", "hello")]
    public async Task UnclosedFlowMapping_Exits2_AtTheOpeningBrace(params string[] arguments)
    {
        using var workspace = Workspace.FromFixture("unclosed-flow");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith(
            $"{workspace.PathOf("exojobs.yaml")}(5,14): error EXOCFG003: YAML syntax error: the '{{' here is never closed",
            result.StandardError,
            StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.AllOutput, StringComparison.Ordinal);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
