using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Tests.Shared;

/// <summary>
/// A real HTTP server on a free loopback port that records every POST and answers with the status codes it was
/// given, in order (200 once they run out), so a test can make a webhook fail, then succeed.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>A scripted answer that never comes: the request waits until the client gives up.</summary>
    public const int NoAnswer = 0;

    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    /// <summary>The server's root, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, answers);
        app.MapPost("/{**path}", receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseUrl = new Uri(address + "/");
        return receiver;
    }

    public Uri UrlOf(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

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

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _received.Enqueue(new ReceivedWebhook(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body));
        var answer = _answers.TryDequeue(out var scripted) ? scripted : StatusCodes.Status200OK;
        if (answer == NoAnswer)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer;
    }
}

/// <summary>One POST as the receiver saw it.</summary>
internal sealed record ReceivedWebhook(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
