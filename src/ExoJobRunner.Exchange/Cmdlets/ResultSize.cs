using System.Globalization;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// How many objects a Get cmdlet returns: <see cref="Unlimited"/>, or a count. An int converts implicitly, so a job
/// writes <c>resultSize: 500</c> or <c>resultSize: ResultSize.Unlimited</c>; in PowerShell <c>-ResultSize 500</c> and
/// <c>-ResultSize Unlimited</c> both bind. Without it Exchange returns its default of 1000.
/// </summary>
public readonly struct ResultSize : IEquatable<ResultSize>, IExchangeParameterValue
{
    private const string UnlimitedText = "Unlimited";

    // Zero stands for Unlimited, which makes default(ResultSize) Unlimited rather than a count Exchange would refuse.
    private readonly int _count;

    private ResultSize(int count)
    {
        _count = count;
    }

    public static ResultSize Unlimited => default;

    public bool IsUnlimited => _count == 0;

    /// <summary>The count, or null for <see cref="Unlimited"/>.</summary>
    public int? Count => IsUnlimited ? null : _count;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static implicit operator ResultSize(int count) => FromInt32(count);

    public static bool operator ==(ResultSize left, ResultSize right) => left.Equals(right);

    public static bool operator !=(ResultSize left, ResultSize right) => !left.Equals(right);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    public static ResultSize FromInt32(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new ResultSize(count);
    }

    /// <summary>Reads <c>Unlimited</c> (any case) or a positive whole number, as PowerShell binds <c>-ResultSize</c>.</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static ResultSize Parse(string text) =>
        TryParse(text, out var size)
            ? size
            : throw new FormatException($"'{text}' is not a result size: use Unlimited or a whole number from 1 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");

    public static bool TryParse(string? text, out ResultSize size)
    {
        size = Unlimited;
        var trimmed = text?.Trim();
        if (string.Equals(trimmed, UnlimitedText, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            size = new ResultSize(count);
            return true;
        }

        return false;
    }

    /// <summary><c>"Unlimited"</c> or the count as a number, as the ExchangeOnlineManagement module sends it.</summary>
    public object ToParameterValue() => IsUnlimited ? UnlimitedText : _count;

    public bool Equals(ResultSize other) => _count == other._count;

    public override bool Equals(object? obj) => obj is ResultSize other && Equals(other);

    public override int GetHashCode() => _count;

    public override string ToString() => IsUnlimited ? UnlimitedText : _count.ToString(CultureInfo.InvariantCulture);
}
