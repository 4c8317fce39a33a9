using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.AdminApi;

public sealed partial class CmdletBehaviourTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string[] FullAccess = ["FullAccess"];
    private static readonly string[] MinimumAndArchive = ["Minimum", "Archive"];
    private static readonly string[] Office = ["Office"];
    private static readonly string[] AnrProperties = ["Name", "Alias", "DisplayName", "FirstName", "LastName", "PrimarySmtpAddress"];

    public enum IdentityForm
    {
        Name,
        Alias,
        UserPrincipalName,
        PrimarySmtpAddress,
        SecondaryAddress,
        ObjectGuid,
        ExternalDirectoryObjectId,
        ExchangeGuid,
        DistinguishedName,
        UpperCaseAlias,
    }

    /// <summary>
    /// Each filter narrows the cmdlet's own unfiltered listing to exactly the objects it should: the filtered answer is
    /// compared, object by object and in order, with the unfiltered listing filtered here.
    /// </summary>
    [Theory]
    //          cmdlet                   filter parameters                                                                    unfiltered listing       property                matches
    [InlineData("Get-Mailbox",           "{\"RecipientTypeDetails\":[\"SharedMailbox\",\"RoomMailbox\"]}",                    "Get-Mailbox",           "RecipientTypeDetails", "SharedMailbox|RoomMailbox")]
    [InlineData("Get-EXOMailbox",        "{\"Filter\":\"RecipientTypeDetails -eq 'RoomMailbox'\"}",                           "Get-Mailbox",           "RecipientTypeDetails", "RoomMailbox")]
    [InlineData("Get-Recipient",         "{\"RecipientTypeDetails\":[\"GuestMailUser\",\"MailUniversalDistributionGroup\"]}", "Get-Recipient",         "RecipientTypeDetails", "GuestMailUser|MailUniversalDistributionGroup")]
    [InlineData("Get-EXORecipient",      "{\"Anr\":\"ma\"}",                                                                  "Get-Recipient",         "Anr",                  "ma")]
    [InlineData("Get-User",              "{\"Filter\":\"Department -eq 'Legal'\"}",                                           "Get-User",              "Department",           "Legal")]
    [InlineData("Get-MailUser",          "{\"Filter\":\"RecipientTypeDetails -eq 'GuestMailUser'\"}",                         "Get-MailUser",          "RecipientTypeDetails", "GuestMailUser")]
    [InlineData("Get-DistributionGroup", "{\"Filter\":\"Name -like 'All*'\"}",                                                "Get-DistributionGroup", "Name",                 "All*")]
    [InlineData("Get-UnifiedGroup",      "{\"Filter\":\"AccessType -eq 'Private'\"}",                                         "Get-UnifiedGroup",      "AccessType",           "Private")]
    public async Task ReadCmdlet_ReturnsExactlyTheObjectsItsFilterSelects(string cmdlet, string filter, string unfilteredCmdlet, string property, string matches)
    {
        var everything = await AllAsync(unfilteredCmdlet, new Dictionary<string, object> { ["ResultSize"] = "Unlimited" });
        var parameters = JsonSerializer.Deserialize<Dictionary<string, object>>(filter)!;
        parameters["ResultSize"] = "Unlimited";

        var filtered = await AllAsync(cmdlet, parameters);

        var expected = everything.Where(item => Selects(item, property, matches)).Select(item => Text(item, "Guid")).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < everything.Count, $"'{matches}' should select some of the {everything.Count} objects, not all");
        Assert.Equal(expected, filtered.Select(item => Text(item, "Guid")));
    }

    [Fact]
    public async Task GetExoMailbox_ReturnsTheMinimumSet_PlusTheNamedSetsAndProperties()
    {
        var minimum = await InvokeAsync("Get-EXOMailbox", new { ResultSize = 2 });

        var wider = await InvokeAsync("Get-EXOMailbox", new { ResultSize = 2, PropertySets = MinimumAndArchive, Properties = Office });

        var minimumNames = PropertyNames(Assert.Single(minimum.Value.Take(1)));
        Assert.Equal(2, wider.Value.Count);
        Assert.All(wider.Value, mailbox => Assert.Equal(
            minimumNames.Concat(["ArchiveGuid", "ArchiveName", "ArchiveStatus", "Office"]).Order(StringComparer.Ordinal),
            PropertyNames(mailbox).Order(StringComparer.Ordinal)));
        Assert.Equal(minimum.Value.Select(m => Text(m, "Guid")), wider.Value.Select(m => Text(m, "Guid")));
    }

    [Fact]
    public async Task OrganizationCmdlets_DescribeThisTenant()
    {
        var domains = await InvokeAsync("Get-AcceptedDomain", new { });
        var organization = await InvokeAsync("Get-OrganizationConfig", new { });

        Assert.Equal(["sandbox.example", "sandbox.onmicrosoft.com"], domains.Value.Select(d => Text(d, "DomainName")).Order(StringComparer.Ordinal));
        Assert.Equal("sandbox.example", Text(Assert.Single(domains.Value, d => d.GetProperty("Default").GetBoolean()), "DomainName"));
        Assert.Equal(sandbox.Server.Organization, Text(Assert.Single(organization.Value), "Name"));
    }

    [Theory]
    [InlineData(IdentityForm.Name)]
    [InlineData(IdentityForm.Alias)]
    [InlineData(IdentityForm.UserPrincipalName)]
    [InlineData(IdentityForm.PrimarySmtpAddress)]
    [InlineData(IdentityForm.SecondaryAddress)]
    [InlineData(IdentityForm.ObjectGuid)]
    [InlineData(IdentityForm.ExternalDirectoryObjectId)]
    [InlineData(IdentityForm.ExchangeGuid)]
    [InlineData(IdentityForm.DistinguishedName)]
    [InlineData(IdentityForm.UpperCaseAlias)]
    public async Task Identity_ResolvesEveryFormExchangeAccepts(IdentityForm form)
    {
        var mailbox = await MailboxAsync(position: 123);
        var identity = form switch
        {
            IdentityForm.Name => Text(mailbox, "Name"),
            IdentityForm.Alias => Text(mailbox, "Alias"),
            IdentityForm.UserPrincipalName => Text(mailbox, "UserPrincipalName"),
            IdentityForm.PrimarySmtpAddress => Text(mailbox, "PrimarySmtpAddress"),
            IdentityForm.SecondaryAddress => mailbox.GetProperty("EmailAddresses")[1].GetString()![5..],
            IdentityForm.ObjectGuid => Text(mailbox, "Guid"),
            IdentityForm.ExternalDirectoryObjectId => Text(mailbox, "ExternalDirectoryObjectId"),
            IdentityForm.ExchangeGuid => Text(mailbox, "ExchangeGuid"),
            IdentityForm.DistinguishedName => Text(mailbox, "DistinguishedName"),
            _ => Text(mailbox, "Alias").ToUpperInvariant(),
        };

        var response = await InvokeAsync("Get-Mailbox", new { Identity = identity });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(Text(mailbox, "Guid"), Text(Assert.Single(response.Value), "Guid"));
    }

    [Theory]
    [InlineData("Get-Mailbox", "nobody@sandbox.example")]
    [InlineData("Get-Mailbox", "00000000-1111-2222-3333-444444444444")]
    [InlineData("Get-MailboxStatistics", "no-such-mailbox")]
    [InlineData("Get-DistributionGroupMember", "no-such-group")]
    public async Task UnknownIdentity_FailsWithExchangesCouldntBeFoundError(string cmdlet, string identity)
    {
        var response = await InvokeAsync(cmdlet, new { Identity = identity });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("NotFound", response.ErrorCode);
        Assert.Equal(
            "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't be performed "
            + $"because object '{identity}' couldn't be found on 'SBXPR01A001DC001.SBXPR01A001.PROD.OUTLOOK.COM'.",
            response.ErrorDetail);
        Assert.Equal("ManagementObjectNotFoundException", response.Header("x-ExceptionType"));
    }

    [Fact]
    public async Task IdentityOfAnotherKind_IsNotFound()
    {
        var group = Text(Assert.Single((await InvokeAsync("Get-DistributionGroup", new { ResultSize = 1 })).Value), "Alias");

        var response = await InvokeAsync("Get-Mailbox", new { Identity = group });

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
    }

    [Theory]
    [InlineData("Get-Mailbox", "{\"Foo\":1}", "A parameter cannot be found that matches parameter name 'Foo'.")]
    [InlineData("Get-Mailbox", "{\"identity\":\"a\",\"IDENTITY\":\"b\"}", "Cannot bind parameter because parameter 'Identity' is specified more than once.")]
    [InlineData("Get-MailboxPermission", "{}", "Cannot process command because of one or more missing mandatory parameters: Identity.")]
    [InlineData("Add-MailboxPermission", "{\"Identity\":\"x\"}", "Cannot process command because of one or more missing mandatory parameters: User AccessRights.")]
    [InlineData("Get-Mailbox", "{\"ResultSize\":\"lots\"}", "Cannot process argument transformation on parameter 'ResultSize'.")]
    [InlineData("Get-Mailbox", "{\"ResultSize\":0}", "Cannot convert value \"0\" to type \"Microsoft.Exchange.Data.Unlimited`1[System.UInt32]\"")]
    [InlineData("Set-Mailbox", "{\"Identity\":\"x\",\"LitigationHoldEnabled\":\"maybe\"}", "Cannot convert value \"maybe\" to type \"System.Boolean\".")]
    [InlineData("Set-Mailbox", "{\"Identity\":\"x\",\"Type\":\"Kiosk\"}", "Specify one of the following enumerator names and try again:\nRegular, Room, Equipment, Shared")]
    [InlineData("Set-MailboxAutoReplyConfiguration", "{\"Identity\":\"x\",\"StartTime\":\"someday\"}", "Cannot convert value \"someday\" to type \"System.DateTime\".")]
    [InlineData("Set-Mailbox", "{\"Identity\":\"x\",\"ForwardingSmtpAddress\":\"not an address\"}", "isn't a valid SMTP address")]
    [InlineData("Get-Mailbox", "{\"Identity\":\"x\",\"Filter\":\"Alias -eq 'x'\"}", "Parameter set cannot be resolved using the specified named parameters.")]
    [InlineData("Get-EXOMailbox", "{\"Properties\":[\"Shoesize\"]}", "The property 'Shoesize' isn't valid for Get-EXOMailbox.")]
    public async Task BadParameters_AreRefusedWithPowerShellsBindingErrors(string cmdlet, string parameters, string message)
    {
        var response = await InvokeAsync(cmdlet, JsonDocument.Parse(parameters).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BadRequest", response.ErrorCode);
        Assert.Contains(message, response.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCmdlet_IsRefusedAsCommandNotFound()
    {
        var response = await InvokeAsync("Get-Mailboxes", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith(
            "|System.Management.Automation.CommandNotFoundException|The term 'Get-Mailboxes' is not recognized as a name of a cmdlet",
            response.ErrorDetail,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"CmdletInput\":{\"Parameters\":{}}}")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public async Task MalformedBody_IsRefusedWithTheExpectedShape(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Server.InvokeCommandUri)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await sandbox.TokenAsync());

        using var response = await sandbox.Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CmdletInput", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RecipientTypeDetails -eq 'SharedMailbox'", "RecipientTypeDetails -ne 'SharedMailbox'")]
    [InlineData("Alias -like 'room-*'", "Alias -notlike 'room-*'")]
    [InlineData("(Office -eq 'Oslo') -and (RecipientTypeDetails -eq \"UserMailbox\")", "-not ((Office -eq 'Oslo') -and (RecipientTypeDetails -eq \"UserMailbox\"))")]
    [InlineData("Office -eq 'Oslo' -or Office -eq 'Lisbon'", "Office -ne 'Oslo' -and Office -ne 'Lisbon'")]
    [InlineData("LitigationHoldEnabled -eq $true", "LitigationHoldEnabled -eq $false")]
    [InlineData("{ArchiveStatus -eq 'Active'}", "{ArchiveStatus -ne 'Active'}")]
    [InlineData("Office -eq $null", "Office -ne $null")]
    public async Task Filter_AndItsComplement_PartitionTheMailboxes(string filter, string complement)
    {
        var matching = await CountAsync(filter);
        var rest = await CountAsync(complement);

        Assert.InRange(matching, 1, SandboxFixture.Mailboxes - 1);
        Assert.Equal(SandboxFixture.Mailboxes, matching + rest);
    }

    [Theory]
    [InlineData("RecipientTypeDetails -eq 'RoomMailbox'", "RecipientTypeDetails", "RoomMailbox")]
    [InlineData("Office -eq 'Lisbon'", "UsageLocation", "Portugal")]
    [InlineData("EmailAddresses -like 'smtp:info*'", "RecipientTypeDetails", "SharedMailbox")]
    public async Task Filter_ReturnsOnlyMatchingObjects(string filter, string property, string expected)
    {
        var response = await InvokeAsync("Get-Mailbox", new { Filter = filter, ResultSize = 50 });

        Assert.NotEmpty(response.Value);
        Assert.All(response.Value, mailbox => Assert.Equal(expected, Text(mailbox, property)));
    }

    [Theory]
    [InlineData("Alias -eq", "at position 10.")]
    [InlineData("Alias -equals 'x'", "at position 7.")]
    [InlineData("(Alias -eq 'x'", "at position 15.")]
    [InlineData("Alias -eq 'unterminated", "Invalid filter syntax.")]
    [InlineData("Shoesize -gt 42", "\"Shoesize\" is not a recognized filterable property.")]
    public async Task BadFilter_IsRefusedNamingThePosition(string filter, string message)
    {
        var response = await InvokeAsync("Get-Mailbox", new { Filter = filter });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("Cannot bind parameter 'Filter' to the target.", response.ErrorDetail, StringComparison.Ordinal);
        Assert.Contains(message, response.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MailboxStatistics_PrintSizesLikeExchange()
    {
        var mailbox = await MailboxAsync(position: 7);

        var statistics = Assert.Single((await InvokeAsync("Get-EXOMailboxStatistics", new { UserPrincipalName = Text(mailbox, "UserPrincipalName") })).Value);

        Assert.Matches(SizePattern(), Text(statistics, "TotalItemSize"));
        Assert.Matches(SizePattern(), Text(statistics, "TotalDeletedItemSize"));
        Assert.Equal(Text(mailbox, "ExchangeGuid"), Text(statistics, "MailboxGuid"));
        Assert.True(statistics.GetProperty("ItemCount").GetInt64() > 0);
    }

    [Fact]
    public async Task SetMailbox_ThenGetMailbox_SeesTheChange()
    {
        var mailbox = await MailboxAsync(position: 301);
        var identity = Text(mailbox, "PrimarySmtpAddress");

        var set = await InvokeAsync("Set-Mailbox", new { Identity = identity, CustomAttribute7 = "cost-centre-4711", Office = "Remote", HiddenFromAddressListsEnabled = true, Confirm = false });
        var read = Assert.Single((await InvokeAsync("Get-Mailbox", new { Identity = identity })).Value);
        var found = await InvokeAsync("Get-Mailbox", new { Filter = "CustomAttribute7 -eq 'cost-centre-4711'" });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Empty(set.Value);
        Assert.Empty(set.Warnings);
        Assert.Equal("cost-centre-4711", Text(read, "CustomAttribute7"));
        Assert.Equal("Remote", Text(read, "Office"));
        Assert.True(read.GetProperty("HiddenFromAddressListsEnabled").GetBoolean());
        Assert.Equal(Text(mailbox, "Guid"), Text(Assert.Single(found.Value), "Guid"));
    }

    [Fact]
    public async Task SetMailbox_WithNothingToChange_WarnsLikeExchange()
    {
        var mailbox = await MailboxAsync(position: 302);

        var set = await InvokeAsync("Set-Mailbox", new { Identity = Text(mailbox, "Alias"), Office = Text(mailbox, "Office") });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal($"The command completed successfully but no settings of '{Text(mailbox, "Name")}' have been modified.", Assert.Single(set.Warnings));
    }

    [Fact]
    public async Task SetMailboxType_ConvertsTheMailbox()
    {
        var mailbox = await MailboxAsync(position: 303);

        await InvokeAsync("Set-Mailbox", new { Identity = Text(mailbox, "Alias"), Type = "Shared" });
        var read = Assert.Single((await InvokeAsync("Get-Mailbox", new { Identity = Text(mailbox, "Alias") })).Value);

        Assert.Equal("SharedMailbox", Text(read, "RecipientTypeDetails"));
        Assert.True(read.GetProperty("AccountDisabled").GetBoolean());
    }

    [Fact]
    public async Task AddThenRemoveMailboxPermission_IsSeenByGetMailboxPermission()
    {
        var mailbox = Text(await MailboxAsync(position: 310), "Alias");
        var user = Text(await MailboxAsync(position: 311), "UserPrincipalName");

        var added = await InvokeAsync("Add-MailboxPermission", new { Identity = mailbox, User = user, AccessRights = FullAccess, AutoMapping = false });
        var again = await InvokeAsync("Add-MailboxPermission", new { Identity = mailbox, User = user, AccessRights = "FullAccess" });
        var afterAdd = await InvokeAsync("Get-MailboxPermission", new { Identity = mailbox, User = user });
        var removed = await InvokeAsync("Remove-MailboxPermission", new { Identity = mailbox, User = user, AccessRights = FullAccess, Confirm = false });
        var afterRemove = await InvokeAsync("Get-MailboxPermission", new { Identity = mailbox });
        var removedAgain = await InvokeAsync("Remove-MailboxPermission", new { Identity = mailbox, User = user, AccessRights = FullAccess });

        Assert.Equal(user, Text(Assert.Single(added.Value), "User"));
        Assert.StartsWith("An existing permission entry was found for user:", Assert.Single(again.Warnings), StringComparison.Ordinal);
        Assert.Equal(["FullAccess"], Assert.Single(afterAdd.Value).GetProperty("AccessRights").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.DoesNotContain(afterRemove.Value, entry => Text(entry, "User") == user);
        Assert.Contains(afterRemove.Value, entry => Text(entry, "User") == @"NT AUTHORITY\SELF");
        Assert.StartsWith("Can't remove the access control entry on the object", Assert.Single(removedAgain.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddThenRemoveDistributionGroupMember_IsSeenByGetDistributionGroupMember()
    {
        var group = Text(Assert.Single((await InvokeAsync("Get-DistributionGroup", new { ResultSize = 1 })).Value), "PrimarySmtpAddress");
        var member = await MailboxAsync(position: 320);

        var added = await InvokeAsync("Add-DistributionGroupMember", new { Identity = group, Member = Text(member, "Alias"), BypassSecurityGroupManagerCheck = true });
        var membersAfterAdd = await InvokeAsync("Get-DistributionGroupMember", new { Identity = group, ResultSize = "Unlimited" });
        var addedTwice = await InvokeAsync("Add-DistributionGroupMember", new { Identity = group, Member = Text(member, "Alias") });
        var removed = await InvokeAsync("Remove-DistributionGroupMember", new { Identity = group, Member = Text(member, "Guid"), Confirm = false });
        var membersAfterRemove = await InvokeAsync("Get-DistributionGroupMember", new { Identity = group, ResultSize = "Unlimited" });
        var removedTwice = await InvokeAsync("Remove-DistributionGroupMember", new { Identity = group, Member = Text(member, "Alias") });

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains(membersAfterAdd.Value, m => Text(m, "Guid") == Text(member, "Guid"));
        Assert.Contains("MemberAlreadyExistsException", addedTwice.ErrorDetail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.DoesNotContain(membersAfterRemove.Value, m => Text(m, "Guid") == Text(member, "Guid"));
        Assert.Equal(membersAfterAdd.Value.Count - 1, membersAfterRemove.Value.Count);
        Assert.Contains("MemberNotFoundException", removedTwice.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMailboxAutoReplyConfiguration_ThenGet_SeesTheChange()
    {
        var mailbox = Text(await MailboxAsync(position: 330), "UserPrincipalName");

        var set = await InvokeAsync("Set-MailboxAutoReplyConfiguration", new
        {
            Identity = mailbox,
            AutoReplyState = "scheduled",
            InternalMessage = "Back on Monday.",
            ExternalAudience = "Known",
            StartTime = "2026-07-01T08:00:00.0000000Z",
            EndTime = "2026-07-15T17:00:00.0000000Z",
        });
        var read = Assert.Single((await InvokeAsync("Get-MailboxAutoReplyConfiguration", new { Identity = mailbox })).Value);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("Scheduled", Text(read, "AutoReplyState"));
        Assert.Equal("Back on Monday.", Text(read, "InternalMessage"));
        Assert.Equal("Known", Text(read, "ExternalAudience"));
        Assert.Equal("2026-07-01T08:00:00+00:00", Text(read, "StartTime"));
        Assert.Equal("2026-07-15T17:00:00+00:00", Text(read, "EndTime"));
    }

    /// <summary>
    /// Each link type lists exactly what the group says it holds: the owners are its ManagedBy, the members as many as its
    /// GroupMemberCount (guests as its GroupExternalMemberCount), subscribers the members, aggregators none.
    /// </summary>
    [Fact]
    public async Task UnifiedGroupLinks_ListExactlyTheGroupsOwnMembersAndOwners_ByLinkType()
    {
        var groups = (await InvokeAsync("Get-UnifiedGroup", new { ResultSize = 3 })).Value;
        Assert.Equal(3, groups.Count);

        foreach (var group in groups)
        {
            var name = Text(group, "Name");
            var members = await LinksAsync(name, "Members");
            var owners = await LinksAsync(name, "Owners");

            Assert.Equal(group.GetProperty("ManagedBy").EnumerateArray().Select(owner => owner.GetString()), owners.Select(owner => Text(owner, "Name")));
            Assert.Equal(group.GetProperty("GroupMemberCount").GetInt32(), members.Count);
            Assert.Equal(group.GetProperty("GroupExternalMemberCount").GetInt32(), members.Count(m => Text(m, "RecipientTypeDetails") == "GuestMailUser"));
            Assert.NotEqual(Addresses(members).Order(), Addresses(owners).Order());
            Assert.Equal(Addresses(members), Addresses(await LinksAsync(name, "Subscribers")));
            Assert.Empty(await LinksAsync(name, "Aggregators"));
        }

        async Task<IReadOnlyList<JsonElement>> LinksAsync(string group, string linkType)
        {
            var response = await InvokeAsync("Get-UnifiedGroupLinks", new { Identity = group, LinkType = linkType, ResultSize = "Unlimited" });
            Assert.Equal(HttpStatusCode.OK, response.Status);
            return response.Value;
        }

        static IEnumerable<string> Addresses(IEnumerable<JsonElement> links) => links.Select(link => Text(link, "PrimarySmtpAddress"));
    }

    private async Task<int> CountAsync(string filter)
    {
        var pages = await sandbox.Client.AllPagesAsync(
            await sandbox.TokenAsync(), "Get-EXOMailbox", new { Filter = filter, ResultSize = "Unlimited" }, maxPageSize: 1000);
        return pages.Sum(page => page.Value.Count);
    }

    private async Task<JsonElement> MailboxAsync(int position)
    {
        var response = await InvokeAsync("Get-Mailbox", new { Filter = "RecipientTypeDetails -eq 'UserMailbox'", ResultSize = position + 1 });
        return response.Value[position];
    }

    private async Task<List<JsonElement>> AllAsync(string cmdlet, object parameters)
    {
        var pages = await sandbox.Client.AllPagesAsync(await sandbox.TokenAsync(), cmdlet, parameters, maxPageSize: 1000);
        return [.. pages.SelectMany(page => page.Value)];
    }

    /// <summary>The filter evaluated here: one of '|'-separated values, a trailing-* prefix, or ambiguous name resolution.</summary>
    private static bool Selects(JsonElement item, string property, string matches)
    {
        string? Value(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        bool StartsWith(string? value, string prefix) => value?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true;
        return property == "Anr"
            ? AnrProperties.Any(name => StartsWith(Value(name), matches))
            : matches.EndsWith('*')
                ? StartsWith(Value(property), matches[..^1])
                : matches.Split('|').Contains(Value(property), StringComparer.OrdinalIgnoreCase);
    }

    private static string[] PropertyNames(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];

    private async Task<AdminApiResponse> InvokeAsync(string cmdlet, object parameters) =>
        await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), cmdlet, parameters);

    private static string Text(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    [GeneratedRegex(@"^\d+(\.\d{1,2})? (B|KB|MB|GB|TB) \(\d{1,3}(,\d{3})* bytes\)$")]
    private static partial Regex SizePattern();
}
