namespace ExoJobRunner.Exchange.Resilience;

/// <summary>
/// Tells a fault worth a later try (the network dropped, the service throttled or was briefly unavailable) from one that
/// would fail again the same way (a script error, a permission the app lacks, a bad parameter). The runner asks it
/// before it retries a failed run; the host hands it the Exchange layer's table, <see cref="ExchangeTransientFaults"/>.
/// </summary>
public interface ITransientFaultClassifier
{
    /// <summary>True when <paramref name="fault"/>, or any exception it wraps, is a transient fault.</summary>
    bool IsTransient(Exception? fault);
}
