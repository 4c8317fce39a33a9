using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// Refuses an app that Exchange would not serve at all, whatever the cmdlet: no <c>Exchange.ManageAsApp</c>, or no
/// directory role Exchange supports for app-only access (<see cref="ExchangeAuthorization.CheckApp"/>). Whether the
/// role may run the particular cmdlet is the endpoint's to check, once it has read the body.
/// </summary>
internal sealed class AppAuthorizationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return ExchangeAuthorization.CheckApp(AdminApiAuthenticationFilter.ClaimsOf(context.HttpContext)) is { } refusal
            ? refusal
            : await next(context);
    }
}
