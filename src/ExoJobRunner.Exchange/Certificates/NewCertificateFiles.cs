namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Where <c>exojobs cert new</c> writes a certificate: the public <c>.cer</c> (DER) to upload to the app registration,
/// and unless the key went into a certificate store, the password-protected <c>.pfx</c> and, when the password was
/// generated, the <c>.pfx.password</c> file that holds it.
/// </summary>
public sealed record NewCertificateFiles(string CertificatePath, string? PfxPath, string? PasswordPath)
{
    public const string CertificateExtension = ".cer";

    public const string PfxExtension = ".pfx";

    public const string PasswordExtension = ".pfx.password";

    public static NewCertificateFiles For(string folder, string name, bool withPfx, bool withPasswordFile)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(name);
        if (withPasswordFile && !withPfx)
        {
            throw new ArgumentException("A password file belongs to a PFX file.", nameof(withPasswordFile));
        }

        var directory = Path.GetFullPath(folder);
        return new NewCertificateFiles(
            Path.Combine(directory, name + CertificateExtension),
            withPfx ? Path.Combine(directory, name + PfxExtension) : null,
            withPasswordFile ? Path.Combine(directory, name + PasswordExtension) : null);
    }

    /// <summary>Every file path, the public certificate first.</summary>
    public IReadOnlyList<string> All =>
        [CertificatePath, .. new[] { PfxPath, PasswordPath }.OfType<string>()];
}
