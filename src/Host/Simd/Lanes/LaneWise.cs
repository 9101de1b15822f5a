using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Simd.Lanes;

/// <summary>
/// A scalar function applied lane by lane, for the lane numbers' exp, sin and cos: each lane gets the scalar call's
/// bits, whatever its neighbours hold (the BCL's vector kernels pick their algorithm over the whole vector).
/// </summary>
internal static unsafe class LaneWise
{
    /// <summary>f(x_l) in every lane l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Apply<T>(Vector<T> lanes, delegate*<T, T> f) where T : unmanaged
    {
        for (int l = 0; l < Vector<T>.Count; l++)
            lanes = lanes.WithElement(l, f(lanes[l]));
        return lanes;
    }
}
