using System.Buffers;
using System.Globalization;
using ExoJobRunner.Sandbox.Faults;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// One page of cmdlet output, already serialized, sent as a 200 with Exchange's OData headers and its exact
/// <c>Content-Length</c>. A fault may interrupt the body on its way out (<see cref="Interrupted"/>).
/// </summary>
internal sealed class InvokeCommandPageResult(ArrayBufferWriter<byte> page) : IResult
{
    private IBodyInterruption? interruption;

    /// <summary>This page, sent so that the body does not arrive whole.</summary>
    public InvokeCommandPageResult Interrupted(IBodyInterruption how) => new(page) { interruption = how };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var (pageSize, applied) = PagePreference.Read(httpContext.Request);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = AdminApiResponses.JsonContentType;
        response.Headers["OData-Version"] = "4.0";
        if (applied)
        {
            response.Headers["Preference-Applied"] = "odata.maxpagesize=" + pageSize.ToString(CultureInfo.InvariantCulture);
        }

        response.ContentLength = page.WrittenCount;
        if (interruption is null)
        {
            await response.Body.WriteAsync(page.WrittenMemory, httpContext.RequestAborted);
            return;
        }

        await interruption.WriteAsync(httpContext, page.WrittenMemory);
    }
}
