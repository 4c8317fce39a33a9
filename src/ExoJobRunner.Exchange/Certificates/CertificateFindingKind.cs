namespace ExoJobRunner.Exchange.Certificates;

/// <summary>What <see cref="CertificateValidator"/> found wrong with a client certificate.</summary>
public enum CertificateFindingKind
{
    /// <summary>Entra ID verifies a signed assertion, so without the private key nothing can be signed.</summary>
    NoPrivateKey,
    Expired,
    NotYetValid,

    /// <summary>Still valid, but within <see cref="CertificateValidator.ExpiryWarningWindow"/> of its end date.</summary>
    ExpiresSoon,

    /// <summary>An RSA key shorter than <see cref="CertificateValidator.MinimumRsaKeySize"/> bits, which Entra ID refuses.</summary>
    WeakKey,

    /// <summary>An ECDSA (or other) key: Entra ID's client assertions are signed with RSA (RS256 or PS256) only.</summary>
    NotRsaKey,
    Sha1Signature,
}
