using ExoJobRunner.Sandbox.Faults;

namespace ExoJobRunner.Sandbox.Tests.Faults;

public sealed class SandboxFaultSpecTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("429:0.1", "429:0.1:1000ms")]
    [InlineData("429:0.1:3s", "429:0.1:3000ms")]
    [InlineData("429-no-retry-after:0.1", "429-no-retry-after:0.1")]
    [InlineData("500:0.05,502:0.05,503:0.05,504:0.05", "500:0.05,502:0.05,503:0.05,504:0.05")]
    [InlineData("slow:0.1", "slow:0.1:2000ms")]
    [InlineData("slow:0.1:1500ms", "slow:0.1:1500ms")]
    [InlineData("SLOW:0.1:0.5m", "slow:0.1:30000ms")]
    [InlineData("reset:0.1,stall:0.1", "reset:0.1,stall:0.1:600000ms")]
    [InlineData("stall:0.1:45s", "stall:0.1:45000ms")]
    [InlineData(" drop:0.05 , revoke:0.01 ", "drop:0.05,revoke:0.01")]
    [InlineData("token:30s", "token:30000ms")]
    [InlineData("budget:100/10s", "budget:100/10000ms")]
    [InlineData("budget: 5 / 1m ,token:2m,503:0.1", "503:0.1,token:120000ms,budget:5/60000ms")]
    [InlineData("429:0.1,503:0.05,slow:0.1:2s,drop:0.05,revoke:0.01", "429:0.1:1000ms,503:0.05,slow:0.1:2000ms,drop:0.05,revoke:0.01")]
    [InlineData("503:0.5,429:0.5", "503:0.5,429:0.5:1000ms")]
    public void Parse_ReadsEveryEntry_AndPrintsCanonically(string text, string canonical)
    {
        var spec = SandboxFaultSpec.Parse(text);

        Assert.Equal(canonical, spec.ToString());
        Assert.Equal(canonical, SandboxFaultSpec.Parse(spec.ToString()).ToString());
    }

    [Fact]
    public void Parse_GivesDurationsSharesLifetimeAndBudget()
    {
        var spec = SandboxFaultSpec.Parse("429:0.25:2s,slow:0.5:750ms,drop:0.1,stall:0.1:3s,token:30s,budget:20/5s");

        Assert.Equal(
            [
                new SandboxFault(SandboxFaultKind.Throttled, 0.25, TimeSpan.FromSeconds(2)),
                new SandboxFault(SandboxFaultKind.Slow, 0.5, TimeSpan.FromMilliseconds(750)),
                new SandboxFault(SandboxFaultKind.Dropped, 0.1, TimeSpan.Zero),
                new SandboxFault(SandboxFaultKind.Stalled, 0.1, TimeSpan.FromSeconds(3)),
            ],
            spec.Faults);
        Assert.Equal(TimeSpan.FromSeconds(30), spec.TokenLifetime);
        Assert.Equal(new SandboxThrottlingBudget(20, TimeSpan.FromSeconds(5)), spec.Budget);
        Assert.Null(SandboxFaultSpec.None.TokenLifetime);
        Assert.Null(SandboxFaultSpec.None.Budget);
    }

    [Fact]
    public void EveryFaultKind_HasOneEntryName()
    {
        var names = Enum.GetValues<SandboxFaultKind>().Select(SandboxFaultSpec.NameOf).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), SandboxFaultSpec.KindNames.Order(StringComparer.Ordinal));
        Assert.All(names, name => Assert.Single(SandboxFaultSpec.Parse(name + ":0.5").Faults));
    }

    /// <summary>
    /// Each refusal names the entry and the fix, and marks the offending text: <c>^</c> under the spec shows where the
    /// error's offset and length point.
    /// </summary>
    [Theory]
    [InlineData("timeout:0.1",                "^^^^^^^",             "entry 1 ('timeout:0.1'): unknown fault 'timeout'; expected one of 429, 429-no-retry-after, 500, 502, 503, 504, slow, reset, drop, stall, revoke, token, budget")]
    [InlineData("503:0.1, stal:0.2",          "         ^^^^",       "entry 2 ('stal:0.2'): unknown fault 'stal'; did you mean 'stall'?")]
    [InlineData("429",                        "^^^",                 "entry 1 ('429'): write it as 429:share[:duration]")]
    [InlineData("503:0.1,drop:lots",          "             ^^^^",   "entry 2 ('drop:lots'): the share 'lots' must be a number from 0 to 1")]
    [InlineData("503:1.5",                    "    ^^^",             "the share '1.5' must be a number from 0 to 1")]
    [InlineData("503:-0.1",                   "    ^^^^",            "the share '-0.1' must be a number from 0 to 1")]
    [InlineData("503:0.1:2s",                 "        ^^",          "'503' takes no duration")]
    [InlineData("slow:0.1:fast",              "         ^^^^",       "the duration 'fast' must be a positive number with a unit")]
    [InlineData("slow:0.1:2",                 "         ^",          "the duration '2' must be a positive number with a unit")]
    [InlineData("stall:0.1:2h",               "          ^^",        "the duration '2h' must be a positive number with a unit, at most an hour")]
    [InlineData("429:0.1:1500ms",             "        ^^^^^^",      "Retry-After is sent in whole seconds")]
    [InlineData("503:0.1,503:0.2",            "        ^^^^^^^",     "entry 2 ('503:0.2'): fault '503' is already given")]
    [InlineData("503:0.1,,drop:0.1",          "        ^",           "entry 2 (''): is empty; remove the extra comma")]
    [InlineData("503:0.1,",                   "        ",            "entry 2 (''): is empty")]
    [InlineData("token",                      "^^^^^",               "write it as token:lifetime, e.g. token:30s")]
    [InlineData("token:0.5s",                 "      ^^^^",          "the lifetime '0.5s' must be a duration from 1s to an hour")]
    [InlineData("token:30s,token:1m",         "          ^^^^^^^^",  "'token' is already given")]
    [InlineData("budget:100",                 "^^^^^^^^^^",          "write it as budget:requests/window, e.g. budget:100/10s")]
    [InlineData("budget:lots/10s",            "       ^^^^",         "the request count 'lots' must be a whole number from 1 to 1,000,000")]
    [InlineData("budget:0/10s",               "       ^",            "the request count '0' must be a whole number")]
    [InlineData("budget:10/soon",             "          ^^^^",      "the window 'soon' must be a duration up to an hour")]
    [InlineData("503:0.6,429:0.6",            "^^^^^^^^^^^^^^^",     "the shares add up to 1.2")]
    public void TryParse_RefusesBadSpecs_NamingTheEntryTheFixAndWhereItIs(string text, string marker, string message)
    {
        var failure = Assert.Throws<FormatException>(() => SandboxFaultSpec.Parse(text));

        Assert.False(SandboxFaultSpec.TryParse(text, out var spec, out var error));
        Assert.Same(SandboxFaultSpec.None, spec);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(failure.Message, error.Message);
        Assert.Equal(marker, new string(' ', error.Offset) + new string('^', error.Length));
    }
}
