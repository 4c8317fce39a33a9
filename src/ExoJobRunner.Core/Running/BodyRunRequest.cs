using ExoJobRunner.Exchange.Connection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Running;

/// <summary>What an engine hands a body: the run, the run's logger and the profile's shared Exchange session (if any).</summary>
public sealed record BodyRunRequest(JobContext Job, ILogger Log, ExchangeSession? Exchange);
