using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>Client options whose waits are recorded instead of spent.</summary>
internal static class RetryTestOptions
{
    public static ExchangeClientOptions With(RecordingTimeProvider clock, int pageSize = ExchangeClientOptions.MaximumPageSize) =>
        new() { TimeProvider = clock, PageSize = pageSize };
}
