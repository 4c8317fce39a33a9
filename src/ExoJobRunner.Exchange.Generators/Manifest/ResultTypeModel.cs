namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>A result type (<c>Mailbox</c>, <c>MailboxStatistics</c> …) and its documented properties.</summary>
internal sealed record ResultTypeModel(string Name, string? Summary, EquatableArray<PropertyModel> Properties);
