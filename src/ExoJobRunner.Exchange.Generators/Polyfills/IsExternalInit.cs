namespace System.Runtime.CompilerServices;

/// <summary>
/// Lets netstandard2.0 compile records and <c>init</c> accessors: the compiler only needs the type to exist.
/// </summary>
internal static class IsExternalInit;
