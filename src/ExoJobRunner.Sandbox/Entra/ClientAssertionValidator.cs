using System.Buffers.Text;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// Checks a client assertion as Entra does for certificate credentials: a JWS signed (PS256 or RS256) by a certificate
/// registered on the app, named by <c>x5t#S256</c> or <c>x5t</c>; <c>aud</c> the token endpoint; <c>iss</c> and
/// <c>sub</c> the app id; the current time within <c>nbf</c>..<c>exp</c> (NumericDates, whole or fractional seconds),
/// allowing <see cref="ClockSkew"/> either way.
/// </summary>
internal static class ClientAssertionValidator
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <returns>Null when the assertion is good, otherwise the refusal.</returns>
    public static EntraError? Validate(string assertion, Registration.RegisteredApp app, IReadOnlyCollection<string> audiences, DateTimeOffset now)
    {
        if (CompactJwt.TryRead(assertion) is not { } jws)
        {
            return EntraErrors.MalformedAssertion();
        }

        if (jws.Algorithm is not ("PS256" or "RS256"))
        {
            return EntraErrors.UnsupportedAlgorithm(jws.Algorithm);
        }

        var thumbprint = Thumbprint(jws);
        var key = thumbprint is null ? null : app.FindKey(thumbprint);
        var thumbprintText = thumbprint is null ? string.Empty : Convert.ToHexString(thumbprint);
        if (key is null)
        {
            return EntraErrors.KeyNotRegistered(thumbprintText, app.AppId);
        }

        using (var publicKey = key.CreatePublicKey())
        {
            if (!JwsSignature.Verify(jws, publicKey))
            {
                return EntraErrors.InvalidSignature(thumbprintText, key.NotBefore, key.NotAfter);
            }
        }

        var audience = jws.ClaimStrings("aud");
        if (audience.Count != 1 || !audiences.Any(accepted => SameUrl(accepted, audience[0])))
        {
            return EntraErrors.AudienceMismatch();
        }

        if (!string.Equals(jws.ClaimString("iss"), app.AppId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(jws.ClaimString("sub"), app.AppId, StringComparison.OrdinalIgnoreCase))
        {
            return EntraErrors.IssuerMismatch();
        }

        // NumericDates may carry fractions of a second (RFC 7519). A claim that is there but is no NumericDate at all
        // makes the assertion malformed rather than "without a start": skipping an unreadable nbf would accept an
        // assertion that is not valid yet.
        var notBefore = jws.ClaimTime("nbf");
        var expires = jws.ClaimTime("exp");
        if ((notBefore is null && jws.HasClaim("nbf")) || (expires is null && jws.HasClaim("exp")))
        {
            return EntraErrors.MalformedAssertion();
        }

        if (expires is null || expires.Value + ClockSkew < now || (notBefore is { } start && start - ClockSkew > now))
        {
            return EntraErrors.AssertionOutsideValidity(now, notBefore, expires);
        }

        return null;
    }

    private static byte[]? Thumbprint(CompactJwt jws)
    {
        var encoded = jws.HeaderString("x5t#S256") ?? jws.HeaderString("x5t");
        if (encoded is null)
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(encoded);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool SameUrl(string left, string right) =>
        string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
