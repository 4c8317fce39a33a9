namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// SplitMix64: a cheap, well-mixed 64-bit hash. Every generated attribute is a pure function of (seed, stream, index),
/// so a tenant of any size is the same on every run and nothing has to be stored to be reproduced.
/// </summary>
internal static class DeterministicHash
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    public static ulong Of(int seed, HashStream stream, int index) =>
        Mix(Mix(unchecked((ulong)(uint)seed | ((ulong)stream << 32))) ^ unchecked((ulong)(uint)index));

    /// <summary>A value in [0, 1) taken from the top 53 bits, enough for a double's mantissa.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
