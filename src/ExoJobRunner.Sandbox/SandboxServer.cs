using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Sandbox.AdminApi;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Entra;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Hosting;
using ExoJobRunner.Sandbox.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExoJobRunner.Sandbox;

/// <summary>
/// A running offline Exchange Online: one HTTPS server on loopback that is both the Entra token endpoint
/// (<c>/{tenant}/oauth2/v2.0/token</c>, with the OpenID metadata MSAL reads) and the Exchange admin API
/// (<c>/adminapi/beta/{organization}/InvokeCommand</c>), over a generated tenant. Start one with <see cref="StartAsync"/>;
/// everything a client needs to connect is on the instance.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication application;
    private readonly AccessTokenService tokens;
    private readonly X509Certificate2 certificateWithKey;
    private int disposed;

    private SandboxServer(
        WebApplication application,
        AccessTokenService tokens,
        X509Certificate2 certificateWithKey,
        SandboxTenant tenant,
        SandboxServerOptions options,
        Uri baseUri,
        SandboxActivity activity)
    {
        this.application = application;
        this.tokens = tokens;
        this.certificateWithKey = certificateWithKey;
        BaseUri = baseUri;
        TenantId = tenant.TenantId;
        Organization = tenant.Domains.Initial;
        DefaultDomain = tenant.Domains.Default;
        AppId = options.Apps[0].AppId;
        MailboxCount = tenant.Layout.Mailboxes;
        Seed = options.Seed;
        Faults = options.Faults;
        Cloud = options.Cloud;
        Activity = activity;
        ServerCertificate = X509CertificateLoader.LoadCertificate(certificateWithKey.RawData);
    }

    /// <summary><c>https://127.0.0.1:PORT/</c>: the login host and the Exchange host at once.</summary>
    public Uri BaseUri { get; }

    public Guid TenantId { get; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain: what <c>-Organization</c> and the admin API path take.</summary>
    public string Organization { get; }

    /// <summary>The custom domain mailbox addresses use (<c>sandbox.example</c>).</summary>
    public string DefaultDomain { get; }

    /// <summary>The first registered app's id: the one a sandbox profile signs in as.</summary>
    public string AppId { get; }

    /// <summary>
    /// The server's self-signed TLS certificate (public part only). Clients trust exactly this certificate, e.g. by comparing
    /// it in <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>.
    /// </summary>
    public X509Certificate2 ServerCertificate { get; }

    /// <summary>The authority to give MSAL (<c>WithAuthority(uri, validateAuthority: false)</c>): <c>https://127.0.0.1:PORT/{tenantId}/</c>.</summary>
    public Uri AuthorityUri => new(BaseUri, $"{TenantId}/");

    public Uri TokenEndpoint => new(BaseUri, $"{TenantId}/oauth2/v2.0/token");

    /// <summary>
    /// The scope to request: <c>https://127.0.0.1:PORT/.default</c>. The real <c>https://outlook.office365.com/.default</c>
    /// is accepted as well.
    /// </summary>
    public string Scope => BaseUri.GetLeftPart(UriPartial.Authority) + "/.default";

    /// <summary><c>https://127.0.0.1:PORT/adminapi/beta/{organization}/InvokeCommand</c>.</summary>
    public Uri InvokeCommandUri => new(BaseUri, $"adminapi/beta/{Organization}/InvokeCommand");

    public int MailboxCount { get; }

    public int Seed { get; }

    public SandboxFaultSpec Faults { get; }

    /// <summary>What the sandbox has served, issued, refused and injected so far.</summary>
    public SandboxActivity Activity { get; }

    /// <summary>The cloud whose real login host and Exchange resource the sandbox also answers to.</summary>
    public SandboxCloud Cloud { get; }

    /// <exception cref="ArgumentException">An option is invalid (the message says which and why).</exception>
    /// <exception cref="IOException">The port couldn't be listened on.</exception>
    public static async Task<SandboxServer> StartAsync(SandboxServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var tenant = TenantGenerator.Generate(options.Mailboxes, options.Seed, options.Organization);
        var directory = new SandboxDirectory(tenant, options.Apps, options.Cloud);
        var activity = new SandboxActivity();
        var tokens = new AccessTokenService(directory, options.TimeProvider, activity, options.Faults.TokenLifetime);
        var certificate = ServerCertificateFactory.Create();

        // The empty builder reads no appsettings, ASPNETCORE_* variables or command line and logs nothing: the sandbox
        // must behave the same wherever it is embedded, and print nothing its host didn't ask for.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddRoutingCore();

        // Exchange Online compresses its answers for a client that asks (Accept-Encoding: gzip), so the sandbox does too:
        // a client must read a compressed body, cut or whole, as it does in production.
        builder.Services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<GzipCompressionProvider>();
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Fastest);
        var application = builder.Build();
        application.UseResponseCompression();

        var address = new ListeningAddress(new Uri($"https://127.0.0.1:{options.Port}/"));
        MapEndpoints(application, tenant, directory, tokens, options, address, activity);
        try
        {
            await application.StartAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            await application.DisposeAsync();
            tokens.Dispose();
            certificate.Dispose();
            if (failure is IOException)
            {
                throw new IOException(
                    $"The sandbox couldn't listen on 127.0.0.1:{options.Port}: {failure.Message} Choose another port, or 0 for any free one.",
                    failure);
            }

            throw;
        }

        var bound = application.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        address.BaseUri = new Uri($"https://127.0.0.1:{new Uri(bound).Port}/");
        return new SandboxServer(application, tokens, certificate, tenant, options, address.BaseUri, activity);
    }

    /// <summary>Revokes every access token issued so far: the next API call with one gets 401 and must fetch a new token.</summary>
    public void RevokeIssuedTokens() => tokens.RevokeAll();

    public Task StopAsync(CancellationToken cancellationToken = default) => application.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await application.DisposeAsync();
        tokens.Dispose();
        certificateWithKey.Dispose();
        ServerCertificate.Dispose();
    }

    private static void MapEndpoints(
        WebApplication application,
        SandboxTenant tenant,
        SandboxDirectory directory,
        AccessTokenService tokens,
        SandboxServerOptions options,
        ListeningAddress address,
        SandboxActivity activity)
    {
        var tokenEndpoint = new TokenEndpoint(directory, tokens, options.TimeProvider, address);
        var discovery = new DiscoveryEndpoints(directory, tokens);
        var invokeCommand = new InvokeCommandEndpoint(tenant, new TenantShapes(tenant), options.TimeProvider);

        application.MapPost("/{tenant}/oauth2/v2.0/token", (RequestDelegate)(context => tokenEndpoint.HandleAsync(context, Route(context, "tenant"))));
        application.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (RequestDelegate)(context => discovery.OpenIdConfigurationAsync(context, Route(context, "tenant"))));
        application.MapGet("/{tenant}/.well-known/openid-configuration", (RequestDelegate)(context => discovery.OpenIdConfigurationAsync(context, Route(context, "tenant"))));
        application.MapGet("/{tenant}/discovery/v2.0/keys", (RequestDelegate)(context => discovery.KeysAsync(context, Route(context, "tenant"))));
        application.MapGet("/common/discovery/instance", (RequestDelegate)discovery.InstanceDiscoveryAsync);

        // The admin API's checks, outermost first, in the order Exchange makes them; the endpoint runs the cmdlet.
        var adminApi = application.MapPost(
                $"/adminapi/beta/{{{AdminApiAuthenticationFilter.OrganizationRouteValue}}}/InvokeCommand",
                (HttpContext context, string organization) => invokeCommand.HandleAsync(context, organization))
            .AddEndpointFilter(new RequestCorrelationFilter(activity))
            .AddEndpointFilter(new AdminApiAuthenticationFilter(tokens, directory, address));
        if (options.Faults.Budget is { } budget)
        {
            adminApi.AddEndpointFilter(new TenantBudgetFilter(budget, options.TimeProvider, activity));
        }

        adminApi
            .AddEndpointFilter(new FaultInjectionFilter(new FaultInjector(options.Faults, options.Seed), tokens, options.TimeProvider, activity))
            .AddEndpointFilter(new AppAuthorizationFilter());
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
