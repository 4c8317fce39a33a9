using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Exchange.Tests.Cmdlets;

/// <summary>What a typed call sends: only what the caller passed, value types as Exchange reads them.</summary>
public sealed class CmdletParametersTests
{
    [Fact]
    public void Add_SkipsWhatWasNotPassed_AndConvertsValueTypes()
    {
        var parameters = new CmdletParameters("Get-Mailbox")
            .Add("Identity", "alice")
            .Add("Filter", null)
            .Add("ResultSize", (ResultSize?)ResultSize.Unlimited)
            .AddSwitch("Archive", isPresent: false)
            .AddSwitch("SoftDeletedMailbox", isPresent: true)
            .Add("EmailAddresses", MultiValuedUpdate.Add("smtp:a@contoso.com"));

        Assert.Equal("Get-Mailbox", parameters.CmdletName);
        Assert.Equal(["Identity", "ResultSize", "SoftDeletedMailbox", "EmailAddresses"], parameters.Values.Keys);
        Assert.Equal("Unlimited", parameters.Values["ResultSize"]);
        Assert.Equal(true, parameters.Values["SoftDeletedMailbox"]);
        Assert.IsType<Dictionary<string, object?>>(parameters.Values["EmailAddresses"]);
    }
}
