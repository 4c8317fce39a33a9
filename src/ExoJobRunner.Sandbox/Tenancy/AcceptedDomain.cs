namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>One accepted domain (Get-AcceptedDomain).</summary>
internal sealed record AcceptedDomain(string DomainName, bool IsDefault, bool IsInitial, Guid Guid)
{
    public string Name => DomainName;
}
