using System.Buffers.Binary;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Turns (purpose, index) into a random-looking GUID and back. A four-round Feistel network over the two 64-bit halves,
/// keyed by the seed, is a bijection: a GUID given as <c>-Identity</c> decodes straight to the object's index, so the
/// tenant needs no GUID lookup table however large it is, and a GUID that was never issued fails the marker check.
/// </summary>
internal sealed class ObjectIdCodec
{
    private const ulong Marker = 0x5342_5853_414E_4458UL;
    private readonly ulong[] roundKeys = new ulong[4];

    public ObjectIdCodec(int seed)
    {
        for (var round = 0; round < roundKeys.Length; round++)
        {
            roundKeys[round] = DeterministicHash.Of(seed, HashStream.ObjectIds, round);
        }
    }

    public Guid Encode(ObjectIdPurpose purpose, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var left = ((ulong)purpose << 32) | (uint)index;
        var right = Marker;
        foreach (var key in roundKeys)
        {
            (left, right) = (right, left ^ Round(right, key));
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, left);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], right);
        return new Guid(bytes);
    }

    public bool TryDecode(Guid id, out ObjectIdPurpose purpose, out int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var left = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        var right = BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]);
        for (var round = roundKeys.Length - 1; round >= 0; round--)
        {
            (left, right) = (right ^ Round(left, roundKeys[round]), left);
        }

        purpose = (ObjectIdPurpose)(left >> 32);
        index = unchecked((int)(uint)left);
        return right == Marker && index >= 0 && Enum.IsDefined(purpose);
    }

    private static ulong Round(ulong half, ulong key) => DeterministicHash.Mix(half ^ key);
}
