using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// A harmless cmdlet succeeds: <c>Get-OrganizationConfig</c> reads one object and changes nothing, and every role
/// Exchange Online supports for app-only access may run it. This is where a missing or unsupported Entra role shows.
/// </summary>
internal sealed class CmdletCheck(ConnectionCheckContext context) : DoctorCheck
{
    public const string CmdletName = "Get-OrganizationConfig";

    public override string Name => CmdletName;

    public override async Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var (endpoint, tokens, appId) = context is { Endpoint: { } e, Tokens: { } t, AppId: { } a }
            ? (e, t, a)
            : throw new InvalidOperationException("The token check must pass before this one runs.");
        var client = endpoint.CreateRestClient(tokens, context.ClientOptions);
        try
        {
            string? organizationName = null;
            await foreach (var result in client.InvokeAsync(CmdletName, ExchangeParameterSerializer.SerializeInvokeBody(CmdletName, null), NullLogger.Instance, cancellationToken))
            {
                organizationName ??= new ExchangeObject(result, CmdletName).TryGet<string>("DisplayName", out var name) ? name : null;
            }

            return DoctorCheckResult.Passed($"Exchange Online answered for {organizationName ?? endpoint.Organization}");
        }
        catch (ExchangeCommandException exception)
        {
            return ExchangeRefusalAdvice.Explain(exception, appId);
        }
        catch (ExchangeConnectionException exception)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                "a fresh token was refused",
                exception.Cause,
                exception.Fix ?? "Run 'exojobs doctor' again; the token check shows why Entra ID refuses the app.");
        }
    }
}
