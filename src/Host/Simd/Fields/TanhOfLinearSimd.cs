using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = −x + tanh(W x) (leak) or x ← tanh(W x) (map).</summary>
internal readonly struct TanhOfLinearSimd<T>(int n, SimdParameters<T> w, bool leak) : ISimdField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => n;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var pre = scratch[..n];
        pre.Clear();
        SimdMath.MatVecAdd<T>(w, tile, n, x, pre);
        SimdMath.Tanh<T>(pre, y);
        if (leak)
        {
            for (int i = 0; i < n; i++)
                y[i] -= x[i];
        }
    }
}
