using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Exchange.Tests.Cmdlets;

public sealed class ResultSizeTests
{
    [Theory]
    [InlineData("Unlimited", null)]
    [InlineData("unlimited", null)]
    [InlineData(" 500 ", 500)]
    [InlineData("1", 1)]
    public void Parse_ReadsUnlimitedOrAPositiveCount(string text, int? count)
    {
        var size = ResultSize.Parse(text);

        Assert.Equal(count, size.Count);
        Assert.Equal(count is null, size.IsUnlimited);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("")]
    public void Parse_RefusesAnythingElse_SayingWhatIsAccepted(string text)
    {
        var error = Assert.Throws<FormatException>(() => ResultSize.Parse(text));

        Assert.Contains("use Unlimited or a whole number from 1 to 2147483647", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ImplicitConversion_RefusesACountBelowOne(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (ResultSize)count);
    }

    [Fact]
    public void ToParameterValue_IsTheTextUnlimited_OrTheCountAsANumber()
    {
        ResultSize hundred = 100;

        Assert.Equal("Unlimited", ResultSize.Unlimited.ToParameterValue());
        Assert.Equal(100, hundred.ToParameterValue());
        Assert.Equal(ResultSize.Unlimited, default);
        Assert.Equal("100", hundred.ToString());
    }
}
