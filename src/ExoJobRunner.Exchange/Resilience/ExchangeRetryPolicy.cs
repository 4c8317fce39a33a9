namespace ExoJobRunner.Exchange.Resilience;

/// <summary>
/// How often and how patiently one request is repeated after a transient fault (<see cref="ExchangeTransientFaults"/>).
/// The defaults are the ExchangeOnlineManagement module's budget: five tries, about 2 s × 2^n between them, with
/// decorrelated jitter so that many clients throttled together do not come back together.
/// </summary>
public sealed record ExchangeRetryPolicy
{
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultMaxRetryAfter = TimeSpan.FromSeconds(60);

    public const int DefaultMaxAttempts = 5;

    /// <summary>Tries in all, the first one included.</summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>The median wait after the first failure; each further failure about doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = DefaultBaseDelay;

    /// <summary>
    /// The longest <c>Retry-After</c> waited for within a request. A longer one ends the request: waiting minutes inside
    /// one run would only hold it, and the run's own <c>retries:</c> policy (or its timeout) decides instead.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = DefaultMaxRetryAfter;

    /// <summary>The jitter's random numbers in [0, 1); null for a shared thread-safe source. Tests pass a seeded one.</summary>
    public Func<double>? Randomizer { get; init; }
}
