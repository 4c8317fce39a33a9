using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Sandbox.Connection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Cli.Hosting;

/// <summary>How the host connects to Exchange Online (and to the sandbox): registered in one call, used by runs and the doctor alike.</summary>
internal static class ExchangeSessionServices
{
    /// <summary>The connection options, the process's session pool all on the host's clock and log.</summary>
    public static IServiceCollection AddExchangeSessions(this IServiceCollection services)
    {
        services.AddSingleton(provider => new ExchangeSessionPoolOptions
        {
            Logger = provider.GetRequiredService<ILogger>(),
            Client = new ExchangeClientOptions { TimeProvider = provider.GetRequiredService<TimeProvider>() },
            Environments = SandboxEnvironments.All(),
        });
        services.AddSingleton(provider => new ExchangeSessionPool(provider.GetRequiredService<ExchangeSessionPoolOptions>()));
        return services;
    }
}
