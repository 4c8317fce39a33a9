using System.Buffers;
using System.Text.Json;
using ExoJobRunner.Sandbox.Cmdlets;
using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Hosting;
using ExoJobRunner.Sandbox.Tenancy;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// <c>POST /adminapi/beta/{organization}/InvokeCommand</c>. In order: the bearer token (401 with
/// <c>WWW-Authenticate … error="invalid_token"</c> when missing or bad), the organization, an injected fault if one is
/// drawn, the app's permission and role, the body, the cmdlet and whether the role may run it, parameter binding, and then
/// one page of output, continued through <c>@odata.nextLink</c>. Every response carries a <c>request-id</c>.
/// </summary>
internal sealed class InvokeCommandEndpoint(
    SandboxTenant tenant,
    TenantShapes shapes,
    SandboxDirectory directory,
    AccessTokenService tokens,
    FaultInjector faults,
    TimeProvider clock,
    ListeningAddress address)
{
    private const int MaxBodyBytes = 1024 * 1024;

    private static readonly TimeSpan DropDelay = TimeSpan.FromMilliseconds(300);

    public async Task HandleAsync(HttpContext context, string organization)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["request-id"] = Guid.NewGuid().ToString();
        if (request.Headers["client-request-id"] is { Count: > 0 } clientRequestId)
        {
            response.Headers["client-request-id"] = clientRequestId;
        }

        var claims = await AuthenticateAsync(context);
        if (claims is null)
        {
            return;
        }

        if (!directory.Identifies(organization))
        {
            await AdminApiResponses.WriteErrorAsync(response, AdminApiError.Unauthorized(
                $"The organization '{organization}' isn't this tenant. Use its *.onmicrosoft.com domain, {directory.Domains.Initial}."));
            return;
        }

        var fault = faults.Next();
        if (fault is not null && fault.Kind != SandboxFaultKind.Dropped && !await InjectAsync(context, fault, claims))
        {
            return;
        }

        if (ExchangeAuthorization.CheckApp(claims) is { } refusal)
        {
            await AdminApiResponses.WriteErrorAsync(response, refusal);
            return;
        }

        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            await AdminApiResponses.WriteErrorAsync(response, AdminApiError.BadRequest(
                $"The request body must be a JSON object such as {InvokeCommandRequest.ExpectedShape} (at most 1 MB)."));
            return;
        }

        using (body)
        {
            var outcome = Run(request, organization, claims, body.RootElement, out var page);
            if (outcome is not null)
            {
                await AdminApiResponses.WriteErrorAsync(response, outcome);
                return;
            }

            await WritePageAsync(context, page!, dropMidBody: fault?.Kind == SandboxFaultKind.Dropped);
        }
    }

    private AdminApiError? Run(HttpRequest request, string organization, AccessTokenClaims claims, JsonElement body, out ArrayBufferWriter<byte>? page)
    {
        page = null;
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

            page = buffer;
            return null;
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

    private async Task<AccessTokenClaims?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var hasBearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7;
        var check = hasBearer
            ? tokens.Validate(header[7..].Trim(), [ExchangeResource.ExchangeOnlineUri, .. RequestOrigin.Both(context.Request, address.BaseUri)])
            : AccessTokenCheck.Refused("The request has no bearer access token in its Authorization header.");
        if (check.Claims is not null)
        {
            return check.Claims;
        }

        await RefuseTokenAsync(context, check.Failure!, hasBearer);
        return null;
    }

    /// <returns>True when the request should go on (a slow response, after its delay).</returns>
    private async Task<bool> InjectAsync(HttpContext context, SandboxFault fault, AccessTokenClaims claims)
    {
        var response = context.Response;
        switch (fault.Kind)
        {
            case SandboxFaultKind.Throttled:
                response.Headers.RetryAfter = ((int)fault.Duration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await AdminApiResponses.WriteErrorAsync(response, new AdminApiError(
                    429, "TooManyRequests", "The request was throttled: too many requests in a short time. Retry after the number of seconds in Retry-After."));
                return false;
            case SandboxFaultKind.Unavailable:
                await AdminApiResponses.WriteErrorAsync(response, new AdminApiError(
                    503, "ServiceUnavailable", "The service is temporarily unavailable. Please try again later."));
                return false;
            case SandboxFaultKind.TokenRevoked:
                tokens.Revoke(claims.TokenId);
                await RefuseTokenAsync(context, "The access token has been revoked.", hasToken: true);
                return false;
            default:
                try
                {
                    await Task.Delay(fault.Duration, clock, context.RequestAborted);
                    return true;
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
        }
    }

    private static async Task RefuseTokenAsync(HttpContext context, string failure, bool hasToken)
    {
        var challenge = "Bearer client_id=\"" + ExchangeResource.ExchangeOnlineAppId + "\", "
            + "trusted_issuers=\"00000001-0000-0000-c000-000000000000@*\", "
            + "token_types=\"app_asserted_user_v1 service_asserted_app_v1\", "
            + $"authorization_uri=\"{RequestOrigin.Of(context.Request)}/common/oauth2/authorize\"";
        context.Response.Headers.WWWAuthenticate = hasToken ? challenge + ", error=\"invalid_token\"" : challenge;
        await AdminApiResponses.WriteErrorAsync(context.Response, AdminApiError.Unauthorized(failure));
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

    private static async Task WritePageAsync(HttpContext context, ArrayBufferWriter<byte> page, bool dropMidBody)
    {
        var response = context.Response;
        var (pageSize, applied) = PagePreference.Read(context.Request);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = AdminApiResponses.JsonContentType;
        response.Headers["OData-Version"] = "4.0";
        if (applied)
        {
            response.Headers["Preference-Applied"] = "odata.maxpagesize=" + pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        response.ContentLength = page.WrittenCount;
        if (!dropMidBody)
        {
            await response.Body.WriteAsync(page.WrittenMemory, context.RequestAborted);
            return;
        }

        await response.Body.WriteAsync(page.WrittenMemory[..(page.WrittenCount / 2)], context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);

        // Aborting resets the connection, and a reset discards whatever the client hasn't read yet. Waiting a moment (in
        // real time: this is about the network, not the sandbox clock) lets the headers and half the body arrive first,
        // so the client sees what a connection dropped mid-body looks like: a 200 whose body never completes.
        await Task.Delay(DropDelay, context.RequestAborted);
        context.Abort();
    }
}
