using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Everything needed to open a session for one connection profile. The configuration layer maps its profile to this,
/// so that Exchange knows nothing of configuration files.
/// </summary>
/// <param name="ProfileName">The profile's name; sessions are shared per name.</param>
/// <param name="Environment">The cloud, or the in-process sandbox.</param>
/// <param name="AppId">The app registration's application (client) id; ignored for the sandbox.</param>
/// <param name="Organization">The tenant's <c>*.onmicrosoft.com</c> domain; ignored for the sandbox.</param>
/// <param name="CertificateSource">The client certificate; ignored for the sandbox, which uses its own.</param>
/// <param name="SandboxOptions">Tenant size and seed for the sandbox; null means the defaults.</param>
public sealed record ExchangeConnectionSettings(
    string ProfileName,
    ExchangeEnvironment Environment,
    string? AppId,
    string? Organization,
    CertificateSource? CertificateSource,
    SandboxOptions? SandboxOptions = null);
