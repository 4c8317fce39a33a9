using System.Buffers.Text;
using System.Text;
using ExoJobRunner.Exchange.Diagnostics;

namespace ExoJobRunner.Exchange.Tests.Diagnostics;

public sealed class AccessTokenPayloadTests
{
    [Theory]
    //          payload                                                    roles
    [InlineData("{\"roles\":[\"Exchange.ManageAsApp\"],\"appid\":\"a\"}",  "Exchange.ManageAsApp")]
    [InlineData("{\"roles\":[\"full_access_as_app\",\"Exchange.ManageAsApp\"]}", "full_access_as_app,Exchange.ManageAsApp")]
    [InlineData("{\"appid\":\"a\"}",                                       "")]
    [InlineData("{\"roles\":\"Exchange.ManageAsApp\"}",                    "")]
    public void TryRead_ReadsTheRolesClaim(string payload, string roles)
    {
        var read = AccessTokenPayload.TryRead(Jwt(payload));

        Assert.NotNull(read);
        Assert.Equal(roles, string.Join(",", read.Roles));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("a.b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.!!!.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.WzFd.c2ln")]
    public void TryRead_GivesNull_ForWhatIsNotAJwtWithAJsonObjectPayload(string token) =>
        Assert.Null(AccessTokenPayload.TryRead(token));

    private static string Jwt(string payload) =>
        $"eyJhbGciOiJSUzI1NiJ9.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.c2ln";
}
