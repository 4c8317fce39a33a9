using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Reads a secret from where a <see cref="SecretReference"/> points. Error messages name the reference, never the value.
/// </summary>
internal static class SecretReader
{
    /// <param name="reference">Where the secret is kept.</param>
    /// <param name="purpose">What the secret unlocks, for the error message (for example "PFX file /certs/app.pfx").</param>
    public static string Read(SecretReference reference, string purpose)
    {
        if (reference.EnvironmentVariable is { } variable)
        {
            return Environment.GetEnvironmentVariable(variable)
                ?? throw ExchangeConnectionException.Because(
                    $"The password for {purpose} is read from environment variable {variable}, which is not set.",
                    "Set it in the environment that runs exojobs (service unit, scheduled task or shell).");
        }

        if (reference.FilePath is { } path)
        {
            if (!File.Exists(path))
            {
                throw ExchangeConnectionException.Because(
                    $"The password for {purpose} is read from file {path}, which does not exist.",
                    "Create it (readable only by the account that runs exojobs) or correct the path.");
            }

            // Editors and `echo pw > file` leave a line break that is not part of the password.
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }

        throw ExchangeConnectionException.Because(
            $"The password reference for {purpose} names neither an environment variable nor a file.",
            "Write password: { env: NAME } or password: { file: path }.");
    }
}
