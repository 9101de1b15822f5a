using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>The threshold steps of the binary network on float32 fields: sgn(h) ≥ 0 → +1, as the Reference's <see cref="NetworkStep.Sign"/>.</summary>
internal static class FloatSigns
{
    /// <summary>y = code(sgn(fields)) over whole vectors (padding lanes included; their weights are zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Code(ReadOnlySpan<float> fields, Span<float> y, bool zeroOne)
    {
        var one = Vector<float>.One;
        var low = zeroOne ? Vector<float>.Zero : -one;
        for (int v = 0; v < fields.Length; v += Vector<float>.Count)
            Vector.ConditionalSelect(Vector.GreaterThanOrEqual(new Vector<float>(fields[v..]), Vector<float>.Zero), one, low).CopyTo(y[v..]);
    }

    /// <summary>next[j] = sgn(fields[j]) for j &lt; next.Length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Visible(ReadOnlySpan<float> fields, Span<sbyte> next)
    {
        for (int j = 0; j < next.Length; j++)
            next[j] = fields[j] >= 0 ? (sbyte)1 : (sbyte)-1;
    }
}
