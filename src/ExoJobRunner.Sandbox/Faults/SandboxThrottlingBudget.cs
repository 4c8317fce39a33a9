namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// The tenant's request budget (<c>budget:N/window</c>): at most <see cref="Requests"/> admin API requests in each
/// <see cref="Window"/>, counted across every client of the sandbox as a tenant counts them across every session; the
/// ones over it are answered 429 with <c>Retry-After</c> until the window ends.
/// </summary>
public sealed record SandboxThrottlingBudget(int Requests, TimeSpan Window);
