namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// The personal ("My") certificate stores as .NET offers them on this platform: both on Windows; outside Windows
/// only CurrentUser\My, which .NET keeps as files in the user's profile.
/// </summary>
public static class CertificateStores
{
    public static bool IsAvailable(CertificateStoreScope scope) =>
        scope == CertificateStoreScope.CurrentUser || OperatingSystem.IsWindows();

    /// <summary>The store's name as people write it, and outside Windows where its files are (<c>CurrentUser\My (kept by .NET under …)</c>).</summary>
    public static string Describe(CertificateStoreScope scope)
    {
        var name = $"{scope}\\My";
        if (OperatingSystem.IsWindows())
        {
            return name;
        }

        return IsAvailable(scope)
            ? $"{name} (kept by .NET under ~/.dotnet/corefx/cryptography/x509stores/my)"
            : $"{name} (not available on this platform: .NET offers only CurrentUser\\My outside Windows)";
    }
}
