namespace ExoJobRunner.Core.Notifications;

/// <summary>How one attempt at one target ended, in words fit for the run log (no secret in them).</summary>
internal sealed record DeliveryAttempt(bool Delivered, string Detail)
{
    public static DeliveryAttempt Success(string detail) => new(true, detail);

    public static DeliveryAttempt Failure(string problem) => new(false, problem);
}
