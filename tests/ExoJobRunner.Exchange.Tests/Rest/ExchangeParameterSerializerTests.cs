using System.Collections;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Rest;

public sealed class ExchangeParameterSerializerTests
{
    private const string HashTable = "\"@odata.type\":\"#Exchange.GenericHashTable\"";

    public static readonly TheoryData<object?, string> Values = new()
    {
        { null,                                                              "null" },
        { true,                                                              "true" },
        { false,                                                             "false" },
        { "Unlimited",                                                       "\"Unlimited\"" },
        { 'x',                                                               "\"x\"" },
        { 42,                                                                "42" },
        { 5_000_000_000L,                                                    "5000000000" },
        { 1.5,                                                               "1.5" },
        { 2.25m,                                                             "2.25" },
        { new[] { "a@contoso.com", "b@contoso.com" },                        "[\"a@contoso.com\",\"b@contoso.com\"]" },
        { new List<int> { 1, 2 },                                            "[1,2]" },
        { new object?[] { "a", 1, null, new[] { true } },                    "[\"a\",1,null,[true]]" },
        { new Hashtable { ["Add"] = "smtp:a@contoso.com" },                   $"{{{HashTable},\"Add\":\"smtp:a@contoso.com\"}}" },
        { new { Add = new[] { "a@x" }, Remove = "b@x" },                     $"{{{HashTable},\"Add\":[\"a@x\"],\"Remove\":\"b@x\"}}" },
        { new Dictionary<string, object?> { ["Remove"] = null },             $"{{{HashTable},\"Remove\":null}}" },
        { new Dictionary<string, string> { ["Add"] = "a" },                  $"{{{HashTable},\"Add\":\"a\"}}" },
        { new DateTime(2025, 1, 31, 8, 0, 0, DateTimeKind.Utc),              "\"2025-01-31T08:00:00.0000000Z\"" },
        { new DateTime(2025, 1, 31, 8, 0, 0, 123, DateTimeKind.Utc),         "\"2025-01-31T08:00:00.1230000Z\"" },
        { new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.FromHours(2)),   "\"2025-07-01T08:00:00.0000000Z\"" },
        { new TimeSpan(1, 2, 3, 4),                                          "\"1.02:03:04\"" },
        { DayOfWeek.Monday,                                                  "\"Monday\"" },
        { FileAttributes.ReadOnly | FileAttributes.Hidden,                   "\"ReadOnly, Hidden\"" },
        { new Guid("6f1b7c1e-9d2a-4c55-8a0b-0c7d5a3e2f10"),                  "\"6f1b7c1e-9d2a-4c55-8a0b-0c7d5a3e2f10\"" },
        { new SwitchParameter(true),                                         "true" },
        { new SwitchParameter(false),                                        "false" },
        { ScriptBlock.Create("Name -like 'a*'"),                             "\"Name -like 'a*'\"" },
        { PSObject.AsPSObject("wrapped"),                                    "\"wrapped\"" },
        { PSObject.AsPSObject(new Hashtable { ["Add"] = PSObject.AsPSObject(7) }), $"{{{HashTable},\"Add\":7}}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Serialize_WritesValueInExchangeWireForm(object? value, string expectedJson)
    {
        var parameters = new Dictionary<string, object?> { ["Value"] = value };

        var json = ParametersOf(ExchangeParameterSerializer.SerializeInvokeBody("Set-Mailbox", parameters));

        Assert.Equal(expectedJson, json.GetProperty("Value").GetRawText());
    }

    [Fact]
    public void Serialize_WritesLocalAndUnspecifiedDates_AsUtc()
    {
        var utc = new DateTime(2025, 3, 1, 12, 30, 0, DateTimeKind.Utc);
        var local = utc.ToLocalTime();
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);

        var json = ParametersOf(ExchangeParameterSerializer.SerializeInvokeBody("Search-AdminAuditLog", new { StartDate = local, EndDate = unspecified }));

        Assert.Equal("2025-03-01T12:30:00.0000000Z", json.GetProperty("StartDate").GetString());
        Assert.Equal("2025-03-01T12:30:00.0000000Z", json.GetProperty("EndDate").GetString());
    }

    [Fact]
    public void Serialize_WritesTheInvokeCommandEnvelope()
    {
        var body = ExchangeParameterSerializer.SerializeInvokeBody("Get-Mailbox", new { ResultSize = "Unlimited" });

        Assert.Equal("""{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"ResultSize":"Unlimited"}}}""", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("anonymous object")]
    [InlineData("hashtable")]
    [InlineData("generic dictionary")]
    [InlineData("read-only dictionary")]
    public void Serialize_AcceptsEveryParameterContainer(string container)
    {
        object? parameters = container switch
        {
            "null" => null,
            "anonymous object" => new { Identity = "alice", Confirm = false },
            "hashtable" => new Hashtable { ["Identity"] = "alice", ["Confirm"] = false },
            "generic dictionary" => new Dictionary<string, object?> { ["Identity"] = "alice", ["Confirm"] = false },
            _ => new SortedList<string, object?> { ["Identity"] = "alice", ["Confirm"] = false }.AsReadOnly(),
        };

        var json = ParametersOf(ExchangeParameterSerializer.SerializeInvokeBody("Set-Mailbox", parameters));

        var written = json.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetRawText());
        var expected = container == "null" ? [] : new Dictionary<string, string> { ["Identity"] = "\"alice\"", ["Confirm"] = "false" };
        Assert.Equal(expected, written);
    }

    [Theory]
    [InlineData("string instead of parameters", "must be an anonymous object")]
    [InlineData("names differing in case", "given twice")]
    [InlineData("empty name", "empty name")]
    [InlineData("unsupported value", "Parameter 'Target' of Set-Mailbox is a Uri")]
    [InlineData("not a number", "Parameter 'Target' of Set-Mailbox is NaN")]
    [InlineData("non-string key", "keys must be strings")]
    public void Serialize_RefusesWhatExchangeCannotTake_NamingCmdletAndParameter(string scenario, string expected)
    {
        object parameters = scenario switch
        {
            "string instead of parameters" => "Identity=alice",
            "names differing in case" => new Dictionary<string, object?> { ["Identity"] = "a", ["identity"] = "b" },
            "empty name" => new Dictionary<string, object?> { [" "] = "a" },
            "unsupported value" => new { Target = new Uri("https://contoso.com") },
            "not a number" => new { Target = double.NaN },
            _ => new { Target = new Hashtable { [1] = "a" } },
        };

        var error = Assert.Throws<ArgumentException>(() => ExchangeParameterSerializer.SerializeInvokeBody("Set-Mailbox", parameters));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Set-Mailbox", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement ParametersOf(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("CmdletInput").GetProperty("Parameters").Clone();
    }
}
