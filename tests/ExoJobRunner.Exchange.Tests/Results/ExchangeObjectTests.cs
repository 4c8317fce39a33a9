using System.Text.Json;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Exchange.Tests.Results;

public sealed class ExchangeObjectTests
{
    private const string Mailbox = """
        {
          "DisplayName": "Alice Example",
          "Alias": "alice",
          "ExchangeGuid": "6f1b7c1e-9d2a-4c55-8a0b-0c7d5a3e2f10",
          "WhenCreated": "2021-03-04T12:00:00+02:00",
          "WhenChangedUTC": "2024-05-06T07:08:09Z",
          "IssueWarningQuota": 47,
          "ItemCount": "1234",
          "TotalSize": 12345678901,
          "Ratio": 0.25,
          "HiddenFromAddressListsEnabled": false,
          "LitigationHoldEnabled": "True",
          "RecipientTypeDetails": "UserMailbox",
          "RetainDeletedItemsFor": "14.00:00:00",
          "EmailAddresses": ["SMTP:alice@contoso.com", "smtp:al@contoso.com"],
          "Languages": "en-US",
          "ArchiveGuid": null,
          "Database": { "Name": "EURPR01DG123", "Id": 7 }
        }
        """;

    private readonly ExchangeObject mailbox = Parse(Mailbox);

    [Theory]
    [InlineData("DisplayName", typeof(string), "Alice Example")]
    [InlineData("displayname", typeof(string), "Alice Example")]
    [InlineData("IssueWarningQuota", typeof(int), "47")]
    [InlineData("ItemCount", typeof(int), "1234")]
    [InlineData("TotalSize", typeof(long), "12345678901")]
    [InlineData("TotalSize", typeof(string), "12345678901")]
    [InlineData("Ratio", typeof(double), "0.25")]
    [InlineData("Ratio", typeof(decimal), "0.25")]
    [InlineData("HiddenFromAddressListsEnabled", typeof(bool), "False")]
    [InlineData("LitigationHoldEnabled", typeof(bool), "True")]
    [InlineData("ExchangeGuid", typeof(Guid), "6f1b7c1e-9d2a-4c55-8a0b-0c7d5a3e2f10")]
    [InlineData("WhenCreated", typeof(DateTime), "2021-03-04T10:00:00.0000000Z")]
    [InlineData("WhenChangedUTC", typeof(DateTime), "2024-05-06T07:08:09.0000000Z")]
    [InlineData("WhenCreated", typeof(DateTimeOffset), "2021-03-04T12:00:00.0000000+02:00")]
    [InlineData("RetainDeletedItemsFor", typeof(TimeSpan), "14.00:00:00")]
    [InlineData("RecipientTypeDetails", typeof(RecipientKind), "UserMailbox")]
    [InlineData("ArchiveGuid", typeof(Guid?), "")]
    [InlineData("ArchiveGuid", typeof(string), "")]
    [InlineData("IssueWarningQuota", typeof(int?), "47")]
    public void Get_ConvertsPropertyToRequestedType(string name, Type type, string expected)
    {
        var value = typeof(ExchangeObject).GetMethod(nameof(ExchangeObject.Get))!.MakeGenericMethod(type).Invoke(mailbox, [name]);

        Assert.Equal(expected, Format(value));
    }

    [Fact]
    public void Get_ConvertsDatesToUtcKind()
    {
        Assert.Equal(DateTimeKind.Utc, mailbox.Get<DateTime>("WhenCreated").Kind);
    }

    [Fact]
    public void Get_ConvertsMultiValuedProperties_ToArraysAndLists()
    {
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:al@contoso.com"], mailbox.Get<string[]>("EmailAddresses"));
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:al@contoso.com"], mailbox.Get<List<string>>("EmailAddresses"));
        Assert.Equal(["SMTP:alice@contoso.com", "smtp:al@contoso.com"], mailbox.Get<IReadOnlyList<string>>("EmailAddresses"));
        Assert.Equal(["en-US"], mailbox.Get<string[]>("Languages"));
    }

    [Fact]
    public void Get_ReadsNestedObjects()
    {
        var database = mailbox.Get<ExchangeObject>("Database");

        Assert.Equal("EURPR01DG123", database.Get<string>("name"));
        Assert.Equal(7, database.Get<int>("Id"));
    }

    [Fact]
    public void Indexer_GivesNaturalDotNetValues()
    {
        Assert.Equal("Alice Example", mailbox["DisplayName"]);
        Assert.Equal(47L, mailbox["IssueWarningQuota"]);
        Assert.Equal(0.25, mailbox["Ratio"]);
        Assert.Equal(false, mailbox["HiddenFromAddressListsEnabled"]);
        Assert.Null(mailbox["ArchiveGuid"]);
        Assert.Equal(new object?[] { "SMTP:alice@contoso.com", "smtp:al@contoso.com" }, mailbox["EmailAddresses"]);
        Assert.Equal(7L, Assert.IsType<ExchangeObject>(mailbox["Database"])["Id"]);
    }

    [Theory]
    [InlineData("Alias", true)]
    [InlineData("alias", true)]
    [InlineData("ArchiveGuid", true)]
    [InlineData("PrimarySmtpAddress", false)]
    public void Has_TellsWhetherTheResultCarriesTheProperty_IgnoringCase(string name, bool expected)
    {
        Assert.Equal(expected, mailbox.Has(name));
    }

    [Fact]
    public void ToString_GivesTheJsonExchangeSent()
    {
        var nested = mailbox.Get<ExchangeObject>("Database");

        Assert.Equal("""{ "Name": "EURPR01DG123", "Id": 7 }""", nested.ToString());
    }

    [Fact]
    public void PropertyNames_KeepExchangeOrder()
    {
        Assert.Equal(["DisplayName", "Alias", "ExchangeGuid"], mailbox.PropertyNames.Take(3));
        Assert.Equal(17, mailbox.PropertyNames.Count);
    }

    [Theory]
    [InlineData("DisplayName", typeof(int))]
    [InlineData("Ratio", typeof(int))]
    [InlineData("TotalSize", typeof(int))]
    [InlineData("ArchiveGuid", typeof(Guid))]
    [InlineData("EmailAddresses", typeof(string))]
    [InlineData("Alias", typeof(DateTime))]
    public void Get_ReportsValuesThatDoNotConvert_NamingPropertyValueAndType(string name, Type type)
    {
        var call = () => typeof(ExchangeObject).GetMethod(nameof(ExchangeObject.Get))!.MakeGenericMethod(type).Invoke(mailbox, [name]);

        var error = Assert.IsType<InvalidCastException>(Assert.Throws<System.Reflection.TargetInvocationException>(call).InnerException);

        Assert.Contains($"'{name}' of this Get-Mailbox result", error.Message, StringComparison.Ordinal);
        Assert.Contains(type.Name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_ReportsMissingProperty_ListingThoseThatExist()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => mailbox.Get<string>("PrimarySmtp"));

        Assert.Contains("'PrimarySmtp' does not exist of this Get-Mailbox result", error.Message, StringComparison.Ordinal);
        Assert.Contains("DisplayName, Alias", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IssueWarningQuota", true, 47)]
    [InlineData("DisplayName", false, 0)]
    [InlineData("ArchiveGuid", false, 0)]
    [InlineData("NoSuchProperty", false, 0)]
    public void TryGet_ReportsWhetherThePropertyHasAConvertibleValue(string name, bool expected, int expectedValue)
    {
        var found = mailbox.TryGet<int>(name, out var value);

        Assert.Equal(expected, found);
        Assert.Equal(expectedValue, value);
    }

    [Fact]
    public void Lookups_FindTheFirstOfNamesEqualIgnoringCase_BeforeAndAfterTheObjectIndexesItsNames()
    {
        var result = Parse("""{ "Office": "first", "office": "second", "OFFICE": "third" }""");

        // The first lookups scan the JSON; later ones (and PropertyNames) use the index: both must agree.
        var answers = Enumerable.Range(0, 20).Select(_ => result.Get<string>("oFFice")).ToList();

        Assert.All(answers, answer => Assert.Equal("first", answer));
        Assert.Equal(["Office"], result.PropertyNames);
    }

    [Theory]
    [InlineData("""{ "Disp\u006cayName": "escaped" }""", "displayname", "escaped")]
    [InlineData("""{ "Bürostandort": "non-ASCII" }""", "BÜROSTANDORT", "non-ASCII")]
    [InlineData("""{ "Office": "ASCII" }""", "Office\u0000", null)]
    [InlineData("""{ "Kelvin": "ASCII" }""", "\u212Aelvin", null)]
    public void Lookups_CompareEscapedAndNonAsciiNames_AsStringsIgnoringCase(string json, string name, string? expected)
    {
        var scanned = Parse(json);
        var indexed = Parse(json);
        _ = indexed.PropertyNames;

        Assert.Equal(expected, scanned.TryGet<string>(name, out var value) ? value : null);
        Assert.Equal(expected, indexed.TryGet<string>(name, out var indexedValue) ? indexedValue : null);
    }

    private static ExchangeObject Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ExchangeObject(document.RootElement.Clone(), "Get-Mailbox");
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTime date => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public enum RecipientKind
    {
        SharedMailbox,
        UserMailbox,
    }
}
