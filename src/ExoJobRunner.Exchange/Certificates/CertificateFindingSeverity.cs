namespace ExoJobRunner.Exchange.Certificates;

/// <summary>Whether a certificate finding stops the connection (<see cref="Error"/>) or is only reported.</summary>
public enum CertificateFindingSeverity
{
    Warning,
    Error,
}
