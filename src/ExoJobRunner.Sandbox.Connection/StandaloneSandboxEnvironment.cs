using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Sandbox.Connection;

/// <summary>
/// <c>environment: Sandbox</c> with a <c>url</c>: a sandbox started elsewhere by <c>exojobs sandbox</c>, reached exactly
/// like a real tenant — the profile's own app id, organization and certificate sign in, so a wrong certificate or an
/// unknown app fails as it would in production — trusting only the server certificate it printed.
/// </summary>
public sealed class StandaloneSandboxEnvironment : IExchangeEnvironmentProvider
{
    public string Name => "the standalone sandbox";

    public string MissingCertificateAdvice => "use the PEM certificate and key (or the PFX) that 'exojobs sandbox' wrote.";

    public bool Serves(ExchangeConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Environment == ExchangeEnvironment.Sandbox && settings.SandboxOptions?.Url is not null;
    }

    public EnvironmentSignIn? ProvideSignIn(ExchangeConnectionSettings settings) => null;

    /// <summary>The sandbox serves Exchange Online and its token authority under its own address.</summary>
    public Task<ExchangeEnvironmentAccess> OpenAsync(ExchangeConnectionSettings settings, X509Certificate2 clientCertificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = settings.SandboxOptions?.Url ?? throw new ArgumentException("A standalone sandbox profile has a url.", nameof(settings));
        var serverCertificate = LoadServerCertificate(settings.ProfileName, settings.SandboxOptions.ServerCertificatePath);
        return Task.FromResult(ExchangeEnvironmentAccess.Relocated(SandboxEnvironments.StoodInFor, url, settings.Organization!, serverCertificate));
    }

    private static X509Certificate2 LoadServerCertificate(string profile, string? path)
    {
        if (path is null)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{profile}': a standalone sandbox needs 'serverCertificate'.",
                "Set it to the server certificate file 'exojobs sandbox' printed.");
        }

        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw ExchangeConnectionException.Because(
                $"Profile '{profile}': the sandbox server certificate {path} cannot be read ({exception.Message}).",
                "Use the file 'exojobs sandbox' printed, and restart it if it was stopped.",
                exception);
        }
    }
}
