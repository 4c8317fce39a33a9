using System.Net;
using System.Net.Sockets;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on loopback in front of a server. The first connection goes silent after it has carried a given number
/// of bytes towards the client — the connection stays open, nothing more arrives, as when a middlebox or a peer hangs —
/// and every later connection is passed through whole. TLS passes through untouched.
/// </summary>
public sealed class StallingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> connections = [];
    private readonly int targetPort;
    private readonly long stallAfterBytes;
    private readonly Task accepting;
    private int connectionCount;
    private int stalled;

    public StallingProxy(int targetPort, long stallAfterBytes)
    {
        this.targetPort = targetPort;
        this.stallAfterBytes = stallAfterBytes;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Whether the first connection did go silent: it carried the bytes it was to carry first.</summary>
    public bool Stalled => Volatile.Read(ref stalled) == 1;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Task[] open;
        lock (connections)
        {
            open = [.. connections];
        }

        await Task.WhenAll(open).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            var stall = Interlocked.Increment(ref connectionCount) == 1;
            lock (connections)
            {
                connections.Add(ForwardAsync(client, stall));
            }
        }
    }

    private async Task ForwardAsync(TcpClient client, bool stall)
    {
        using (client)
        using (var server = new TcpClient())
        using (var connection = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, connection.Token);
            var toServer = PumpAsync(client.GetStream(), server.GetStream(), limit: null, connection.Token);
            var toClient = PumpAsync(server.GetStream(), client.GetStream(), stall ? stallAfterBytes : null, connection.Token);

            // Either side closing (the client giving up on a silent connection, say) ends the connection.
            await Task.WhenAny(toServer, toClient);
            await connection.CancelAsync();
            await Task.WhenAll(toServer, toClient).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task PumpAsync(Stream from, Stream to, long? limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long carried = 0;
        while (true)
        {
            var room = limit is { } bytes ? (int)Math.Min(buffer.Length, bytes - carried) : buffer.Length;
            if (room == 0)
            {
                Volatile.Write(ref stalled, 1);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var read = await from.ReadAsync(buffer.AsMemory(0, room), cancellationToken);
            if (read == 0)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            carried += read;
        }
    }
}
