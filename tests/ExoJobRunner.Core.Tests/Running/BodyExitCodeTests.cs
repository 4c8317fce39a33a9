using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Tests.Running;

/// <summary>A body's own exit code is the run's, unless exojobs owns it or no process can exit with it.</summary>
public sealed class BodyExitCodeTests
{
    [Theory]
    [InlineData(1,    1,  null)]
    [InlineData(9,    9,  null)]
    [InlineData(42,   42, null)]
    [InlineData(255,  255, null)]
    [InlineData(2,    1,  "exit code 2 is exojobs' own (a usage or configuration error)")]
    [InlineData(3,    1,  "exit code 3 is exojobs' own (a body that does not compile)")]
    [InlineData(4,    1,  "exit code 4 is exojobs' own (a timeout)")]
    [InlineData(5,    1,  "exit code 5 is exojobs' own (a failed connection to Exchange Online)")]
    [InlineData(6,    1,  "exit code 6 is exojobs' own (a broken installation)")]
    [InlineData(7,    1,  "exit code 7 is exojobs' own (a run that completed with errors)")]
    [InlineData(8,    1,  "exit code 8 is exojobs' own (an unusable environment)")]
    [InlineData(130,  1,  "exit code 130 is exojobs' own (an interrupted run)")]
    [InlineData(256,  1,  "256 is not a process exit code (0 to 255 on every system)")]
    [InlineData(-1,   1,  "-1 is not a process exit code")]
    public void Map_KeepsAJobsOwnCode_AndTurnsTheOthersInto1_SayingWhy(int requested, int expected, string? reason)
    {
        var (exitCode, why) = BodyExitCode.Map(requested);

        Assert.Equal(expected, exitCode);
        if (reason is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(reason, why, StringComparison.Ordinal);
        }
    }
}
