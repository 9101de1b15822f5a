using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The fields of a state that differs from an anchor in a few inputs: result = anchor + Σ_t coef[t]·wT[col[t]], one
/// contiguous weight column per changed input (the transposed layout of <see cref="TrialProduct"/>). Four row vectors
/// stay in registers across all changed columns, so each FMA costs one weight load. Under
/// <see cref="ExactSums"/> every partial sum is the field of some valid state, so this equals the dense sum exactly.
/// <see cref="GramLayer"/> uses it too, for its gates' Gram rows (integer counts, exact in any order); result may be
/// the anchor itself.
/// </summary>
internal static class DeltaFields
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(float[] wT, int rp, ReadOnlySpan<float> anchor, ReadOnlySpan<int> cols, ReadOnlySpan<float> coef, Span<float> result)
    {
        int w = Vector<float>.Count, count = cols.Length;
        ref float rw = ref MemoryMarshal.GetArrayDataReference(wT);
        ref float ra = ref MemoryMarshal.GetReference(anchor);
        ref float rr = ref MemoryMarshal.GetReference(result);
        int r = 0;
        for (; r + 4 * w <= rp; r += 4 * w)
        {
            var a0 = Vector.LoadUnsafe(ref ra, (nuint)r);
            var a1 = Vector.LoadUnsafe(ref ra, (nuint)(r + w));
            var a2 = Vector.LoadUnsafe(ref ra, (nuint)(r + 2 * w));
            var a3 = Vector.LoadUnsafe(ref ra, (nuint)(r + 3 * w));
            for (int t = 0; t < count; t++)
            {
                var c = new Vector<float>(coef[t]);
                ref float col = ref Unsafe.Add(ref rw, cols[t] * rp + r);
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref col), c, a0);
                a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref col, (nuint)w), c, a1);
                a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref col, (nuint)(2 * w)), c, a2);
                a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref col, (nuint)(3 * w)), c, a3);
            }
            a0.StoreUnsafe(ref rr, (nuint)r);
            a1.StoreUnsafe(ref rr, (nuint)(r + w));
            a2.StoreUnsafe(ref rr, (nuint)(r + 2 * w));
            a3.StoreUnsafe(ref rr, (nuint)(r + 3 * w));
        }
        for (; r < rp; r += w)
        {
            var a0 = Vector.LoadUnsafe(ref ra, (nuint)r);
            for (int t = 0; t < count; t++)
                a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref rw, (nuint)(cols[t] * rp + r)), new Vector<float>(coef[t]), a0);
            a0.StoreUnsafe(ref rr, (nuint)r);
        }
    }
}
