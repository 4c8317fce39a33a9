using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// Sits in front of the real HTTPS handler and keeps a copy of every request that goes out, so tests can check the wire
/// format (headers, body, paging) the real server received.
/// </summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>Called as each request is handed on to the network, so a test can act while it is in flight (or fail it).</summary>
    public Action<RecordedRequest>? Sending { get; set; }

    /// <summary>Called with each response as it arrives; what it returns is handed on (a test stalls a body, say).</summary>
    public Func<RecordedRequest, HttpResponseMessage, HttpResponseMessage>? Receiving { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers, body);
        requests.Enqueue(recorded);
        Sending?.Invoke(recorded);
        var response = await base.SendAsync(request, cancellationToken);
        return Receiving is { } receiving ? receiving(recorded, response) : response;
    }
}

/// <summary>A request as it went out.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, HttpRequestHeaders Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public bool IsInvokeCommand => Uri.AbsolutePath.EndsWith("/InvokeCommand", StringComparison.Ordinal);
}
