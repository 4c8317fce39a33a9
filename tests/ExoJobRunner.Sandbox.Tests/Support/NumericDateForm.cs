namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>How a test assertion writes its NumericDate claims (<c>nbf</c>, <c>exp</c>).</summary>
public enum NumericDateForm
{
    /// <summary><c>1795819367</c></summary>
    WholeSeconds,

    /// <summary><c>1795819367.25</c>: RFC 7519 allows fractions of a second.</summary>
    Fraction,

    /// <summary><c>"1795819367"</c>, as MSAL.NET writes them.</summary>
    WholeSecondsString,

    /// <summary><c>"1795819367.25"</c></summary>
    FractionString,

    /// <summary><c>1.795819367e9</c>: a JSON number with an exponent.</summary>
    Exponent,
}
