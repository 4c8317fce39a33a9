using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Tells a fault worth retrying (the network dropped, Exchange Online throttled or was briefly unavailable) from
/// one that would fail again the same way (a script error, a permission the app lacks, a bad parameter). Only the
/// first kind is retried by <c>retries:</c>.
/// </summary>
public static class TransientFaults
{
    /// <summary>
    /// True when <paramref name="error"/>, or any exception it wraps, is a transient fault. Wrappers are looked
    /// through because bodies see faults through layers: PowerShell wraps a cmdlet's exception in its own, and a
    /// C# body may catch and rethrow with context.
    /// </summary>
    public static bool IsTransient(Exception? error) => Flatten(error).Any(IsTransientItself);

    /// <summary>HTTP statuses that say "not now" rather than "not this": timeout, throttling, gateway and availability faults.</summary>
    public static bool IsTransientStatus(HttpStatusCode? status) => status switch
    {
        null => true,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => true,
        _ => false,
    };

    private static bool IsTransientItself(Exception error) => error switch
    {
        // A cmdlet that failed after the client's own retries: throttled or unavailable is worth a later run;
        // a refusal (400, 403, 404) is the job's to fix.
        ExchangeCommandException command => IsTransientStatus(command.HttpStatus),

        // No status means no response arrived: the connection failed, which is exactly what a later try may survive.
        HttpRequestException http => IsTransientStatus(http.StatusCode),
        SocketException => true,

        // HttpClient reports its own timeout as a cancellation wrapping a TimeoutException.
        TimeoutException => true,

        // Everything else, an ExchangeConnectionException included: Entra's refusals (wrong app, certificate or
        // consent) refuse again, while a connection that failed on the network wraps the transport fault found above.
        _ => false,
    };

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        var pending = new Stack<Exception>();
        if (error is not null)
        {
            pending.Push(error);
        }

        // A wrapper chain is short, but a bound keeps a pathological (cyclic) chain from hanging the scheduler.
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }
}
