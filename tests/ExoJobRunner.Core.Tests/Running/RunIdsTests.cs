using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Tests.Running;

public sealed class RunIdsTests
{
    [Fact]
    public void Create_StartsWithTheUtcStartTime_SoIdsSortByStart()
    {
        var id = RunIds.Create(new DateTimeOffset(2026, 11, 28, 2, 30, 5, TimeSpan.FromHours(1)));

        Assert.Matches("^20261128-013005-[0-9a-f]{6}$", id);
    }

    [Fact]
    public void Create_GivesDifferentIds_ForTheSameSecond()
    {
        var start = DateTimeOffset.UnixEpoch;

        var ids = Enumerable.Range(0, 50).Select(_ => RunIds.Create(start)).ToHashSet();

        Assert.True(ids.Count > 45, "24 random bits make collisions within one second vanishingly rare");
    }
}
