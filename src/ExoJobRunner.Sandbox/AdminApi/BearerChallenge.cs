using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// A 401 for the token itself, with Exchange's <c>WWW-Authenticate: Bearer …</c> challenge. When a token was presented the
/// challenge ends with <c>error="invalid_token"</c>: that is how a client tells "get a new token and retry" from a
/// permission refusal, which has no such error.
/// </summary>
internal sealed class BearerChallenge(string failure, bool tokenPresented) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var challenge = "Bearer client_id=\"" + ExchangeResource.ExchangeOnlineAppId + "\", "
            + "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", "
            + "token_types=\"app_asserted_user_v1 service_asserted_app_v1\", "
            + $"authorization_uri=\"{RequestOrigin.Of(httpContext.Request)}/common/oauth2/authorize\"";
        httpContext.Response.Headers.WWWAuthenticate = tokenPresented ? challenge + ", error=\"invalid_token\"" : challenge;
        await AdminApiResponses.WriteErrorAsync(httpContext.Response, AdminApiError.Unauthorized(failure));
    }
}
