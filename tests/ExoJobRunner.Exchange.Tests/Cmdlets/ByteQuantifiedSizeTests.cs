using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Exchange.Tests.Cmdlets;

public sealed class ByteQuantifiedSizeTests
{
    [Theory]
    [InlineData("1.23 GB (1,320,702,208 bytes)", 1_320_702_208UL)]
    [InlineData("512 B (512 bytes)",             512UL)]
    [InlineData("0 B (0 bytes)",                 0UL)]
    [InlineData("1610612736",                    1_610_612_736UL)]
    [InlineData("1.5 GB",                        1_610_612_736UL)]
    [InlineData("50 mb",                         52_428_800UL)]
    public void Parse_ReadsExchangesFormAndPlainForms(string text, ulong bytes)
    {
        Assert.Equal(bytes, ByteQuantifiedSize.Parse(text).Bytes);
    }

    [Theory]
    [InlineData("Unlimited")]
    [InlineData("1.5 parsecs")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotASize(string text)
    {
        Assert.False(ByteQuantifiedSize.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1_320_702_208UL, "1.22 GB (1,320,702,208 bytes)")]
    [InlineData(1_048_575UL,     "1023.99 KB (1,048,575 bytes)")]
    [InlineData(512UL,           "512 B (512 bytes)")]
    public void ToString_WritesExchangesForm_CuttingRatherThanRounding(ulong bytes, string expected)
    {
        Assert.Equal(expected, new ByteQuantifiedSize(bytes).ToString());
    }

    [Fact]
    public void Units_AreMultiplesOf1024()
    {
        var size = new ByteQuantifiedSize(3UL * 1024 * 1024 * 1024);

        Assert.Equal(3, size.Gigabytes);
        Assert.Equal(3 * 1024, size.Megabytes);
    }
}
