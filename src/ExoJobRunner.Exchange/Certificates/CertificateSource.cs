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

    /// <summary>What is looked for and where, for messages: never a secret, only where one is read from.</summary>
    public string Describe()
    {
        if (Thumbprint is not null)
        {
            var stores = Store is { } store ? $"{store}\\My" : "CurrentUser\\My, then LocalMachine\\My";
            return $"thumbprint {Thumbprint} in {stores}";
        }

        if (PfxPath is not null)
        {
            return PfxPassword is null ? $"PFX file {PfxPath} (no password)" : $"PFX file {PfxPath} (password from {PfxPassword})";
        }

        if (PemCertificatePath is not null)
        {
            return PemKeyPath is null
                ? $"PEM file {PemCertificatePath} (certificate and key in one file)"
                : $"PEM file {PemCertificatePath} with key file {PemKeyPath}";
        }

        return "no certificate";
    }
}
