using ExoJobRunner.Core.Configuration.Validation;

namespace ExoJobRunner.Core.Tests.Configuration;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("90s",      90)]
    [InlineData("15m",      900)]
    [InlineData("2h",       7_200)]
    [InlineData("1h30m",    5_400)]
    [InlineData("1d",       86_400)]
    [InlineData("1d2h3m4s", 93_784)]
    [InlineData("0s",       0)]
    public void Parse_ReadsNumbersWithUnits_LargestFirst(string text, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), DurationParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("15 min")]
    [InlineData("m")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData("15M")]
    [InlineData("1w")]
    [InlineData("9999999999s")]
    [InlineData("999999999d")]
    public void Parse_ReturnsNull_ForAnythingElse(string text)
    {
        Assert.Null(DurationParser.Parse(text));
    }
}
