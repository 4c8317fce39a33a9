using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// A 502 or 504 as the service's front end sends it: not Exchange's OData error JSON but a short HTML page, so a client
/// must not expect every error body to be JSON.
/// </summary>
internal sealed class GatewayErrorResult(int status, string reason) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        var title = string.Create(CultureInfo.InvariantCulture, $"{status} {reason}");
        await httpContext.Response.WriteAsync($"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>", httpContext.RequestAborted);
    }
}
