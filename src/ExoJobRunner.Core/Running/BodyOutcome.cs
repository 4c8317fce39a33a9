using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Running;

/// <summary>How one execution of a body ended, as reported by its engine.</summary>
/// <param name="Kind">Succeeded, failed or invalid.</param>
/// <param name="Diagnostics">Compile/parse diagnostics (errors for <see cref="BodyOutcomeKind.Invalid"/>; warnings otherwise).</param>
/// <param name="Error">The exception that failed the body (unwrapped from engine wrappers), if one did.</param>
/// <param name="ErrorMessage">A one-line summary of the failure for the console and history.</param>
/// <param name="ErrorLocation">Where in the user's file the failure was raised, when the engine knows.</param>
/// <param name="ExitCode">The non-zero code the body ended with (<c>exit N</c>, <c>return N;</c>), when it asked for one.</param>
public sealed record BodyOutcome(
    BodyOutcomeKind Kind,
    IReadOnlyList<ExoDiagnostic> Diagnostics,
    Exception? Error = null,
    string? ErrorMessage = null,
    SourceLocation? ErrorLocation = null,
    int? ExitCode = null)
{
    public static BodyOutcome Success(IReadOnlyList<ExoDiagnostic> warnings) => new(BodyOutcomeKind.Succeeded, warnings);

    public static BodyOutcome InvalidBody(IReadOnlyList<ExoDiagnostic> diagnostics) => new(BodyOutcomeKind.Invalid, diagnostics);
}
