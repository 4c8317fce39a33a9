using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ExoJobRunner.Exchange.Rest;
using Microsoft.Identity.Client;
using Polly;
using Polly.Retry;

namespace ExoJobRunner.Exchange.Resilience;

/// <summary>
/// The request-level retry of every call to Exchange Online and its identity platform, on Polly: transient statuses
/// (<see cref="ExchangeTransientFaults"/>) and transport faults are tried again after a jittered exponential wait, or
/// after the server's <c>Retry-After</c> when it sent one no longer than <see cref="ExchangeRetryPolicy.MaxRetryAfter"/>.
/// </summary>
internal static partial class ExchangeRetryPipeline
{
    /// <summary>Told of each retry: the fault, the wait before the next try, and that try's number (2 of 5 …).</summary>
    public static readonly ResiliencePropertyKey<Action<Exception, TimeSpan, int>> RetryNoticeKey = new("exojobs.retry-notice");

    public static ResiliencePipeline Create(ExchangeRetryPolicy policy, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.MaxAttempts, 1);
        if (policy.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        var options = new RetryStrategyOptions
        {
            MaxRetryAttempts = policy.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = policy.BaseDelay,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } fault && ShouldRetry(fault, policy, args.Context.CancellationToken)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ExchangeCommandException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is { } fault && args.Context.Properties.TryGetValue(RetryNoticeKey, out var notice))
                {
                    notice(fault, args.RetryDelay, args.AttemptNumber + 2);
                }

                return default;
            },
        };
        if (policy.Randomizer is { } randomizer)
        {
            options.Randomizer = randomizer;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }.AddRetry(options).Build();
    }

    /// <summary>Whether a failed try is worth another within this request.</summary>
    public static bool ShouldRetry(Exception fault, ExchangeRetryPolicy policy, CancellationToken callerToken) => fault switch
    {
        ExchangeCommandException { HttpStatus: { } status } failure =>
            ExchangeTransientFaults.Classify(status) == ExchangeFaultKind.Transient && !(failure.RetryAfter > policy.MaxRetryAfter),
        MsalServiceException entra => ExchangeTransientFaults.IsTransientEntraFault(entra),
        _ => ExchangeTransientFaults.IsTransportFault(fault, callerToken),
    };

    /// <summary>A fault as a retry notice names it: "HTTP 429 (Too Many Requests)", or the transport fault's own words.</summary>
    public static string Describe(Exception fault) => fault switch
    {
        ExchangeCommandException { HttpStatus: { } status } => DescribeStatus(status),
        MsalServiceException { StatusCode: > 0 } entra => DescribeStatus((HttpStatusCode)entra.StatusCode),
        _ => fault.Message,
    };

    /// <summary>"HTTP 503 (Service Unavailable)": the code Microsoft's documentation uses, with its name.</summary>
    public static string DescribeStatus(HttpStatusCode status)
    {
        var name = Enum.IsDefined(status) ? WordBoundary().Replace(status.ToString(), " ") : "unknown status";
        return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status} ({name})");
    }

    /// <summary>A wait as a person reads it: "2 s", "1.5 s", "250 ms".</summary>
    public static string Describe(TimeSpan delay) =>
        delay >= TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{delay.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{delay.TotalMilliseconds:0} ms");

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();
}
