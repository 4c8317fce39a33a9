namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// A connected profile: its session plus everything the session borrows (HTTP client, certificate, the environment's
/// access with whatever keeps it running), which lives until the pool is disposed.
/// </summary>
internal sealed class ExchangeConnection : IAsyncDisposable
{
    private readonly IReadOnlyList<IDisposable> ownedResources;
    private readonly ExchangeEnvironmentAccess access;

    public ExchangeConnection(ExchangeConnectionSettings settings, ExchangeSession session, IReadOnlyList<IDisposable> ownedResources, ExchangeEnvironmentAccess access)
    {
        Settings = settings;
        Session = session;
        this.ownedResources = ownedResources;
        this.access = access;
    }

    public ExchangeConnectionSettings Settings { get; }

    public ExchangeSession Session { get; }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in ownedResources)
        {
            resource.Dispose();
        }

        await access.DisposeAsync();
    }
}
