using System.Text.Json;
using ExoJobRunner.Exchange.Cmdlets;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Tests.Cmdlets;

/// <summary>The generated result types over what Exchange sends: typed where documented, by name for the rest.</summary>
public sealed class ExchangeResultTests
{
    private const string MailboxJson = """
        {
          "DisplayName": "Alice Example",
          "WhenCreated": "2024-03-01T08:30:00Z",
          "HiddenFromAddressListsEnabled": "True",
          "EmailAddresses": ["SMTP:alice@contoso.com", "smtp:a@contoso.com"],
          "ExchangeGuid": "8a1f0e9c-2c1b-4d3e-9f00-0123456789ab",
          "ForwardingSmtpAddress": null,
          "msExchRecipientDisplayType": 1073741824,
          "Details": { "Office": "Oslo" }
        }
        """;

    [Fact]
    public void DocumentedProperties_AreTyped()
    {
        var mailbox = Mailbox.FromSource(Parse(MailboxJson));

        Assert.Equal("Alice Example", mailbox.DisplayName);
        Assert.Equal(new DateTime(2024, 3, 1, 8, 30, 0, DateTimeKind.Utc), mailbox.WhenCreated);
        Assert.Equal(DateTimeKind.Utc, mailbox.WhenCreated?.Kind);
        Assert.True(mailbox.HiddenFromAddressListsEnabled);
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:a@contoso.com"], mailbox.EmailAddresses);
        Assert.Equal(Guid.Parse("8a1f0e9c-2c1b-4d3e-9f00-0123456789ab"), mailbox.ExchangeGuid);
    }

    [Fact]
    public void DocumentedProperty_IsNull_WhenMissingOrNull()
    {
        var mailbox = Mailbox.FromSource(Parse(MailboxJson));

        Assert.Null(mailbox.ForwardingSmtpAddress);
        Assert.Null(mailbox.Office);
        Assert.Null(mailbox.WhenChanged);
    }

    [Fact]
    public void OtherProperties_AreReadByName()
    {
        var mailbox = Mailbox.FromSource(Parse(MailboxJson));

        Assert.Equal(1073741824L, mailbox["msExchRecipientDisplayType"]);
        Assert.Equal("Oslo", mailbox.Get<ExchangeObject>("Details")["office"]);
        Assert.True(mailbox.Has("details"));
    }

    [Fact]
    public void DocumentedProperty_OfTheWrongShape_SaysWhatItIs()
    {
        var mailbox = Mailbox.FromSource(Parse("""{ "WhenCreated": "last tuesday" }"""));

        var error = Assert.Throws<InvalidCastException>(() => mailbox.WhenCreated);
        Assert.Contains("WhenCreated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SizeProperties_ReadExchangesSizeText()
    {
        var statistics = MailboxStatistics.FromSource(Parse("""{ "TotalItemSize": "1.23 GB (1,320,702,208 bytes)", "TotalDeletedItemSize": 2048 }"""));

        Assert.Equal(1_320_702_208UL, statistics.TotalItemSize?.Bytes);
        Assert.Equal(2048UL, statistics.TotalDeletedItemSize?.Bytes);
    }

    [Fact]
    public void SizeProperty_ThatIsNoSize_SaysWhatItIs()
    {
        var statistics = MailboxStatistics.FromSource(Parse("""{ "TotalItemSize": "huge" }"""));

        var error = Assert.Throws<InvalidCastException>(() => statistics.TotalItemSize);
        Assert.Contains("'huge'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumerateProperties_GivesEveryProperty_InExchangesOrder_TypedWhereDocumented()
    {
        var mailbox = Mailbox.FromSource(Parse(MailboxJson));

        var properties = mailbox.EnumerateProperties().ToList();

        Assert.Equal(mailbox.PropertyNames, properties.Select(property => property.Key));
        Assert.IsType<DateTime>(properties.Single(property => property.Key == "WhenCreated").Value);
        Assert.Equal(true, properties.Single(property => property.Key == "HiddenFromAddressListsEnabled").Value);
        Assert.Equal(1073741824L, properties.Single(property => property.Key == "msExchRecipientDisplayType").Value);
    }

    [Fact]
    public void EnumerateProperties_KeepsTheSentValue_OfADocumentedPropertyOfTheWrongShape()
    {
        var mailbox = Mailbox.FromSource(Parse("""{ "WhenCreated": "last tuesday" }"""));

        Assert.Equal("last tuesday", Assert.Single(mailbox.EnumerateProperties()).Value);
    }

    private static ExchangeObject Parse(string json) => new(JsonDocument.Parse(json).RootElement.Clone(), "Get-Mailbox");
}
