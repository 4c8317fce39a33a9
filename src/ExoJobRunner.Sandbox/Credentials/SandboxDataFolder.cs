namespace ExoJobRunner.Sandbox.Credentials;

/// <summary>
/// Where the sandbox keeps its client credential: <c>{EXOJOBS_DATA_DIR}/sandbox</c> when that variable is set (tests point
/// it at a temporary folder), otherwise <c>{LocalApplicationData}/exojobs/sandbox</c>.
/// </summary>
internal static class SandboxDataFolder
{
    public const string Variable = "EXOJOBS_DATA_DIR";

    public static string Resolve(Func<string, string?> environment)
    {
        var dataDirectory = environment(Variable);
        return string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "exojobs", "sandbox")
            : Path.Combine(Path.GetFullPath(dataDirectory), "sandbox");
    }
}
