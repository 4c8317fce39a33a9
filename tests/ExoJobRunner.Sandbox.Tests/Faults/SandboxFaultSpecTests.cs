using ExoJobRunner.Sandbox.Faults;

namespace ExoJobRunner.Sandbox.Tests.Faults;

public sealed class SandboxFaultSpecTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("429:0.1", "429:0.1:1000ms")]
    [InlineData("429:0.1:3s", "429:0.1:3000ms")]
    [InlineData("503:0.05", "503:0.05")]
    [InlineData("slow:0.1", "slow:0.1:2000ms")]
    [InlineData("slow:0.1:1500ms", "slow:0.1:1500ms")]
    [InlineData("SLOW:0.1:0.5m", "slow:0.1:30000ms")]
    [InlineData(" drop:0.05 , revoke:0.01 ", "drop:0.05,revoke:0.01")]
    [InlineData("429:0.1,503:0.05,slow:0.1:2s,drop:0.05,revoke:0.01", "429:0.1:1000ms,503:0.05,slow:0.1:2000ms,drop:0.05,revoke:0.01")]
    [InlineData("503:0.5,429:0.5", "503:0.5,429:0.5:1000ms")]
    public void Parse_ReadsEveryFaultKind_AndPrintsCanonically(string text, string canonical)
    {
        var spec = SandboxFaultSpec.Parse(text);

        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(canonical, SandboxFaultSpec.Parse(spec.ToString()).ToString());
    }

    [Fact]
    public void Parse_GivesDurationsAndShares()
    {
        var spec = SandboxFaultSpec.Parse("429:0.25:2s,slow:0.5:750ms,drop:0.1");

        Assert.Equal(
            [
                new SandboxFault(SandboxFaultKind.Throttled, 0.25, TimeSpan.FromSeconds(2)),
                new SandboxFault(SandboxFaultKind.Slow, 0.5, TimeSpan.FromMilliseconds(750)),
                new SandboxFault(SandboxFaultKind.Dropped, 0.1, TimeSpan.Zero),
            ],
            spec.Faults);
    }

    [Theory]
    [InlineData("timeout:0.1", "entry 1 ('timeout:0.1'): unknown fault 'timeout'; expected one of 429, 503, slow, drop, revoke")]
    [InlineData("429", "entry 1 ('429'): write it as 429:share[:duration]")]
    [InlineData("503:0.1,drop:lots", "entry 2 ('drop:lots'): the share 'lots' must be a number from 0 to 1")]
    [InlineData("503:1.5", "the share '1.5' must be a number from 0 to 1")]
    [InlineData("503:-0.1", "the share '-0.1' must be a number from 0 to 1")]
    [InlineData("503:0.1:2s", "'503' takes no duration")]
    [InlineData("slow:0.1:fast", "the duration 'fast' must be a positive number with a unit")]
    [InlineData("slow:0.1:2", "the duration '2' must be a positive number with a unit")]
    [InlineData("slow:0.1:2h", "the duration '2h' must be a positive number with a unit")]
    [InlineData("429:0.1:1500ms", "Retry-After is sent in whole seconds")]
    [InlineData("503:0.1,503:0.2", "entry 2 ('503:0.2'): fault '503' is already given")]
    [InlineData("503:0.6,429:0.6", "the shares add up to 1.2")]
    public void Parse_RefusesBadSpecs_NamingTheEntryAndTheFix(string text, string message)
    {
        var failure = Assert.Throws<FormatException>(() => SandboxFaultSpec.Parse(text));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.False(SandboxFaultSpec.TryParse(text, out var spec, out var error));
        Assert.Same(SandboxFaultSpec.None, spec);
        Assert.Equal(failure.Message, error);
    }
}
