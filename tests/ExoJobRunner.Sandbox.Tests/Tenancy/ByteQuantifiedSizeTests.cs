using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Tests.Tenancy;

public sealed class ByteQuantifiedSizeTests
{
    [Theory]
    [InlineData(0L, "0 B (0 bytes)")]
    [InlineData(512L, "512 B (512 bytes)")]
    [InlineData(1024L, "1 KB (1,024 bytes)")]
    [InlineData(1_048_575L, "1024 KB (1,048,575 bytes)")]
    [InlineData(1_043_333L, "1018.88 KB (1,043,333 bytes)")]
    [InlineData(1_572_864L, "1.5 MB (1,572,864 bytes)")]
    [InlineData(1_320_702_208L, "1.23 GB (1,320,702,208 bytes)")]
    [InlineData(106_300_440_576L, "99 GB (106,300,440,576 bytes)")]
    [InlineData(1_099_511_627_776L, "1 TB (1,099,511,627,776 bytes)")]
    public void ToString_PrintsLikeExchange(long bytes, string expected) =>
        Assert.Equal(expected, new ByteQuantifiedSize(bytes).ToString());
}
