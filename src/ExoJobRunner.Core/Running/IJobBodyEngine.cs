using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Running;

/// <summary>Compiles or parses and runs job bodies of one language.</summary>
public interface IJobBodyEngine
{
    BodyLanguage Language { get; }

    /// <summary>Compiles or parses the body without running it; returns every diagnostic, mapped to the user's file.</summary>
    Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken);

    /// <summary>
    /// Checks then runs the body. Exceptions from the body are reported in the outcome, never thrown;
    /// an <see cref="OperationCanceledException"/> caused by <paramref name="cancellationToken"/> is thrown.
    /// </summary>
    Task<BodyOutcome> RunAsync(JobBody body, BodyRunRequest request, CancellationToken cancellationToken);
}
