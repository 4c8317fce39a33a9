namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>The doctor's checks of a profile's connection, in the order each builds on the one before.</summary>
public static class DoctorChecks
{
    /// <summary>
    /// Certificate found, private key, not expired, key strength, organization, token acquired, Exchange.ManageAsApp in
    /// the token, and a harmless cmdlet. The profile itself comes from a configuration check run before these.
    /// </summary>
    public static IReadOnlyList<DoctorCheck> ForConnection() =>
    [
        new CertificateFoundCheck(),
        new PrivateKeyCheck(),
        new CertificateValidityCheck(),
        new KeyStrengthCheck(),
        new OrganizationCheck(),
        new TokenCheck(),
        new ManageAsAppCheck(),
        new CmdletCheck(),
    ];
}
