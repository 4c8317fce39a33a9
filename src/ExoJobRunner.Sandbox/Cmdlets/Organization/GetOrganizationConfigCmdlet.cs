using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets.Organization;

/// <summary>Get-OrganizationConfig: the organization's settings, one object.</summary>
internal sealed class GetOrganizationConfigCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetOrganizationConfig;

    public CmdletOutput Invoke(CmdletContext context) =>
        CmdletOutput.Of([context.Tenant.Organization], OrganizationConfigShape.Shape.Properties);
}
