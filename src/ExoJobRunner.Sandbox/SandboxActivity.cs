using System.Collections.Concurrent;
using ExoJobRunner.Sandbox.Faults;

namespace ExoJobRunner.Sandbox;

/// <summary>
/// What a running sandbox has done so far, counted as it happens and safe to read at any time: how many admin API
/// requests it received, how many tokens it issued and refused as expired, which faults it injected and how often the
/// tenant's budget said no. A test that provokes a fault reads here that the fault really happened.
/// </summary>
public sealed class SandboxActivity
{
    private readonly ConcurrentDictionary<SandboxFaultKind, int> injected = new();
    private int adminApiRequests;
    private int tokensIssued;
    private int expiredTokenRefusals;
    private int budgetRefusals;

    /// <summary>InvokeCommand requests received, whatever became of them.</summary>
    public int AdminApiRequests => Volatile.Read(ref adminApiRequests);

    /// <summary>Access tokens the token endpoint issued.</summary>
    public int TokensIssued => Volatile.Read(ref tokensIssued);

    /// <summary>Admin API requests refused (401) because the token they presented had expired.</summary>
    public int ExpiredTokenRefusals => Volatile.Read(ref expiredTokenRefusals);

    /// <summary>Admin API requests answered 429 because the tenant's request budget for the window was used up.</summary>
    public int BudgetRefusals => Volatile.Read(ref budgetRefusals);

    /// <summary>How many times each fault kind was injected (kinds never injected are absent).</summary>
    public IReadOnlyDictionary<SandboxFaultKind, int> InjectedFaults => new Dictionary<SandboxFaultKind, int>(injected);

    internal void AdminApiRequestReceived() => Interlocked.Increment(ref adminApiRequests);

    internal void TokenIssued() => Interlocked.Increment(ref tokensIssued);

    internal void ExpiredTokenRefused() => Interlocked.Increment(ref expiredTokenRefusals);

    internal void BudgetRefused() => Interlocked.Increment(ref budgetRefusals);

    internal void FaultInjected(SandboxFaultKind kind) => injected.AddOrUpdate(kind, 1, (_, count) => count + 1);
}
