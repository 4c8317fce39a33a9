namespace ExoJobRunner.Sandbox.Faults;

/// <summary>
/// One kind of fault and the share of requests (0 to 1) it hits. <see cref="Duration"/> is the <c>Retry-After</c> of a
/// 429, the delay of a slow response or how long a stalled body stays silent, and zero for the other kinds.
/// </summary>
public sealed record SandboxFault(SandboxFaultKind Kind, double Share, TimeSpan Duration);
