using System.Globalization;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Sandbox.Connection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// The measured loop through exojobs: the session pool connects a standalone-sandbox profile as the runner does (PEM
/// certificate checked, MSAL token, pinned server certificate), and a run's view of the session streams
/// <c>Get-Mailbox -ResultSize Unlimited</c> through <c>InvokeAsync</c>, reading two properties of each result as a job would.
/// </summary>
internal static class SessionEnumeration
{
    public const string Variant = "session";

    public static async Task<EnumerationMeasurement> RunAsync(EnumerationTarget target, EnumerationRecorder recorder)
    {
        await using var pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions
        {
            Client = new ExchangeClientOptions { PageSize = target.PageSize },
            Environments = SandboxEnvironments.All(),
        });
        var settings = new ExchangeConnectionSettings(
            "benchmark",
            ExchangeEnvironment.Sandbox,
            target.AppId,
            target.Organization,
            new CertificateSource { PemCertificatePath = target.CertificatePemPath, PemKeyPath = target.PrivateKeyPemPath },
            new SandboxOptions(Url: target.BaseUri, ServerCertificatePath: target.ServerCertificatePath));
        var session = (await pool.GetSessionAsync(settings)).ForRun(NullLogger.Instance);

        await EnumerateAsync(session, target.WarmupResults.ToString(CultureInfo.InvariantCulture), recorder);
        recorder.Start();
        await EnumerateAsync(session, "Unlimited", recorder);
        return recorder.Finish(Variant);
    }

    private static async Task EnumerateAsync(ExchangeSession session, string resultSize, EnumerationRecorder recorder)
    {
        await foreach (var mailbox in session.InvokeAsync("Get-Mailbox", new { ResultSize = resultSize }))
        {
            recorder.Record(mailbox.Get<string>("PrimarySmtpAddress"), mailbox.Get<string>("ProhibitSendQuota"));
        }
    }
}
