using ExoJobRunner.Sandbox.Cmdlets;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// An error from the Exchange admin API in its OData shape:
/// <c>{"error":{"code","message","details":[{"code":"Context","target":"","message"}],"innererror":{"message","type"}}}</c>.
/// Cmdlet failures put Exchange's <c>id|exception type|message</c> line in <see cref="Detail"/>. Endpoints and filters
/// return it as their result; it writes itself.
/// </summary>
/// <param name="InnerType">The <c>innererror.type</c>; Exchange's OData service exception unless the error is another service's.</param>
internal sealed record AdminApiError(
    int Status, string Code, string Message, string? Detail = null, string? InnerMessage = null, string? ExceptionType = null, string? InnerType = null)
    : IResult
{
    public const string ServiceExceptionType = "Microsoft.Exchange.Admin.OData.Core.ODataServiceException";

    private const string CmdletFailed = "Error executing cmdlet";

    public static AdminApiError FromFailure(CmdletFailure failure) => failure.Category switch
    {
        CmdletErrorCategory.Unauthorized => new(401, "Unauthorized", failure.Message, ExceptionType: failure.ExceptionType),
        CmdletErrorCategory.NotFound => new(404, "NotFound", CmdletFailed, failure.DetailMessage, ExceptionType: failure.ExceptionType),
        _ => new(400, "BadRequest", CmdletFailed, failure.DetailMessage, ExceptionType: failure.ExceptionType),
    };

    public static AdminApiError Unauthorized(string message, string? explanation = null) =>
        new(401, "Unauthorized", message, InnerMessage: explanation);

    public static AdminApiError BadRequest(string message) => new(400, "BadRequest", message);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return AdminApiResponses.WriteErrorAsync(httpContext.Response, this);
    }
}
