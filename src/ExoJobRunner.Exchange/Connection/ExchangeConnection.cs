namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// A connected profile: its session plus everything the session borrows (HTTP client, certificate, an in-process
/// sandbox), which lives until the pool is disposed.
/// </summary>
internal sealed class ExchangeConnection : IAsyncDisposable
{
    private readonly IReadOnlyList<IDisposable> ownedResources;
    private readonly IAsyncDisposable? ownedServer;

    public ExchangeConnection(ExchangeConnectionSettings settings, ExchangeSession session, IReadOnlyList<IDisposable> ownedResources, IAsyncDisposable? ownedServer = null)
    {
        Settings = settings;
        Session = session;
        this.ownedResources = ownedResources;
        this.ownedServer = ownedServer;
    }

    public ExchangeConnectionSettings Settings { get; }

    public ExchangeSession Session { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in ownedResources)
        {
            resource.Dispose();
        }

        if (ownedServer is not null)
        {
            await ownedServer.DisposeAsync();
        }
    }
}
