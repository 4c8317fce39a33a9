using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>A profile's certificate together with where it was found, in words (<c>CurrentUser\My</c>, <c>PFX file /etc/exo/app.pfx</c>).</summary>
public sealed record LocatedCertificate(X509Certificate2 Certificate, string Origin) : IDisposable
{
    public void Dispose() => Certificate.Dispose();
}
