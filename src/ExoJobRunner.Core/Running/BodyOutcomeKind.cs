namespace ExoJobRunner.Core.Running;

public enum BodyOutcomeKind
{
    /// <summary>The body ran to completion.</summary>
    Succeeded,

    /// <summary>The body threw, hit a terminating PowerShell error, or a C# body returned a non-zero int.</summary>
    Failed,

    /// <summary>The body ran to its end, going on past errors it wrote (PowerShell with <c>errorAction: continue</c>).</summary>
    CompletedWithErrors,

    /// <summary>The body does not compile or parse; it did not run.</summary>
    Invalid,

    /// <summary>The engine itself cannot run bodies (PowerShell without its built-in modules); the body did not run.</summary>
    InstallationBroken,
}
