namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// Where a secret (a PFX password) is read from at run time. Secrets are never written in configuration files,
/// only a reference to an environment variable or a file.
/// </summary>
public sealed record SecretReference(string? EnvironmentVariable, string? FilePath)
{
    public override string ToString() =>
        EnvironmentVariable is not null ? $"environment variable {EnvironmentVariable}" : $"file {FilePath}";
}
