namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>Who is in a group and who manages it. Generated the first time anyone looks, then changed by writes.</summary>
internal sealed class GroupMembership(List<Recipient> members, List<Recipient> owners)
{
    public List<Recipient> Members { get; } = members;

    /// <summary>Distribution groups' ManagedBy, Microsoft 365 groups' owners.</summary>
    public List<Recipient> Owners { get; } = owners;
}
