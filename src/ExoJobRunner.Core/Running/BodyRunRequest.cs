using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Exchange.Connection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Running;

/// <summary>
/// What an engine hands a body: the run, the run's logger, the profile's shared Exchange session (if any), and what
/// an error does to a PowerShell body.
/// </summary>
public sealed record BodyRunRequest(JobContext Job, ILogger Log, ExchangeSession? Exchange, PowerShellErrorAction ErrorAction = PowerShellErrorAction.Stop);
