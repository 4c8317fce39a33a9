using ExoJobRunner.Exchange.Cmdlets;

namespace ExoJobRunner.Exchange.Tests.Cmdlets;

public sealed class MultiValuedUpdateTests
{
    private static readonly string[] Addresses = ["SMTP:a@contoso.com", "smtp:b@contoso.com"];
    private static readonly string[] Added = ["smtp:new@contoso.com"];
    private static readonly string[] Removed = ["smtp:old@contoso.com", "smtp:older@contoso.com"];

    [Fact]
    public void Replacement_IsSentAsAnArray()
    {
        MultiValuedUpdate update = Addresses;

        Assert.Equal(Addresses, update.ToParameterValue());
    }

    [Fact]
    public void AddAndRemove_AreSentAsATableOfBoth()
    {
        var update = MultiValuedUpdate.Add("smtp:new@contoso.com").AndRemove("smtp:old@contoso.com", "smtp:older@contoso.com");

        var table = Assert.IsType<Dictionary<string, object?>>(update.ToParameterValue());
        Assert.Equal(Added, table["Add"]);
        Assert.Equal(Removed, table["Remove"]);
    }

    [Fact]
    public void Remove_AloneSendsNoAddEntry()
    {
        var table = Assert.IsType<Dictionary<string, object?>>(MultiValuedUpdate.Remove("x@contoso.com").ToParameterValue());

        Assert.Equal(["Remove"], table.Keys);
    }

    [Fact]
    public void Replacement_CannotAlsoAdd()
    {
        Assert.Throws<InvalidOperationException>(() => MultiValuedUpdate.Replace("a@contoso.com").AndAdd("b@contoso.com"));
    }

    [Fact]
    public void EmptyValue_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => MultiValuedUpdate.Add("a@contoso.com", " "));
    }
}
