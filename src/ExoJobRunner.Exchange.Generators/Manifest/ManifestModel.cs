namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>The cmdlet manifest as read: every cmdlet we support and the result types they return.</summary>
internal sealed record ManifestModel(EquatableArray<CmdletModel> Cmdlets, EquatableArray<ResultTypeModel> ResultTypes);
