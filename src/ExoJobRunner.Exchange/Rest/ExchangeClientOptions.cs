using ExoJobRunner.Exchange.Resilience;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>Tuning of the InvokeCommand client; the defaults suit production.</summary>
public sealed record ExchangeClientOptions
{
    public const int MaximumPageSize = 1000;

    public ExchangeRetryPolicy Retry { get; init; } = new();

    /// <summary>Results per page asked for with <c>Prefer: odata.maxpagesize</c> (1–1000).</summary>
    public int PageSize { get; init; } = MaximumPageSize;

    /// <summary>
    /// How long one read of a response body may bring nothing before the connection counts as broken: a stall is a
    /// transport fault, retried (or resumed mid-page) like a reset. Measured on the real clock, as network time is.
    /// </summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock retry waits are measured on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
