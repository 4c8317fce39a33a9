using System.Net;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Resilience;

/// <summary>
/// The request-level retry on its own: which faults it tries again, how long it waits (the module's budget of five tries
/// from a 2 s base, with decorrelated jitter), and the cap on Retry-After. Randomness is seeded and waits are recorded, never spent.
/// </summary>
public sealed class ExchangeRetryPipelineTests
{
    [Fact]
    public async Task Waits_StartNearTheBaseDelay_AndGrow_SpreadAcrossSeeds()
    {
        var waitsByTry = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        for (var seed = 0; seed < 400; seed++)
        {
            var waits = await WaitsAsync(seed, Unavailable());
            for (var i = 0; i < waits.Count; i++)
            {
                waitsByTry[i].Add(waits[i].TotalSeconds);
            }
        }

        // Decorrelated jitter: the first wait's median is about the 2 s base, and each later median about doubles,
        // while the waits of one try are spread widely so that clients throttled together come back apart.
        var medians = waitsByTry.Select(waits => waits.Order().ElementAt(waits.Count / 2)).ToList();
        Assert.InRange(medians[0], 1.2, 2.8);
        Assert.All(medians.Zip(medians.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"medians {string.Join(", ", medians)} do not grow"));
        Assert.True(medians[^1] >= 3 * medians[0], $"medians {string.Join(", ", medians)} grow too little");
        Assert.All(waitsByTry, waits => Assert.True(waits.Max() - waits.Min() > 1.5, $"waits from {waits.Min()} to {waits.Max()} s are not spread"));
    }

    [Fact]
    public async Task Waits_AreTheSame_ForTheSameSeed()
    {
        Assert.Equal(await WaitsAsync(42, Unavailable()), await WaitsAsync(42, Unavailable()));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public async Task Retries_OnlyTransientStatuses(HttpStatusCode status, bool retried)
    {
        var waits = await WaitsAsync(1, new ExchangeCommandException("Get-Mailbox", status, null, "failed", "r1"));

        Assert.Equal(retried ? 4 : 0, waits.Count);
    }

    [Theory]
    [InlineData(30, new[] { 30, 30, 30, 30 })]
    [InlineData(60, new[] { 60, 60, 60, 60 })]
    [InlineData(61, new int[0])]
    public async Task Waits_TheServersRetryAfter_UpToTheCap(int retryAfterSeconds, int[] expectedWaits)
    {
        var throttled = new ExchangeCommandException("Get-Mailbox", HttpStatusCode.TooManyRequests, null, "slow down", "r1")
        {
            RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds),
        };

        var waits = await WaitsAsync(1, throttled);

        Assert.Equal(expectedWaits.Select(seconds => TimeSpan.FromSeconds(seconds)), waits);
    }

    [Fact]
    public async Task Retries_TransportFaults_ButNeverTheCallersCancellation()
    {
        Assert.Equal(4, (await WaitsAsync(1, new HttpRequestException("connection reset"))).Count);
        Assert.Equal(4, (await WaitsAsync(1, new IOException("unexpected end of stream"))).Count);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.Empty(await WaitsAsync(1, new OperationCanceledException(cancelled.Token), cancelled.Token));
    }

    private static ExchangeCommandException Unavailable() => new("Get-Mailbox", HttpStatusCode.ServiceUnavailable, null, "busy", "r1");

    private static async Task<List<TimeSpan>> WaitsAsync(int seed, Exception fault, CancellationToken cancellationToken = default)
    {
        var clock = new RecordingTimeProvider();
        var random = new Random(seed);
        var pipeline = ExchangeRetryPipeline.Create(new ExchangeRetryPolicy { Randomizer = random.NextDouble }, clock);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await pipeline.ExecuteAsync(_ => ValueTask.FromException(fault), cancellationToken));
        return [.. clock.Waits];
    }
}
