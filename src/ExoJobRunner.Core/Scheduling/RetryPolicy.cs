namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// How often a run that failed for a transient reason (a connection or throttling fault, as the Exchange layer's
/// <see cref="Exchange.Resilience.ExchangeTransientFaults"/> tells them) is tried again, and how long to wait first (<c>retries: { count, delay }</c>).
/// A script error is never retried: running the same code again fails the same way.
/// </summary>
/// <param name="Count">Further attempts after the first; 0 never retries.</param>
/// <param name="Delay">The wait before each further attempt.</param>
public sealed record RetryPolicy(int Count, TimeSpan Delay)
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMinutes(1);

    public static readonly RetryPolicy None = new(0, DefaultDelay);
}
