using ExoJobRunner.Exchange.Resilience;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>Tuning of the InvokeCommand client; the defaults suit production.</summary>
public sealed record ExchangeClientOptions
{
    public const int MaximumPageSize = 1000;

    public ExchangeRetryPolicy Retry { get; init; } = new();

    /// <summary>Results per page asked for with <c>Prefer: odata.maxpagesize</c> (1–1000).</summary>
    public int PageSize { get; init; } = MaximumPageSize;

    /// <summary>The clock retry waits are measured on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
