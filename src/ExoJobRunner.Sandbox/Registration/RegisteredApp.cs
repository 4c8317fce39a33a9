namespace ExoJobRunner.Sandbox.Registration;

/// <summary>An app registration with its keys indexed and its service principal's object id.</summary>
internal sealed class RegisteredApp(SandboxAppRegistration registration, Guid servicePrincipalId)
{
    public SandboxAppRegistration Registration { get; } = registration;

    public string AppId => Registration.AppId;

    public IReadOnlyList<RegisteredKey> Keys { get; } = registration.Certificates.Select(c => new RegisteredKey(c)).ToArray();

    /// <summary>The object id of the app's service principal in the tenant: the token's <c>oid</c> and <c>sub</c>.</summary>
    public Guid ServicePrincipalId { get; } = servicePrincipalId;

    public RegisteredKey? FindKey(ReadOnlySpan<byte> thumbprint)
    {
        foreach (var key in Keys)
        {
            if (key.Matches(thumbprint))
            {
                return key;
            }
        }

        return null;
    }
}
