using System.Globalization;
using ExoJobRunner.Sandbox.AdminApi;
using ExoJobRunner.Sandbox.Entra;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Draws a fault for each admin API request that got past authentication (<see cref="FaultInjector"/>) and makes it
/// happen: an error answered in the endpoint's place, a connection reset before anything is sent, a delay before the
/// endpoint runs, a revoked token, or a page whose body is cut or stalls on its way out. Requests that draw no fault pass
/// through untouched; every injected fault is counted in <see cref="SandboxActivity"/>.
/// </summary>
internal sealed class FaultInjectionFilter(FaultInjector faults, AccessTokenService tokens, TimeProvider clock, SandboxActivity activity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var fault = faults.Next();
        if (fault is null)
        {
            return await next(context);
        }

        activity.FaultInjected(fault.Kind);
        var http = context.HttpContext;
        switch (fault.Kind)
        {
            case SandboxFaultKind.Throttled:
                http.Response.Headers.RetryAfter = ((int)fault.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Throttled("Retry after the number of seconds in Retry-After.");
            case SandboxFaultKind.ThrottledWithoutRetryAfter:
                return Throttled("Retry after a while.");
            case SandboxFaultKind.InternalServerError:
                // The service's transient 500: a directory server that didn't answer, typed as a transient exception.
                return new AdminApiError(
                    500,
                    "InternalServerError",
                    "The directory service didn't answer in time: no Active Directory server is available right now. Try again later.",
                    ExceptionType: "Microsoft.Exchange.Data.Directory.ADTransientException",
                    InnerType: "Microsoft.Exchange.Data.Directory.ADTransientException");
            case SandboxFaultKind.BadGateway:
                return new GatewayErrorResult(StatusCodes.Status502BadGateway, "Bad Gateway");
            case SandboxFaultKind.Unavailable:
                return new AdminApiError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");
            case SandboxFaultKind.GatewayTimeout:
                return new GatewayErrorResult(StatusCodes.Status504GatewayTimeout, "Gateway Timeout");
            case SandboxFaultKind.ResetBeforeHeaders:
                http.Abort();
                return Results.Empty;
            case SandboxFaultKind.TokenRevoked:
                tokens.Revoke(AdminApiAuthenticationFilter.ClaimsOf(http).TokenId);
                return new BearerChallenge("The access token has been revoked.", tokenPresented: true);
            case SandboxFaultKind.Dropped:
                return Interrupt(await next(context), new MidBodyReset());
            case SandboxFaultKind.Stalled:
                return Interrupt(await next(context), new StalledBody(fault.Duration, clock));
            default:
                try
                {
                    await Task.Delay(fault.Duration, clock, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return Results.Empty;
                }

                return await next(context);
        }
    }

    private static AdminApiError Throttled(string advice) => new(
        429, "TooManyRequests", "The request was throttled: too many requests in a short time. " + advice);

    /// <summary>Only a page's body can be interrupted; an error the endpoint answered instead goes out whole.</summary>
    private static object? Interrupt(object? result, IBodyInterruption how) =>
        result is InvokeCommandPageResult page ? page.Interrupted(how) : result;
}
