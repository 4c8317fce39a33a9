using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Rest;

public sealed class ExchangeRetryPolicyTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(4, 16)]
    public void BackoffAfter_DoublesTheModulesTwoSecondBase(int failedAttempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), new ExchangeRetryPolicy().BackoffAfter(failedAttempts));
    }

    [Fact]
    public void Defaults_AreTheModulesFiveTries()
    {
        Assert.Equal(5, new ExchangeRetryPolicy().MaxAttempts);
    }
}
