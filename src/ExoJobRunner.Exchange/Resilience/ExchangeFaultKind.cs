namespace ExoJobRunner.Exchange.Resilience;

/// <summary>What an HTTP status from Exchange Online (or from the identity platform) says about trying again.</summary>
public enum ExchangeFaultKind
{
    /// <summary>"Not now": a timeout, throttling, a server or gateway fault. Tried again after a wait.</summary>
    Transient,

    /// <summary>401: the token may have expired or been revoked. One fresh token is tried; a 401 that survives it is a refusal.</summary>
    TokenRejected,

    /// <summary>403: the app may not do this. Never retried: the set-up needs fixing (<c>exojobs doctor</c> says how).</summary>
    Refused,

    /// <summary>Any other status (400, 404 …): the request itself is wrong, and repeating it only delays the error.</summary>
    CallerError,
}
