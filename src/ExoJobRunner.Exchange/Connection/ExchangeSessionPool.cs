using System.Collections.Concurrent;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// One <see cref="ExchangeSession"/> per connection profile per process. The scheduler runs many jobs on one session and
/// never reconnects per run: concurrent first callers share a single connect, later callers get the connected session.
/// A failed connect is not remembered, so the next run tries again (after the certificate has been fixed, say).
/// </summary>
public sealed class ExchangeSessionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ExchangeConnection>>> connections = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource lifetime = new();
    private readonly ExchangeConnector connector;
    private int disposed;

    public ExchangeSessionPool(ExchangeSessionPoolOptions? options = null)
    {
        connector = new ExchangeConnector(options ?? new ExchangeSessionPoolOptions());
    }

    /// <summary>The profile's session, connecting it on first use.</summary>
    /// <exception cref="ExchangeConnectionException">The profile cannot connect; the message names the cause and the fix.</exception>
    /// <exception cref="InvalidOperationException">The profile is already connected with different settings.</exception>
    public async Task<ExchangeSession> GetSessionAsync(ExchangeConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

        // The connect runs on the pool's lifetime, not on the first caller's token: a caller that gives up must not
        // cancel the connect other callers are waiting for.
        var entry = connections.GetOrAdd(
            settings.ProfileName,
            _ => new Lazy<Task<ExchangeConnection>>(() => connector.ConnectAsync(settings, lifetime.Token)));

        ExchangeConnection connection;
        try
        {
            connection = await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            connections.TryRemove(KeyValuePair.Create(settings.ProfileName, entry));
            throw;
        }

        if (connection.Settings != settings)
        {
            throw new InvalidOperationException(
                $"Profile '{settings.ProfileName}' is already connected with other settings in this process; a profile name must always mean the same connection.");
        }

        return connection.Session;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await lifetime.CancelAsync();
        foreach (var entry in connections.Values)
        {
            var connect = entry.Value;
            await ((Task)connect).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (connect.IsCompletedSuccessfully)
            {
                await connect.Result.DisposeAsync();
            }
        }

        connections.Clear();
        lifetime.Dispose();
    }
}
