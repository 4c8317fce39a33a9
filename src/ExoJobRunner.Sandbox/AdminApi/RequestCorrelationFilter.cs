using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// Gives every admin API response, refusals and faults included, a fresh <c>request-id</c> and echoes the client's
/// <c>client-request-id</c>, as Exchange does: the two ids a support case is opened with. Counts every request it sees.
/// </summary>
internal sealed class RequestCorrelationFilter(SandboxActivity activity) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        activity.AdminApiRequestReceived();
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.Headers["request-id"] = Guid.NewGuid().ToString();
        if (request.Headers["client-request-id"] is { Count: > 0 } clientRequestId)
        {
            response.Headers["client-request-id"] = clientRequestId;
        }

        return next(context);
    }
}
