using System.Globalization;
using ExoJobRunner.Sandbox.AdminApi;
using ExoJobRunner.Sandbox.Entra;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// Draws a fault for each admin API request that got past authentication (<see cref="FaultInjector"/>) and makes it
/// happen: an error answered in the endpoint's place, a delay before it runs, a revoked token, or a page whose body is
/// cut on its way out. Requests that draw no fault pass through untouched.
/// </summary>
internal sealed class FaultInjectionFilter(FaultInjector faults, AccessTokenService tokens, TimeProvider clock) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var fault = faults.Next();
        switch (fault?.Kind)
        {
            case null:
                return await next(context);
            case SandboxFaultKind.Throttled:
                http.Response.Headers.RetryAfter = ((int)fault.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return new AdminApiError(
                    429, "TooManyRequests", "The request was throttled: too many requests in a short time. Retry after the number of seconds in Retry-After.");
            case SandboxFaultKind.Unavailable:
                return new AdminApiError(503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later.");
            case SandboxFaultKind.TokenRevoked:
                tokens.Revoke(AdminApiAuthenticationFilter.ClaimsOf(http).TokenId);
                return new BearerChallenge("The access token has been revoked.", tokenPresented: true);
            case SandboxFaultKind.Dropped:
                var result = await next(context);
                return result is InvokeCommandPageResult page ? page.Interrupted(new MidBodyReset()) : result;
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
}
