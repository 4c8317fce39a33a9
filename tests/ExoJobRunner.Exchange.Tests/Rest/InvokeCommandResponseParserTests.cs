using System.Text;
using System.Text.Json;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Rest;

public sealed class InvokeCommandResponseParserTests
{
    private const string Page = """
        {"@odata.context":"https://outlook.office365.com/adminapi/beta/contoso.onmicrosoft.com/$metadata#Mailbox",
         "@adminapi.warnings":["The command completed successfully but no settings have been modified.", "Second \"quoted\" warning"],
         "value":[{"Name":"alice","Tags":["a","b"],"Nested":{"Deep":[1,{"x":null}]}},
                  {"Name":"bob \u00e9","Tags":[]},
                  {"Name":"carol"}],
         "@odata.nextLink":"https://outlook.office365.com/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand?$skiptoken=abc%3D%3D"}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(100_000)]
    public void Parse_YieldsSameResults_HoweverTheBytesAreSplit(int chunkSize)
    {
        var parsed = ParseInChunks(Encoding.UTF8.GetBytes(Page), chunkSize);

        Assert.Equal(["alice", "bob é", "carol"], parsed.Results.Select(result => result.GetProperty("Name").GetString()));
        Assert.Equal("""{"Deep":[1,{"x":null}]}""", parsed.Results[0].GetProperty("Nested").GetRawText());
        Assert.Equal("https://outlook.office365.com/adminapi/beta/contoso.onmicrosoft.com/InvokeCommand?$skiptoken=abc%3D%3D", parsed.Parser.NextLink);
        Assert.Equal(["The command completed successfully but no settings have been modified.", "Second \"quoted\" warning"], parsed.Parser.Warnings);
        Assert.True(parsed.Parser.Completed);
    }

    [Fact]
    public void Parse_HandsOutEachResult_AsSoonAsItsLastByteArrives()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"value":[{"Name":"alice"},{"Name":"bob"}]}""");
        var endOfFirst = Encoding.UTF8.GetBytes("""{"value":[{"Name":"alice"}""").Length;
        var parser = new InvokeCommandResponseParser();
        var results = new List<JsonElement>();

        var consumed = parser.Parse(bytes.AsSpan(0, endOfFirst - 1), isFinalBlock: false, results);
        Assert.Empty(results);

        consumed = parser.Parse(bytes.AsSpan(consumed, endOfFirst - consumed), isFinalBlock: false, results);

        Assert.Equal("alice", Assert.Single(results).GetProperty("Name").GetString());
        Assert.Null(parser.NextLink);
        Assert.False(parser.Completed);
    }

    [Theory]
    [InlineData("""{"value":[]}""", 0)]
    [InlineData("""{"value":null}""", 0)]
    [InlineData("""{"@odata.context":"x","value":["text",5,true]}""", 3)]
    public void Parse_AcceptsEmptyAndScalarResults(string page, int expectedCount)
    {
        var parsed = ParseInChunks(Encoding.UTF8.GetBytes(page), chunkSize: 3);

        Assert.Equal(expectedCount, parsed.Results.Count);
        Assert.Null(parsed.Parser.NextLink);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("""{"value":{"Name":"alice"}}""")]
    [InlineData("""{"value":[{"Name":"alice"}""")]
    public void Parse_RefusesWhatIsNotAnInvokeCommandPage(string page)
    {
        Assert.ThrowsAny<JsonException>(() => ParseInChunks(Encoding.UTF8.GetBytes(page), chunkSize: 4));
    }

    /// <summary>Feeds the parser the way <see cref="InvokeCommandPage"/> does: appended chunks, leftovers kept.</summary>
    private static (InvokeCommandResponseParser Parser, List<JsonElement> Results) ParseInChunks(byte[] bytes, int chunkSize)
    {
        var parser = new InvokeCommandResponseParser();
        var results = new List<JsonElement>();
        var pending = new List<byte>();
        var offset = 0;
        while (!parser.Completed)
        {
            var take = Math.Min(chunkSize, bytes.Length - offset);
            pending.AddRange(bytes.AsSpan(offset, take));
            offset += take;
            var consumed = parser.Parse(pending.ToArray(), isFinalBlock: take == 0, results);
            pending.RemoveRange(0, consumed);
        }

        return (parser, results);
    }
}
