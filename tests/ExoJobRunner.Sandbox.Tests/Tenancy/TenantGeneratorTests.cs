using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Tests.Tenancy;

public sealed class TenantGeneratorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(49)]
    [InlineData(250)]
    [InlineData(100_000)]
    public void Generate_MakesExactlyTheRequestedMailboxes_WithUniqueNamesAliasesAndIds(int mailboxes)
    {
        var tenant = TenantGenerator.Generate(mailboxes, seed: 1, "sandbox.onmicrosoft.com");

        Assert.Equal(mailboxes, tenant.Mailboxes.Count);
        Assert.All(tenant.Mailboxes, mailbox => Assert.True(mailbox.Kind.IsMailbox()));
        Assert.Equal(tenant.Recipients.Count, tenant.Recipients.Select(r => r.Alias).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(tenant.Recipients.Count, tenant.Recipients.Select(r => r.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(tenant.Recipients.Count, tenant.Recipients.Select(r => r.ExternalDirectoryObjectId).Distinct().Count());
    }

    [Fact]
    public void Generate_HasEveryKindOfRecipient_InRealisticProportions()
    {
        var tenant = TenantGenerator.Generate(10_000, seed: 3, "sandbox.onmicrosoft.com");
        var kinds = tenant.Recipients.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(kinds[RecipientKind.UserMailbox], 8_000, 9_000);
        Assert.InRange(kinds[RecipientKind.SharedMailbox], 700, 1_300);
        Assert.InRange(kinds[RecipientKind.RoomMailbox], 300, 700);
        Assert.Equal(400, kinds[RecipientKind.MailUser]);
        Assert.Equal(500, kinds[RecipientKind.GuestMailUser]);
        Assert.Equal(200, kinds[RecipientKind.MailUniversalDistributionGroup]);
        Assert.Equal(250, kinds[RecipientKind.GroupMailbox]);
    }

    [Fact]
    public void Generate_IsDeterministic_ForTheSameSeed()
    {
        var first = TenantGenerator.Generate(2_000, seed: 11, "sandbox.onmicrosoft.com");
        var second = TenantGenerator.Generate(2_000, seed: 11, "sandbox.onmicrosoft.com");

        Assert.Equal(first.TenantId, second.TenantId);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(
            first.DistributionGroups.Select(g => string.Join(",", first.MembershipOf(g).Members.Select(m => m.Alias))),
            second.DistributionGroups.Select(g => string.Join(",", second.MembershipOf(g).Members.Select(m => m.Alias))));
    }

    [Fact]
    public void Generate_DiffersForAnotherSeed()
    {
        var first = TenantGenerator.Generate(2_000, seed: 11, "sandbox.onmicrosoft.com");
        var other = TenantGenerator.Generate(2_000, seed: 12, "sandbox.onmicrosoft.com");

        Assert.NotEqual(first.TenantId, other.TenantId);
        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Addresses_UseTheCustomDomain_AndTheInitialDomainAsSecondary()
    {
        var tenant = TenantGenerator.Generate(10, seed: 1, "contoso.onmicrosoft.com");
        var mailbox = tenant.Mailboxes[0];

        Assert.Equal($"{mailbox.Alias}@contoso.example", mailbox.PrimarySmtpAddress);
        Assert.Equal($"{mailbox.Alias}@contoso.example", mailbox.UserPrincipalName);
        Assert.Equal(["SMTP:" + mailbox.PrimarySmtpAddress, $"smtp:{mailbox.Alias}@contoso.onmicrosoft.com"], mailbox.EmailAddresses);
    }

    [Fact]
    public void SharedMailboxes_HaveDelegates_AndEveryMailboxHasSelf()
    {
        var tenant = TenantGenerator.Generate(1_000, seed: 1, "sandbox.onmicrosoft.com");
        var shared = tenant.Mailboxes.First(m => m.Kind == RecipientKind.SharedMailbox);
        var user = tenant.Mailboxes.First(m => m.Kind == RecipientKind.UserMailbox);

        Assert.Contains(tenant.PermissionsOf(shared), e => e.Principal is { Kind: RecipientKind.UserMailbox } && e.Rights == MailboxAccessRights.FullAccess);
        Assert.Equal(MailboxPermissionEntry.SelfUser, Assert.Single(tenant.PermissionsOf(user)).User);
    }

    private static List<string> Describe(SandboxTenant tenant) =>
        tenant.Recipients.Select(r => $"{r.Kind}|{r.Alias}|{r.Name}|{r.Guid}|{r.WhenCreated:O}|{r.Office}").ToList();
}
