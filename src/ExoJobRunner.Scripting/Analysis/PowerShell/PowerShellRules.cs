using ExoJobRunner.Scripting.Analysis.PowerShell.Rules;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>
/// The rules of the catalogue that check PowerShell. EXO0010 (a suppression without a justification) is not here:
/// it is about the suppression comments themselves, which <see cref="PowerShellBodyAnalyzer"/> reads.
/// </summary>
internal static class PowerShellRules
{
    public static IReadOnlyList<PowerShellRule> All { get; } =
    [
        new InteractiveInputRule(),
        new HardCodedSecretRule(),
        new SleepIgnoresCancellationRule(),
        new SessionManagedInBodyRule(),
        new ProcessExitRule(),
        new SwallowedErrorRule(),
        new MissingResultSizeRule(),
    ];
}
