namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>Who outside the organization receives the external automatic reply.</summary>
internal enum ExternalAudience
{
    None,
    Known,
    All,
}
