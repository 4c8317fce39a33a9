namespace ExoJobRunner.Scripting.Analysis;

/// <summary>
/// Recognises names that hold a secret (<c>password</c>, <c>pfxPassword</c>, <c>client_secret</c>, <c>-CertificatePassword</c>)
/// and text that is one (a PEM private key), for the hard-coded secret rule in both languages.
/// </summary>
internal static class SecretNames
{
    /// <summary>
    /// Endings that make a name a secret's. A name is judged by how it ends, so <c>passwordVariable</c> (which holds
    /// the name of an environment variable) and <c>tokenUrl</c> are not secrets while <c>adminPassword</c> is.
    /// </summary>
    private static readonly string[] SecretEndings =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "apikey", "privatekey", "accesskey", "secretkey", "token",
    ];

    public static bool IsSecretLike(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalized = name.Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal)
            .TrimStart('$', '@')
            .ToLowerInvariant();

        // $PWD is PowerShell's current directory, not a password.
        return normalized != "pwd" && SecretEndings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal));
    }

    /// <summary>True for text holding a PEM private key (<c>-----BEGIN RSA PRIVATE KEY-----</c> and its kin).</summary>
    public static bool ContainsPrivateKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var begin = text.IndexOf("-----BEGIN ", StringComparison.Ordinal);
        return begin >= 0 && text.IndexOf("PRIVATE KEY-----", begin, StringComparison.Ordinal) > begin;
    }
}
