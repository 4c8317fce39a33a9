namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>The organization-wide settings Get-OrganizationConfig shows.</summary>
internal sealed record OrganizationProfile(string Name, string DisplayName, Guid Guid, DateTimeOffset WhenCreated);
