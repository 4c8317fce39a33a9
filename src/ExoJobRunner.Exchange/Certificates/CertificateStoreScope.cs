namespace ExoJobRunner.Exchange.Certificates;

/// <summary>Which personal ("My") certificate store a thumbprint is looked up in.</summary>
public enum CertificateStoreScope
{
    CurrentUser,
    LocalMachine,
}
