using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>What a cmdlet runs against: the tenant, its bound parameters and the sandbox clock.</summary>
internal sealed class CmdletContext(SandboxTenant tenant, TenantShapes shapes, BoundParameters parameters, TimeProvider clock)
{
    public SandboxTenant Tenant { get; } = tenant;

    public TenantShapes Shapes { get; } = shapes;

    public BoundParameters Parameters { get; } = parameters;

    /// <summary>
    /// Resolves an identity among the objects the cmdlet works on. One that exists but is of another kind (a group given
    /// to Get-Mailbox) is "couldn't be found", as in Exchange.
    /// </summary>
    public Recipient Resolve(string identity, Func<Recipient, bool> inScope)
    {
        var match = Tenant.Identities.Resolve(identity);
        if (match.IsAmbiguous)
        {
            throw ExchangeErrors.AmbiguousIdentity(identity);
        }

        return match.Single is { } recipient && inScope(recipient)
            ? recipient
            : throw ExchangeErrors.ObjectNotFound(identity, TenantDomains.DirectoryServer);
    }

    public Recipient ResolveParameter(string parameterName, Func<Recipient, bool> inScope) =>
        Resolve(Parameters.Identity(parameterName), inScope);

    /// <summary>Stamps a changed object's WhenChanged with the sandbox clock.</summary>
    public void Touch(Recipient recipient) => recipient.WhenChanged = clock.GetUtcNow();
}
