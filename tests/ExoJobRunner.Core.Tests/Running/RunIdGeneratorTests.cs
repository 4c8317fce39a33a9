using ExoJobRunner.Core.Running;
using Microsoft.Extensions.Time.Testing;

namespace ExoJobRunner.Core.Tests.Running;

public sealed class RunIdGeneratorTests
{
    [Fact]
    public void Next_StartsWithTheClocksUtcSecond_SoIdsSortByStart()
    {
        var generator = new RunIdGenerator(new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 2, 30, 5, TimeSpan.FromHours(1))));

        Assert.Matches("^20261128-013005-[0-9a-f]{6}$", generator.Next());
    }

    [Fact]
    public void Next_NeverRepeatsAnId_WhenThousandsAreIssuedInTheSameSecond()
    {
        var generator = new RunIdGenerator(new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        // 20,000 draws from 2^24 values repeat with a probability of about 99.99 %: only the generator's memory prevents it.
        var ids = Enumerable.Range(0, 20_000).AsParallel().Select(_ => generator.Next()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Next_UsesTheNewSecond_AfterTheClockMoves()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var generator = new RunIdGenerator(clock);
        generator.Next();

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.StartsWith("20260601-120001-", generator.Next(), StringComparison.Ordinal);
    }
}
