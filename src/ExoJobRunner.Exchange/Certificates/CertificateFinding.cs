namespace ExoJobRunner.Exchange.Certificates;

/// <summary>One problem with a client certificate, with a message that names the certificate, the cause and the fix.</summary>
public sealed record CertificateFinding(CertificateFindingKind Kind, CertificateFindingSeverity Severity, string Message);
