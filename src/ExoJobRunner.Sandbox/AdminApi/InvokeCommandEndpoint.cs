using System.Buffers;
using System.Text.Json;
using ExoJobRunner.Sandbox.Cmdlets;
using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Hosting;
using ExoJobRunner.Sandbox.Tenancy;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// <c>POST /adminapi/beta/{organization}/InvokeCommand</c>, once its filters have let the request through (request ids,
/// authentication and organization, injected faults, the app's permission and role: see <c>SandboxServer</c>): the body,
/// the cmdlet and whether the app's role may run it, parameter binding, and then one page of output, continued through
/// <c>@odata.nextLink</c>.
/// </summary>
internal sealed class InvokeCommandEndpoint(SandboxTenant tenant, TenantShapes shapes, TimeProvider clock)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context, string organization)
    {
        var request = context.Request;
        using var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            return AdminApiError.BadRequest(
                $"The request body must be a JSON object such as {InvokeCommandRequest.ExpectedShape} (at most 1 MB).");
        }

        return Run(request, organization, AdminApiAuthenticationFilter.ClaimsOf(context), body.RootElement);
    }

    private IResult Run(HttpRequest request, string organization, AccessTokenClaims claims, JsonElement body)
    {
        var invocation = InvokeCommandRequest.From(body);
        if (invocation is null)
        {
            return AdminApiError.BadRequest($"The request body must be a JSON object such as {InvokeCommandRequest.ExpectedShape}.");
        }

        var cmdlet = CmdletRegistry.Find(invocation.CmdletName);
        if (cmdlet is null)
        {
            // The manifest tells a misspelled cmdlet from a real one the sandbox does not emulate.
            return AdminApiError.FromFailure(CmdletManifest.Cmdlets.ContainsKey(invocation.CmdletName)
                ? ExchangeErrors.CmdletNotEmulated(invocation.CmdletName)
                : ExchangeErrors.UnknownCmdlet(invocation.CmdletName));
        }

        if (!ExchangeAuthorization.MayRun(claims, cmdlet.Signature))
        {
            return AdminApiError.FromFailure(ExchangeErrors.NotAllowed(cmdlet.Signature.Name));
        }

        var fingerprint = invocation.Fingerprint();
        var cursor = RecordCursor.Start;
        if (request.Query["$skiptoken"] is { Count: > 0 } skipToken && !SkipToken.TryDecode(skipToken.ToString(), fingerprint, out cursor))
        {
            return AdminApiError.BadRequest("The $skiptoken is invalid or belongs to a different request; POST the same body to the @odata.nextLink you were given.");
        }

        var (pageSize, _) = PagePreference.Read(request);
        var select = request.Query["$select"] is { Count: > 0 } selected
            ? selected.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        try
        {
            var parameters = ParameterBinder.Bind(cmdlet.Signature, invocation.Parameters);
            var buffer = new ArrayBufferWriter<byte>(16 * 1024);
            lock (tenant.SyncRoot)
            {
                var output = cmdlet.Invoke(new CmdletContext(tenant, shapes, parameters, clock));
                using var writer = new Utf8JsonWriter(buffer, SandboxJson.WriterOptions);
                WriteBody(writer, request, organization, output, cursor, pageSize, select, fingerprint);
            }

            return new InvokeCommandPageResult(buffer);
        }
        catch (CmdletFailure failure)
        {
            return AdminApiError.FromFailure(failure);
        }
    }

    /// <summary>
    /// One page as OData JSON. The cmdlet's own warnings go on the first page only (every page re-runs the cmdlet);
    /// the ResultSize warning goes on the page where the output was cut.
    /// </summary>
    private static void WriteBody(
        Utf8JsonWriter writer,
        HttpRequest request,
        string organization,
        CmdletOutput output,
        RecordCursor cursor,
        int pageSize,
        IReadOnlySet<string>? select,
        string fingerprint)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", $"{RequestOrigin.Of(request)}/adminapi/beta/{organization}/$metadata#Collection(Exchange.GenericHashTable)");
        writer.WritePropertyName("value");
        var page = output.Records.WritePage(writer, cursor, pageSize, select);
        if (page.Next is { } next)
        {
            writer.WriteString("@odata.nextLink", NextLink(request, organization, SkipToken.Encode(next, fingerprint)));
        }

        var warnings = (cursor == RecordCursor.Start ? output.Warnings : []).Append(page.TruncationWarning).OfType<string>().ToArray();
        if (warnings.Length > 0)
        {
            writer.WriteStartArray("@adminapi.warnings");
            foreach (var warning in warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var content = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > MaxBodyBytes)
            {
                return null;
            }

            content.Write(buffer, 0, read);
        }

        try
        {
            return JsonDocument.Parse(content.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string NextLink(HttpRequest request, string organization, string skipToken)
    {
        var link = $"{RequestOrigin.Of(request)}/adminapi/beta/{organization}/InvokeCommand?$skiptoken={skipToken}";
        return request.Query["$select"] is { Count: > 0 } select ? $"{link}&$select={Uri.EscapeDataString(select.ToString())}" : link;
    }
}
