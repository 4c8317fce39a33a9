namespace ExoJobRunner.Scripting.Tests.Caching;

/// <summary>A clock that always says the same time, so file ages in a test are exact.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
