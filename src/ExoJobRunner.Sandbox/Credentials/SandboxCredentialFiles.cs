namespace ExoJobRunner.Sandbox.Credentials;

/// <summary>Where <see cref="SandboxClientCredential.Export"/> wrote the credential: a PFX without password, and the PEM pair.</summary>
public sealed record SandboxCredentialFiles(string PfxPath, string CertificatePemPath, string PrivateKeyPemPath);
