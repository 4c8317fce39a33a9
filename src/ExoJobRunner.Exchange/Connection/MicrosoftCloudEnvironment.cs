using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>Microsoft's clouds: the hosts of <see cref="ExchangeCloud"/>, the public PKI, and the profile's own app.</summary>
internal sealed class MicrosoftCloudEnvironment : IExchangeEnvironmentProvider
{
    public static readonly MicrosoftCloudEnvironment Instance = new();

    public string Name => "Exchange Online";

    public bool Serves(ExchangeConnectionSettings settings) => settings.Environment != ExchangeEnvironment.Sandbox;

    public EnvironmentSignIn? ProvideSignIn(ExchangeConnectionSettings settings) => null;

    public Task<ExchangeEnvironmentAccess> OpenAsync(ExchangeConnectionSettings settings, X509Certificate2 clientCertificate, CancellationToken cancellationToken)
    {
        return Task.FromResult(ExchangeEnvironmentAccess.ForCloud(ExchangeCloud.For(settings.Environment), settings.Organization!));
    }
}
