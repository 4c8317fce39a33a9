namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// A connection profile could not be turned into a working session: the certificate is missing or unusable, a secret
/// cannot be read, or Entra ID refused the token request. The message names the cause and the fix; the runner maps
/// this exception to its "connection failed" exit code. <see cref="Cause"/> and <see cref="Fix"/> hold the two halves
/// apart for <c>exojobs doctor</c>, which prints them on lines of their own.
/// </summary>
public sealed class ExchangeConnectionException : Exception
{
    private readonly string? cause;

    public ExchangeConnectionException()
    {
    }

    public ExchangeConnectionException(string message)
        : base(message)
    {
    }

    public ExchangeConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The identity platform's error code (for example <c>AADSTS700016</c>) when Entra ID refused the request.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>What went wrong; the whole message when it was not given apart from the fix.</summary>
    public string Cause
    {
        get => cause ?? Message;
        init => cause = value;
    }

    /// <summary>What to do about it, when the message was built from a cause and a fix.</summary>
    public string? Fix { get; init; }

    /// <summary>An exception whose message is <paramref name="cause"/> followed by <paramref name="fix"/>.</summary>
    public static ExchangeConnectionException Because(string cause, string fix, Exception? innerException = null) =>
        new($"{cause} {fix}", innerException) { Cause = cause, Fix = fix };
}
