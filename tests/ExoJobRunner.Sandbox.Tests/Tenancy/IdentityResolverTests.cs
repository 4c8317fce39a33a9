using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Tests.Tenancy;

public sealed class IdentityResolverTests
{
    private static readonly SandboxTenant Tenant = TenantGenerator.Generate(3_000, seed: 5, "sandbox.onmicrosoft.com");

    public static TheoryData<string> Forms => new()
    {
        "Name", "Alias", "UPN", "Primary", "Secondary", "Guid", "ExternalDirectoryObjectId", "ExchangeGuid", "DistinguishedName",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Resolve_FindsAMailboxByEveryIdentity(string form)
    {
        var mailbox = Tenant.Mailboxes[1234];
        var identity = form switch
        {
            "Name" => mailbox.Name,
            "Alias" => mailbox.Alias,
            "UPN" => mailbox.UserPrincipalName!,
            "Primary" => mailbox.PrimarySmtpAddress,
            "Secondary" => mailbox.EmailAddresses[1][5..],
            "Guid" => mailbox.Guid.ToString("B"),
            "ExternalDirectoryObjectId" => mailbox.ExternalDirectoryObjectId.ToString(),
            "ExchangeGuid" => mailbox.ExchangeGuid.ToString("N"),
            _ => mailbox.DistinguishedName,
        };

        Assert.Same(mailbox, Tenant.Identities.Resolve(identity).Single);
    }

    [Fact]
    public void Resolve_FindsAGuestByItsExternalAddressAndItsUpn()
    {
        var guest = Tenant.MailUsers.First(r => r.Kind == RecipientKind.GuestMailUser);

        Assert.Same(guest, Tenant.Identities.Resolve(guest.ExternalAddress!).Single);
        Assert.Same(guest, Tenant.Identities.Resolve(guest.UserPrincipalName!).Single);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nobody")]
    [InlineData("nobody@sandbox.example")]
    [InlineData("nobody@fabrikam.example")]
    [InlineData("CN=nobody,OU=x")]
    [InlineData("8d5a31b6-0000-4000-8000-000000000000")]
    public void Resolve_FindsNothing_ForUnknownIdentities(string identity)
    {
        var match = Tenant.Identities.Resolve(identity);

        Assert.Null(match.Single);
        Assert.False(match.IsAmbiguous);
    }

    [Fact]
    public void Resolve_FindsNothing_ForAnAddressInTheWrongDomainOfAKnownAlias()
    {
        var guest = Tenant.MailUsers.First(r => r.Kind == RecipientKind.GuestMailUser);

        Assert.Null(Tenant.Identities.Resolve($"{guest.Alias}@sandbox.example").Single);
    }

    [Fact]
    public void ObjectIds_RoundTrip_AndForeignGuidsDoNotDecode()
    {
        var codec = new ObjectIdCodec(seed: 9);

        Assert.True(codec.TryDecode(codec.Encode(ObjectIdPurpose.ExchangeGuid, 77_777), out var purpose, out var index));
        Assert.Equal((ObjectIdPurpose.ExchangeGuid, 77_777), (purpose, index));
        Assert.False(codec.TryDecode(Guid.NewGuid(), out _, out _));
        Assert.False(new ObjectIdCodec(seed: 10).TryDecode(codec.Encode(ObjectIdPurpose.ObjectGuid, 1), out _, out _));
    }
}
