namespace ExoJobRunner.Exchange.Certificates;

/// <summary>One problem with a client certificate: what is wrong with it (naming the certificate) and what to do.</summary>
public sealed record CertificateFinding(CertificateFindingKind Kind, CertificateFindingSeverity Severity, string Cause, string Fix)
{
    /// <summary>The cause and the fix in one sentence pair, as run logs show it.</summary>
    public string Message => $"{Cause} {Fix}";
}
