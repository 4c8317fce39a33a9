namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// How often and how patiently a request is repeated after 401, 429, 503, 504 or a transport fault. The defaults
/// are the ExchangeOnlineManagement module's: five tries, waiting 2 s × 2^n between them.
/// </summary>
public sealed record ExchangeRetryPolicy
{
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(2);

    public const int DefaultMaxAttempts = 5;

    /// <summary>Tries in all, the first one included.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>The wait after the first failure; each further failure doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = DefaultBaseDelay;

    /// <summary>The wait after <paramref name="failedAttempts"/> failures (1 → BaseDelay, 2 → 2 × BaseDelay, …).</summary>
    public TimeSpan BackoffAfter(int failedAttempts) =>
        BaseDelay * Math.Pow(2, Math.Max(0, failedAttempts - 1));
}
