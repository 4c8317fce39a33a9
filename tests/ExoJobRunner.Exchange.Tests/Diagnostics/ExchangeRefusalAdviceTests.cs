using System.Net;
using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Diagnostics;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Diagnostics;

/// <summary>
/// Exchange Online's refusals, worded as the service words them, turned into the set-up fix. The role-too-narrow text
/// is one the doctor's own read-only cmdlet never meets in the sandbox, so it is covered here.
/// </summary>
public sealed class ExchangeRefusalAdviceTests
{
    private const string AppId = "0d0c7a10-0000-4000-8000-000000000001";

    [Theory]
    //          status  Exchange's message                                                                  kind              summary names                 fix names
    [InlineData(401,    "The role assigned to application " + AppId + " isn't supported in this scenario.", "Authentication", "no Entra role",              "Add assignments")]
    [InlineData(401,    "User is not allowed to call Get-OrganizationConfig",                             "Authentication", "may not run it",             "Exchange Administrator")]
    [InlineData(403,    "Access denied.",                                                                  "Authentication", "refused (HTTP 403)",         "Exchange.ManageAsApp")]
    [InlineData(503,    "The service is unavailable.",                                                     "Other",          "failed (HTTP 503)",          "request id")]
    [InlineData(null,   "Could not reach Exchange Online at outlook.office365.com: connection refused.",   "Other",          "could not be reached",       "proxy settings")]
    public void Explain_TurnsTheRefusalIntoItsFix(int? status, string message, string kind, string summary, string fix)
    {
        var exception = new ExchangeCommandException("Get-OrganizationConfig", (HttpStatusCode?)status, "Unauthorized", message, "req-1");

        var result = ExchangeRefusalAdvice.Explain(exception, AppId);

        Assert.Equal(DoctorCheckStatus.Failed, result.Status);
        Assert.Equal(Enum.Parse<DoctorFailureKind>(kind), result.FailureKind);
        Assert.Contains(summary, result.Summary, StringComparison.Ordinal);
        Assert.Contains(message.TrimEnd('.'), result.Cause, StringComparison.Ordinal);
        Assert.Contains(fix, result.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("Impersonation", result.Fix, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RoleAssignmentFix_NamesSupportedRoles_WhereToAssignThem_AndWhenTheyTakeEffect()
    {
        var fix = ExchangeRefusalAdvice.RoleAssignmentFix(AppId);

        Assert.Contains("Exchange Administrator", fix, StringComparison.Ordinal);
        Assert.Contains("Exchange Recipient Administrator", fix, StringComparison.Ordinal);
        Assert.Contains("Global Reader", fix, StringComparison.Ordinal);
        Assert.Contains("Roles & admins", fix, StringComparison.Ordinal);
        Assert.Contains(AppId, fix, StringComparison.Ordinal);
        Assert.Contains("up to an hour", fix, StringComparison.Ordinal);
    }
}
