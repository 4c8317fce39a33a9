namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>Which of an object's GUIDs an id is; part of what <see cref="ObjectIdCodec"/> encodes.</summary>
internal enum ObjectIdPurpose
{
    ObjectGuid = 1,
    ExternalDirectoryObjectId = 2,
    ExchangeGuid = 3,
    ArchiveGuid = 4,
    Tenant = 5,
    ServicePrincipal = 6,
}
