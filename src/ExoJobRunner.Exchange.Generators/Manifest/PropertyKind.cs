namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>The types a result property can have in the manifest.</summary>
internal enum PropertyKind
{
    String,
    StringArray,
    Int,
    Long,
    Double,
    Bool,
    DateTime,
    Guid,
    ByteSize,
    Object,
}
