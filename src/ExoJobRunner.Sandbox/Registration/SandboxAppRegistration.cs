using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Sandbox.Registration;

/// <summary>
/// An app registration the sandbox's token endpoint knows: its application (client) id, the certificates whose public keys
/// may sign its client assertions, the application permissions consented for it, and its directory role. The defaults are
/// what a correctly set-up Exchange Online automation app has: <c>Exchange.ManageAsApp</c> and Exchange Administrator.
/// </summary>
public sealed record SandboxAppRegistration
{
    /// <summary>The app id the sandbox uses when none is given; fixed, so profiles and scripts can rely on it.</summary>
    public const string DefaultAppId = "6e0b4a1c-5d2f-4c8e-9a3b-7f1e2d4c6b8a";

    /// <summary>The application permission (Office 365 Exchange Online) app-only Exchange access requires.</summary>
    public const string ManageAsAppPermission = "Exchange.ManageAsApp";

    /// <summary>The application (client) id, a GUID.</summary>
    public required string AppId { get; init; }

    public string DisplayName { get; init; } = "ExoJobRunner Sandbox";

    /// <summary>Certificates registered on the app; only their public keys are used. The caller keeps ownership.</summary>
    public required IReadOnlyList<X509Certificate2> Certificates { get; init; }

    /// <summary>Consented application permissions; they become the access token's <c>roles</c> claim.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [ManageAsAppPermission];

    public SandboxDirectoryRole Role { get; init; } = SandboxDirectoryRole.ExchangeAdministrator;

    /// <summary>A correctly set-up app (Exchange.ManageAsApp, Exchange Administrator) signing with <paramref name="certificate"/>.</summary>
    public static SandboxAppRegistration ForCertificate(X509Certificate2 certificate, string appId = DefaultAppId) => new()
    {
        AppId = appId,
        Certificates = [certificate],
    };
}
