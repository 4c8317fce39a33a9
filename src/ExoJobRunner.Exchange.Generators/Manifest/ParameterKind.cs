namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>The types a cmdlet parameter can have in the manifest (the keyword in its <c>"type"</c>).</summary>
internal enum ParameterKind
{
    String,
    StringArray,
    Int,
    Bool,
    Switch,
    DateTime,
    Guid,
    ResultSize,
    MultiValued,
}
