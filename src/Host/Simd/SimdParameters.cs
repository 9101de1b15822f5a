using System.Numerics;

namespace FastAttractors.Simd;

/// <summary>
/// A parameter block laid out for the Simd path: per member as AoSoA tiles ([tile][p][lane]: a tile's
/// parameters are contiguous, so one member tile's W stays in L1 across all steps), shared as one broadcast tile and
/// as plain scalars: a shared 64 × 64 W is 128 KB as broadcast vectors (beyond L1) but 16 KB as floats, and a
/// broadcast from memory costs the same one load as a vector load.
/// </summary>
internal readonly struct SimdParameters<T>(Vector<T>[] data, int length, int tileStride, T[]? scalars = null)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly Vector<T>[] Data = data;
    public readonly int Length = length;
    public readonly int TileStride = tileStride;

    /// <summary>The values of a shared block (null for per-member blocks).</summary>
    public readonly T[]? Scalars = scalars;

    public bool IsShared => Scalars is not null;

    public int Offset(int tile) => tile * TileStride;

    public Vector<T> Get(int tile, int p) => Data[tile * TileStride + p];

    public static SimdParameters<T> From(ParameterBlock block, int tiles, int members)
    {
        int lanes = Vector<T>.Count;
        if (!block.PerMember)
        {
            var shared = new Vector<T>[block.Length];
            var scalars = new T[block.Length];
            for (int p = 0; p < block.Length; p++)
            {
                scalars[p] = T.CreateTruncating(block.Values[p]);
                shared[p] = new Vector<T>(scalars[p]);
            }
            return new SimdParameters<T>(shared, block.Length, 0, scalars);
        }
        var data = new Vector<T>[(long)tiles * block.Length];
        var lane = new T[lanes];
        for (int tile = 0; tile < tiles; tile++)
        {
            for (int p = 0; p < block.Length; p++)
            {
                for (int l = 0; l < lanes; l++)
                {
                    // Padding lanes repeat the last member so they compute finite, ignored values.
                    int m = Math.Min(tile * lanes + l, members - 1);
                    lane[l] = T.CreateTruncating(block.Values[(long)p * members + m]);
                }
                data[(long)tile * block.Length + p] = new Vector<T>(lane);
            }
        }
        return new SimdParameters<T>(data, block.Length, block.Length);
    }
}
