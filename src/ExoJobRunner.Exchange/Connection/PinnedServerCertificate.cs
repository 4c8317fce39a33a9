using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// HTTP handlers that trust exactly one server certificate — the in-process sandbox's own, self-signed one — and
/// nothing else, instead of switching certificate validation off.
/// </summary>
internal static class PinnedServerCertificate
{
    public static SocketsHttpHandler CreateHandler(X509Certificate2 serverCertificate)
    {
        var expectedHash = serverCertificate.GetCertHash(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && presented.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(expectedHash),
            },
        };
    }
}
