namespace ExoJobRunner.Sandbox.Faults;

/// <summary>The failures the sandbox can inject into Exchange admin API requests.</summary>
public enum SandboxFaultKind
{
    /// <summary><c>429</c>: answered 429 Too Many Requests with a <c>Retry-After</c> header.</summary>
    Throttled,

    /// <summary><c>503</c>: answered 503 Service Unavailable.</summary>
    Unavailable,

    /// <summary><c>slow</c>: answered normally after a delay.</summary>
    Slow,

    /// <summary><c>drop</c>: the response starts, then the connection is cut halfway through the body.</summary>
    Dropped,

    /// <summary><c>revoke</c>: the presented access token is revoked and the request answered 401, so the client must get a new one.</summary>
    TokenRevoked,
}
