namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Where a profile's client certificate comes from: exactly one of a store thumbprint, a PFX file or a PEM pair.
/// Paths are absolute (resolved against the configuration file's folder when loaded).
/// </summary>
public sealed record CertificateSource
{
    public string? Thumbprint { get; init; }

    /// <summary>The store to search for <see cref="Thumbprint"/>; null searches CurrentUser then LocalMachine.</summary>
    public CertificateStoreScope? Store { get; init; }

    public string? PfxPath { get; init; }

    public SecretReference? PfxPassword { get; init; }

    public string? PemCertificatePath { get; init; }

    public string? PemKeyPath { get; init; }
}
