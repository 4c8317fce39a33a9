using ExoJobRunner.Exchange.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>How an <see cref="ExchangeSessionPool"/> connects its sessions.</summary>
public sealed record ExchangeSessionPoolOptions
{
    /// <summary>Retries, page size and clock of every session's REST client.</summary>
    public ExchangeClientOptions Client { get; init; } = new();

    /// <summary>Receives what happens while connecting (certificate warnings); runs log through <see cref="ExchangeSession.ForRun"/>.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>
    /// The environments the host can connect to besides Microsoft's clouds, which are built in (the sandbox backends).
    /// The first that serves a profile connects it.
    /// </summary>
    public IReadOnlyList<IExchangeEnvironmentProvider> Environments { get; init; } = [];

    /// <summary>How long a request to Exchange may take before it counts as a transport fault and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
