using System.Collections.Concurrent;
using System.Diagnostics;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// Every HTTP request this process sends to one host and port, as it left the handler chain — with the headers the
/// connection handler adds itself (<c>Accept-Encoding</c>) — read from .NET's own HTTP diagnostics, so the client under
/// test is the production one, unwrapped.
/// </summary>
internal sealed class WireCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string HttpListenerName = "HttpHandlerDiagnosticListener";
    private const string RequestStopEvent = "System.Net.Http.HttpRequestOut.Stop";

    private readonly string host;
    private readonly int port;
    private readonly ConcurrentQueue<WireRequest> requests = new();
    private readonly IDisposable allListeners;
    private IDisposable? httpEvents;

    public WireCapture(string host, int port)
    {
        this.host = host;
        this.port = port;
        allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<WireRequest> Requests => [.. requests];

    public void Dispose()
    {
        httpEvents?.Dispose();
        allListeners.Dispose();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == HttpListenerName)
        {
            httpEvents = value.Subscribe(this, (name, _, _) => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestStopEvent
            || value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage request
            || request.RequestUri is not { } uri
            || uri.Host != host
            || uri.Port != port)
        {
            return;
        }

        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(header => KeyValuePair.Create(header.Key, string.Join(", ", header.Value)))
            .ToList();
        var body = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty;
        requests.Enqueue(new WireRequest(request.Method.Method, uri, headers, body));
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

internal sealed record WireRequest(string Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
}
