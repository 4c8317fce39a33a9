using System.Globalization;
using ExoJobRunner.Core.Notifications.Logging;
using ExoJobRunner.Core.Running;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Notifications;

/// <summary>
/// Sends a run's outcome to its targets, all at once. Each target gets a bounded attempt and, when that fails, one
/// more after a short delay; whatever happens is logged and returned, never thrown, so a notification can neither
/// change a run's status nor stop a scheduler. One instance (and its one HTTP client) serves a whole process.
/// </summary>
public sealed class NotificationDispatcher : IDisposable
{
    /// <summary>How long one attempt may take: a webhook that has not answered by then is treated as failed.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The pause before the one retry: long enough for a restarting receiver, short enough not to hold the run up.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    private const int Attempts = 2;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _retryDelay;

    public NotificationDispatcher(TimeProvider time)
        : this(time, DefaultAttemptTimeout, DefaultRetryDelay)
    {
    }

    internal NotificationDispatcher(TimeProvider time, TimeSpan attemptTimeout, TimeSpan retryDelay)
    {
        _time = time;
        _attemptTimeout = attemptTimeout;
        _retryDelay = retryDelay;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,

            // A scheduler lives for months; connections are renewed so a webhook host's DNS change is noticed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            // Each attempt has its own timeout, which also honours cancellation; the client's own would only compete.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("exojobs");
    }

    /// <summary>Sends <paramref name="payload"/> to every target in parallel and reports how each ended.</summary>
    /// <param name="targets">The targets for the run's outcome (see <see cref="JobNotifications.TargetsFor"/>).</param>
    /// <param name="payload">What is sent.</param>
    /// <param name="runLog">The run's log: one line per delivery, failed attempt and give-up.</param>
    /// <param name="cancellationToken">Canceled when exojobs is stopping: attempts end, nothing new is started.</param>
    public async Task<IReadOnlyList<NotificationOutcome>> SendAsync(
        IReadOnlyList<NotificationTarget> targets,
        NotificationPayload payload,
        ILogger runLog,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(payload);
        return await Task.WhenAll(targets.Select(target => SendToAsync(target, payload, runLog, cancellationToken)));
    }

    public void Dispose() => _http.Dispose();

    private async Task<NotificationOutcome> SendToAsync(NotificationTarget target, NotificationPayload payload, ILogger runLog, CancellationToken cancellationToken)
    {
        var (delivery, description, problem) = Prepare(target, payload);
        if (delivery is null)
        {
            runLog.NotificationNotSent(payload.Status, description, problem!);
            return new NotificationOutcome(description, Delivered: false, Attempts: 0, problem);
        }

        for (var attempt = 1; ; attempt++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return Stopping(payload, description, attempt - 1, runLog);
            }

            var result = await AttemptAsync(delivery, cancellationToken);
            if (result is null)
            {
                return Stopping(payload, description, attempt, runLog);
            }

            if (result.Delivered)
            {
                runLog.NotificationDelivered(payload.Status, description, attempt == 1 ? result.Detail : $"{result.Detail} on attempt {attempt}");
                return new NotificationOutcome(description, Delivered: true, attempt, Problem: null);
            }

            if (attempt == Attempts)
            {
                runLog.NotificationGivenUp(payload.Status, description, result.Detail);
                return new NotificationOutcome(description, Delivered: false, attempt, result.Detail);
            }

            runLog.NotificationRetrying(payload.Status, description, result.Detail, JobRunner.FormatDuration(_retryDelay));
            try
            {
                await Task.Delay(_retryDelay, _time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return Stopping(payload, description, attempt, runLog);
            }
        }
    }

    private (INotificationDelivery? Delivery, string Description, string? Problem) Prepare(NotificationTarget target, NotificationPayload payload) =>
        target switch
        {
            WebhookTarget webhook => WebhookDelivery.Prepare(webhook, payload, _http),
            CommandTarget command => (new CommandDelivery(command, payload), CommandDelivery.Describe(command), null),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target.GetType().Name, "unknown notification target"),
        };

    /// <summary>One attempt within <see cref="_attemptTimeout"/>; null when it was cut short because exojobs is stopping.</summary>
    private async Task<DeliveryAttempt?> AttemptAsync(INotificationDelivery delivery, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_attemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await delivery.AttemptAsync(linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return DeliveryAttempt.Failure($"timed out after {JobRunner.FormatDuration(_attemptTimeout)}");
        }
#pragma warning disable CA1031 // A target that fails in a way not foreseen is still only a failed notification: the run's outcome stands.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return DeliveryAttempt.Failure(string.Create(CultureInfo.InvariantCulture, $"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    private static NotificationOutcome Stopping(NotificationPayload payload, string description, int attempts, ILogger runLog)
    {
        const string problem = "exojobs is stopping";
        runLog.NotificationNotSent(payload.Status, description, problem);
        return new NotificationOutcome(description, Delivered: false, attempts, problem);
    }
}
