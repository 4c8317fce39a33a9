using System.Globalization;
using System.Text.RegularExpressions;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox;

/// <summary>How to start a sandbox: where it listens, how large and which tenant, which faults, which apps may sign in.</summary>
public sealed partial record SandboxServerOptions
{
    public const int DefaultMailboxes = 250;
    public const int DefaultSeed = 42;
    public const string DefaultOrganization = "sandbox.onmicrosoft.com";

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>How many objects <c>Get-Mailbox -ResultSize Unlimited</c> returns (0 to 1,000,000).</summary>
    public int Mailboxes { get; init; } = DefaultMailboxes;

    /// <summary>The seed everything generated derives from: the same seed gives the same tenant, ids included.</summary>
    public int Seed { get; init; } = DefaultSeed;

    /// <summary>The tenant's initial domain; must be <c>*.onmicrosoft.com</c>, as Exchange's <c>-Organization</c> requires.</summary>
    public string Organization { get; init; } = DefaultOrganization;

    public SandboxFaultSpec Faults { get; init; } = SandboxFaultSpec.None;

    /// <summary>
    /// The cloud the sandbox stands for: a client assertion may name that cloud's real token endpoint as its audience, and
    /// tokens may be asked for that cloud's Exchange Online resource.
    /// </summary>
    public SandboxCloud Cloud { get; init; } = SandboxCloud.O365Default;

    /// <summary>The app registrations the token endpoint knows; at least one. The first is the sandbox's <see cref="SandboxServer.AppId"/>.</summary>
    public IReadOnlyList<SandboxAppRegistration> Apps { get; init; } = [];

    /// <summary>The clock for token lifetimes, assertion checks, timestamps and slow-response delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <exception cref="ArgumentException">An option is out of range; the message names it and what is allowed.</exception>
    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw Invalid(nameof(Port), $"must be from 0 (any free port) to 65535, not {Port}");
        }

        if (Mailboxes is < 0 or > TenantGenerator.MaxMailboxes)
        {
            throw Invalid(nameof(Mailboxes), string.Create(CultureInfo.InvariantCulture, $"must be from 0 to {TenantGenerator.MaxMailboxes:N0}, not {Mailboxes}"));
        }

        if (Organization is null || !InitialDomain().IsMatch(Organization))
        {
            throw Invalid(nameof(Organization), $"must be a *.onmicrosoft.com domain such as {DefaultOrganization}, not '{Organization}'");
        }

        ArgumentNullException.ThrowIfNull(Faults);
        if (!Enum.IsDefined(Cloud))
        {
            throw Invalid(nameof(Cloud), $"must be one of {string.Join(", ", Enum.GetNames<SandboxCloud>())}, not {Cloud}");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (Apps is null || Apps.Count == 0)
        {
            throw Invalid(nameof(Apps), "must register at least one app, e.g. SandboxAppRegistration.ForCertificate(credential.Certificate)");
        }

        foreach (var app in Apps)
        {
            if (!Guid.TryParse(app.AppId, out _))
            {
                throw Invalid(nameof(Apps), $"app id '{app.AppId}' isn't a GUID; Entra application ids are GUIDs");
            }

            if (app.Certificates is null || app.Certificates.Count == 0)
            {
                throw Invalid(nameof(Apps), $"app '{app.AppId}' has no certificate, so it could never sign in");
            }
        }

        if (Apps.GroupBy(a => a.AppId, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw Invalid(nameof(Apps), $"app id '{duplicate.Key}' is registered twice");
        }
    }

    private static ArgumentException Invalid(string option, string problem) =>
        new($"Sandbox option {option} {problem}.", option);

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.onmicrosoft\.com$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InitialDomain();
}
