using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Organization;

/// <summary>Get-AcceptedDomain: the custom (default) domain and the initial <c>*.onmicrosoft.com</c> domain.</summary>
internal sealed class GetAcceptedDomainCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetAcceptedDomain;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var domains = context.Tenant.AcceptedDomains;
        if (context.Parameters.String("Identity") is { } identity)
        {
            domains = domains.Where(d => string.Equals(d.Name, identity, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(d.Guid.ToString(), identity, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (domains.Count == 0)
            {
                throw ExchangeErrors.ObjectNotFound(identity, TenantDomains.DirectoryServer);
            }
        }

        return CmdletOutput.Of(domains, AcceptedDomainShape.Shape.Properties);
    }
}
