using System.Buffers.Text;
using System.Text;
using ExoJobRunner.Shared;

namespace ExoJobRunner.Sandbox.Tests.Entra;

/// <summary>The one JWT reader: the doctor reads an access token's roles with it, the sandbox assertions and tokens.</summary>
public sealed class CompactJwtTests
{
    [Theory]
    //          payload                                                          roles
    [InlineData("{\"roles\":[\"Exchange.ManageAsApp\"],\"appid\":\"a\"}",        "Exchange.ManageAsApp")]
    [InlineData("{\"roles\":[\"full_access_as_app\",\"Exchange.ManageAsApp\"]}", "full_access_as_app,Exchange.ManageAsApp")]
    [InlineData("{\"roles\":\"Exchange.ManageAsApp\"}",                          "Exchange.ManageAsApp")]
    [InlineData("{\"roles\":[\"a\",7,null,\"b\"]}",                              "a,b")]
    [InlineData("{\"roles\":7}",                                                 "")]
    [InlineData("{\"appid\":\"a\"}",                                             "")]
    public void ClaimStrings_ReadsOneStringOrAnArrayOfStrings(string payload, string roles)
    {
        var token = CompactJwt.TryRead(Jwt(payload));

        Assert.NotNull(token);
        Assert.Equal(roles, string.Join(",", token.ClaimStrings("roles")));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln")]
    [InlineData("WzFd.e30.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.!!!")]
    public void TryRead_GivesNull_ForWhatIsNotThreePartsWithJsonObjectHeaderAndPayload(string token) =>
        Assert.Null(CompactJwt.TryRead(token));

    [Theory]
    //          exp as written                    milliseconds since the epoch (null: unreadable)
    [InlineData("1795819367",                     1_795_819_367_000L)]
    [InlineData("1795819367.25",                  1_795_819_367_250L)]
    [InlineData("\"1795819367\"",                 1_795_819_367_000L)]
    [InlineData("\"1795819367.5\"",               1_795_819_367_500L)]
    [InlineData("1.79581936725e9",                1_795_819_367_250L)]
    [InlineData("-5",                             -5_000L)]
    [InlineData("\"soon\"",                       null)]
    [InlineData("true",                           null)]
    [InlineData("1e300",                          null)]
    [InlineData("253402300800",                   null)]
    public void ClaimTime_ReadsNumericDates_WholeOrFractional_NumbersOrNumericStrings(string written, long? milliseconds)
    {
        var token = CompactJwt.TryRead(Jwt($"{{\"exp\":{written}}}"))!;

        Assert.Equal(milliseconds, token.ClaimTime("exp")?.ToUnixTimeMilliseconds());
        Assert.True(token.HasClaim("exp"));
        Assert.False(token.HasClaim("nbf"));
        Assert.Null(token.ClaimTime("nbf"));
    }

    [Fact]
    public void TryRead_KeepsTheHeaderTheSignatureAndTheSignedText()
    {
        var text = Jwt("{\"sub\":\"x\"}");

        var token = CompactJwt.TryRead(text)!;

        Assert.Equal("RS256", token.Algorithm);
        Assert.Equal("x", token.ClaimString("sub"));
        Assert.Equal("sig", Encoding.ASCII.GetString(token.Signature));
        Assert.Equal(text[..text.LastIndexOf('.')], Encoding.ASCII.GetString(token.SigningInput));
    }

    private static string Jwt(string payload) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.c2ln";
}
