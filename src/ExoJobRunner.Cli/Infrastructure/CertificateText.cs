using System.Globalization;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>How the cert verbs write certificate dates: UTC to the minute, as the Entra portal lists start and expiry.</summary>
internal static class CertificateText
{
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
