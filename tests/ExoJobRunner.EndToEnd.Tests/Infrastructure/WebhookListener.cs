using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a free loopback port for <c>exojobs</c> to send its webhooks to. It records every POST and
/// answers with the status codes it was given, in order (200 once they run out).
/// </summary>
internal sealed class WebhookListener : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookListener(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    /// <summary>The server's root, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookListener> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new WebhookListener(app, answers);
        app.MapPost("/{**path}", listener.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        listener.BaseUrl = new Uri(address + "/");
        return listener;
    }

    public Uri UrlOf(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Waits until at least <paramref name="count"/> requests have come (a scheduled run has notified).</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (_received.Count < count)
        {
            await Task.Delay(50, limit.Token);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _received.Enqueue(new ReceivedWebhook(context.Request.Path + context.Request.QueryString, body));
        context.Response.StatusCode = _answers.TryDequeue(out var scripted) ? scripted : StatusCodes.Status200OK;
    }
}

/// <summary>One POST as the listener saw it.</summary>
internal sealed record ReceivedWebhook(string PathAndQuery, string Body);
