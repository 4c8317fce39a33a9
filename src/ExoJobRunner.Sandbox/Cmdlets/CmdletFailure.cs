namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// A cmdlet error as Exchange reports it: the .NET exception type the server threw and its message. Over REST the pair
/// appears in <c>error.details[0].message</c> as <c>{errorId}|{exceptionType}|{message}</c>.
/// </summary>
internal sealed class CmdletFailure : Exception
{
    public CmdletFailure(CmdletErrorCategory category, string exceptionType, string message, string errorId = "")
        : base(message)
    {
        Category = category;
        ExceptionType = exceptionType;
        ErrorId = errorId;
    }

    public CmdletErrorCategory Category { get; }

    /// <summary>Fully qualified, e.g. <c>Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException</c>.</summary>
    public string ExceptionType { get; }

    /// <summary>
    /// Exchange's short error id (<c>Ex6F9304</c> for "couldn't be found"), where the sandbox knows the real one;
    /// empty otherwise, which keeps the three-part shape clients split on.
    /// </summary>
    public string ErrorId { get; }

    public string DetailMessage => $"{ErrorId}|{ExceptionType}|{Message}";
}
