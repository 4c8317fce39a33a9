using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// Who is calling, for which tenant: a bearer access token this sandbox issued, still valid, for an audience the admin API
/// answers to (401 with a challenge otherwise), and an organization in the path that is this tenant. The token's claims
/// are left on the request for the filters and the endpoint after this one (<see cref="ClaimsOf"/>).
/// </summary>
internal sealed class AdminApiAuthenticationFilter(AccessTokenService tokens, SandboxDirectory directory, ListeningAddress address) : IEndpointFilter
{
    public const string OrganizationRouteValue = "organization";

    public static AccessTokenClaims ClaimsOf(HttpContext context) => context.Features.GetRequiredFeature<AccessTokenClaims>();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var header = request.Headers.Authorization.ToString();
        var hasBearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7;
        var check = hasBearer
            ? tokens.Validate(header[7..].Trim(), [CloudHosts.ExchangeResourceUri(directory.Cloud), .. RequestOrigin.Both(request, address.BaseUri)])
            : AccessTokenCheck.Refused("The request has no bearer access token in its Authorization header.");
        if (check.Claims is null)
        {
            return new BearerChallenge(check.Failure!, hasBearer);
        }

        var organization = (string)request.RouteValues[OrganizationRouteValue]!;
        if (!directory.Identifies(organization))
        {
            return AdminApiError.Unauthorized(
                $"The organization '{organization}' isn't this tenant. Use its *.onmicrosoft.com domain, {directory.Domains.Initial}.");
        }

        context.HttpContext.Features.Set(check.Claims);
        return await next(context);
    }
}
