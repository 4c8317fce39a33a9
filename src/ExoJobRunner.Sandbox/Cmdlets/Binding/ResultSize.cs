namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>
/// How many objects a Get cmdlet returns: <see cref="Limit"/> null means Unlimited. Without the parameter Exchange stops at
/// 1000 and warns when more exist; <see cref="IsDefault"/> tells the two warnings apart.
/// </summary>
internal readonly record struct ResultSize(int? Limit, bool IsDefault)
{
    public const int DefaultLimit = 1000;

    public static readonly ResultSize Default = new(DefaultLimit, true);

    public static readonly ResultSize Unlimited = new(null, false);
}
