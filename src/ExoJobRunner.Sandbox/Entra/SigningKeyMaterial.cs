using System.Security.Cryptography;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// The RSA key the sandbox signs access tokens with, generated once per process. Generating a 2048-bit RSA key costs a
/// noticeable part of a second, and a process that starts several sandboxes (a test run) would pay it each time; sharing
/// the key loses nothing, since a token is only honoured by the sandbox that issued it (see <see cref="AccessTokenService"/>).
/// </summary>
internal static class SigningKeyMaterial
{
    private static readonly Lazy<RSAParameters> Parameters = new(() =>
    {
        using var key = RSA.Create(2048);
        return key.ExportParameters(includePrivateParameters: true);
    });

    /// <summary>A new RSA instance holding the process's signing key; the caller disposes it.</summary>
    public static RSA Create() => RSA.Create(Parameters.Value);
}
