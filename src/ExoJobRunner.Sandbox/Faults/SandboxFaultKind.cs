namespace ExoJobRunner.Sandbox.Faults;

/// <summary>The failures the sandbox can inject into Exchange admin API requests, one per request at most.</summary>
public enum SandboxFaultKind
{
    /// <summary><c>429</c>: answered 429 Too Many Requests with a <c>Retry-After</c> header.</summary>
    Throttled,

    /// <summary><c>503</c>: answered 503 Service Unavailable.</summary>
    Unavailable,

    /// <summary><c>slow</c>: answered normally after a delay.</summary>
    Slow,

    /// <summary><c>drop</c>: the response starts, then the connection is reset halfway through the body.</summary>
    Dropped,

    /// <summary><c>revoke</c>: the presented access token is revoked and the request answered 401, so the client must get a new one.</summary>
    TokenRevoked,

    /// <summary><c>429-no-retry-after</c>: answered 429 Too Many Requests without a <c>Retry-After</c> header.</summary>
    ThrottledWithoutRetryAfter,

    /// <summary><c>500</c>: answered 500 Internal Server Error, as a transient directory failure.</summary>
    InternalServerError,

    /// <summary><c>502</c>: answered 502 Bad Gateway by the front end, with a body that is not Exchange's JSON.</summary>
    BadGateway,

    /// <summary><c>504</c>: answered 504 Gateway Timeout by the front end, with a body that is not Exchange's JSON.</summary>
    GatewayTimeout,

    /// <summary><c>reset</c>: the connection is reset before any of the response (status, headers) is sent.</summary>
    ResetBeforeHeaders,

    /// <summary><c>stall</c>: the headers and half the body are sent, then nothing for the duration, then the connection is reset.</summary>
    Stalled,
}
