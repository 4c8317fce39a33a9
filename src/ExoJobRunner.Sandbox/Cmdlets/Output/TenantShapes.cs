using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>The output shapes that read tenant-wide state (group membership), built once per tenant.</summary>
internal sealed class TenantShapes(SandboxTenant tenant)
{
    public OutputShape<Recipient> DistributionGroup { get; } = DistributionGroupShape.Create(tenant);

    public OutputShape<Recipient> UnifiedGroup { get; } = UnifiedGroupShape.Create(tenant);
}
