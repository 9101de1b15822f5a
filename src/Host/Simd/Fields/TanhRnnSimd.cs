using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of τ dx/dt = −x + W tanh(x) + b.</summary>
internal readonly struct TanhRnnSimd<T>(int n, SimdParameters<T> w, SimdParameters<T> b, SimdParameters<T> invTau) : ISimdField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => n;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var t = scratch[..n];
        SimdMath.Tanh<T>(x, t);
        var rate = invTau.Get(tile, 0);
        for (int i = 0; i < n; i++)
            y[i] = b.Get(tile, i) - x[i];
        SimdMath.MatVecAdd<T>(w, tile, n, t, y);
        for (int i = 0; i < n; i++)
            y[i] *= rate;
    }
}
