using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Core.Configuration;

/// <summary>A named way to reach one Exchange Online organization (an entry under <c>profiles:</c>).</summary>
public sealed record ConnectionProfile
{
    public required string Name { get; init; }

    public required SourceLocation Location { get; init; }

    public ExchangeEnvironment Environment { get; init; } = ExchangeEnvironment.O365Default;

    /// <summary>The app registration's application (client) id. Not required for the sandbox.</summary>
    public string? AppId { get; init; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain. Not required for the sandbox.</summary>
    public string? Organization { get; init; }

    public CertificateSource? Certificate { get; init; }

    /// <summary>Tenant size and seed when <see cref="Environment"/> is <see cref="ExchangeEnvironment.Sandbox"/>.</summary>
    public SandboxOptions? Sandbox { get; init; }

    /// <summary>What the Exchange layer needs to open this profile's session (it knows nothing of configuration files).</summary>
    public ExchangeConnectionSettings ToConnectionSettings() =>
        new(Name, Environment, AppId, Organization, Certificate, Sandbox);
}
