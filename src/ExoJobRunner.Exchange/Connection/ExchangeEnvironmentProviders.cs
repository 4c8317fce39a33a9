namespace ExoJobRunner.Exchange.Connection;

/// <summary>Finds the provider that connects a profile: the host's registered ones first, then Microsoft's clouds.</summary>
internal static class ExchangeEnvironmentProviders
{
    /// <exception cref="ExchangeConnectionException">No provider connects the profile's environment in this program.</exception>
    public static IExchangeEnvironmentProvider Resolve(IReadOnlyList<IExchangeEnvironmentProvider> registered, ExchangeConnectionSettings settings)
    {
        foreach (var provider in registered)
        {
            if (provider.Serves(settings))
            {
                return provider;
            }
        }

        return MicrosoftCloudEnvironment.Instance.Serves(settings)
            ? MicrosoftCloudEnvironment.Instance
            : throw ExchangeConnectionException.Because(
                $"Profile '{settings.ProfileName}': this program cannot connect to environment {settings.Environment}.",
                "Run the job with exojobs, which includes the sandbox, or give the profile a Microsoft cloud as its environment.");
    }
}
