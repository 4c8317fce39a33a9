using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Exchange.Authentication;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>
/// A real sandbox server on loopback HTTPS, and sessions connected to it the way the pool connects them (the endpoint's
/// handler and HTTP client, MSAL with the certificate and the production scope, the REST client), with a request recorder
/// and a recording clock in between.
/// Registers the apps the tests sign in as: a correctly set-up admin app and a Global Reader app.
/// </summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public const string ReaderAppId = "2b1f3c4d-0000-4000-8000-0000000000a1";

    private readonly List<IDisposable> clients = [];

    private SandboxHarness(SandboxServer server, X509Certificate2 certificate)
    {
        Server = server;
        Certificate = certificate;
    }

    public SandboxServer Server { get; }

    public X509Certificate2 Certificate { get; }

    public static async Task<SandboxHarness> StartAsync(int mailboxes = 50, string? faults = null)
    {
        var certificate = TestCertificates.Create(subject: "CN=exojobs-exchange-tests");
        var server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            Mailboxes = mailboxes,
            Seed = 11,
            Faults = SandboxFaultSpec.Parse(faults),
            Apps =
            [
                SandboxAppRegistration.ForCertificate(certificate),
                new SandboxAppRegistration { AppId = ReaderAppId, Certificates = [certificate], Role = SandboxDirectoryRole.GlobalReader },
            ],
        });
        return new SandboxHarness(server, certificate);
    }

    /// <summary>A session on this sandbox, as the pool would build it, plus what the test can observe of it.</summary>
    public ConnectedSession Connect(
        ExchangeClientOptions? options = null, string? appId = null, X509Certificate2? certificate = null, ILogger? logger = null)
    {
        var recorder = new RecordingHandler(ExchangeEndpoint.CreateHandler(Server.ServerCertificate));
        var httpClient = ExchangeEndpoint.CreateHttpClient(recorder, new ExchangeSessionPoolOptions().RequestTimeout);
        clients.Add(httpClient);
        options ??= new ExchangeClientOptions();
        var tokens = ExchangeTokenProvider.Create(
            new Uri(Server.BaseUri, Server.Organization),
            ExchangeCloud.For(ExchangeEnvironment.O365Default).Scope,
            appId ?? Server.AppId,
            Server.Organization,
            certificate ?? Certificate,
            httpClient,
            options);
        var client = new ExchangeRestClient(httpClient, tokens, Server.BaseUri, Server.Organization, options);
        var session = new ExchangeSession("sandbox-tests", ExchangeEnvironment.Sandbox, Server.Organization, client, [], logger);
        return new ConnectedSession(session, recorder);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        Certificate.Dispose();
    }
}

internal sealed record ConnectedSession(ExchangeSession Session, RecordingHandler Recorder)
{
    public IEnumerable<RecordedRequest> InvokeCommandRequests => Recorder.Requests.Where(request => request.IsInvokeCommand);

    public IEnumerable<RecordedRequest> TokenRequests => Recorder.Requests.Where(request => request.Uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal));
}
