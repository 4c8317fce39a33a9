using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Resilience;

/// <summary>Finds Exchange's refusal of the app behind a failed run, however the body wrapped it.</summary>
public static class ExchangeRefusal
{
    /// <summary>The refusal (<see cref="ExchangeCommandException.IsRefusal"/>) in <paramref name="error"/>'s chain, or null.</summary>
    public static ExchangeCommandException? Find(Exception? error) =>
        ExceptionChain.Flatten(error).OfType<ExchangeCommandException>().FirstOrDefault(exception => exception.IsRefusal);

    /// <summary>
    /// What a run refused by Exchange reports: the cmdlet, Exchange's own message and where to look next —
    /// "Get-Mailbox was refused by Exchange Online (HTTP 401 (Unauthorized), request id …): … Run 'exojobs doctor
    /// --profile contoso' to find out what the app lacks."
    /// </summary>
    public static string Describe(ExchangeCommandException refusal, string? profileName)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = refusal.HttpStatus is { } code ? ExchangeRetryPipeline.DescribeStatus(code) : "no response";
        var reference = refusal.RequestId is { } requestId ? $", request id {requestId}" : string.Empty;
        var doctor = profileName is null ? "exojobs doctor" : $"exojobs doctor --profile {profileName}";
        return $"{refusal.CmdletName} was refused by Exchange Online ({status}{reference}): {refusal.ErrorMessage} " +
            $"Run '{doctor}' to find out what the app lacks.";
    }
}
