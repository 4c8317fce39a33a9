using System.Runtime.CompilerServices;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The shared, certificate-authenticated Exchange Online session of one connection profile: scripts see it as <c>Exo</c>.
/// One connection per profile per process (see <see cref="ExchangeSessionPool"/>), safe for concurrent use by every run.
/// Each run works through its own view, <see cref="ForRun"/>, so that Exchange's warnings land in that run's log
/// while the connection, token cache and <c>connection-id</c> stay shared.
/// </summary>
public sealed class ExchangeSession
{
    private readonly ExchangeRestClient client;
    private readonly ILogger logger;

    internal ExchangeSession(
        string profileName, ExchangeEnvironment environment, string organization, ExchangeRestClient client, IReadOnlyList<string> connectionWarnings, ILogger? logger)
    {
        ProfileName = profileName;
        Environment = environment;
        Organization = organization;
        ConnectionWarnings = connectionWarnings;
        this.client = client;
        this.logger = logger ?? NullLogger.Instance;
    }

    public string ProfileName { get; }

    public ExchangeEnvironment Environment { get; }

    /// <summary>The tenant's <c>*.onmicrosoft.com</c> domain (the sandbox's own for the sandbox).</summary>
    public string Organization { get; }

    /// <summary>What was found worth a warning when the session connected (a certificate about to expire, a weak key …).</summary>
    public IReadOnlyList<string> ConnectionWarnings { get; }

    /// <summary>This session for one run: the same connection, with Exchange's warnings and retry notices going to <paramref name="runLogger"/>.</summary>
    public ExchangeSession ForRun(ILogger runLogger)
    {
        ArgumentNullException.ThrowIfNull(runLogger);
        return new ExchangeSession(ProfileName, Environment, Organization, client, ConnectionWarnings, runLogger);
    }

    /// <summary>
    /// Runs a cmdlet and streams its results as they arrive, page after page; memory does not grow with the result.
    /// </summary>
    /// <param name="cmdletName">The cmdlet, for example <c>Get-Mailbox</c>.</param>
    /// <param name="parameters">
    /// An anonymous object (<c>new { ResultSize = "Unlimited" }</c>) or a dictionary of parameter names to values;
    /// null for none. Switches are booleans; <c>new { Add = …, Remove = … }</c> or a dictionary as a value sends a hashtable.
    /// </param>
    /// <param name="cancellationToken">Stops the request, any retry wait and the streaming.</param>
    /// <exception cref="ArgumentException">A parameter cannot be sent (thrown here, before any request).</exception>
    /// <exception cref="ExchangeCommandException">Exchange refused the cmdlet, or could not be reached after every retry (thrown while enumerating).</exception>
    /// <exception cref="ExchangeConnectionException">A token could not be obtained (thrown while enumerating).</exception>
    public IAsyncEnumerable<ExchangeObject> InvokeAsync(string cmdletName, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var body = ExchangeParameterSerializer.SerializeInvokeBody(cmdletName, parameters);
        return StreamAsync(cmdletName, body, cancellationToken);
    }

    private async IAsyncEnumerable<ExchangeObject> StreamAsync(string cmdletName, byte[] body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in client.InvokeAsync(cmdletName, body, logger, cancellationToken))
        {
            yield return new ExchangeObject(result, cmdletName);
        }
    }
}
