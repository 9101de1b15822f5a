using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of τ dx/dt = −x + W tanh(x) + b.</summary>
internal readonly struct TanhRnnSimd<T>(int n, SimdParameters<T> w, SimdParameters<T> b, SimdParameters<T> invTau) : ISimdTangentField<T>
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

    public int LinearisationLength => n;

    /// <summary>f as <see cref="Evaluate"/>, and d = 1 − tanh²(x): J v = (−v + W (d ⊙ v)) / τ.</summary>
    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        Evaluate(tile, x, y, scratch);
        for (int j = 0; j < n; j++)
            lin[j] = Vector<T>.One - scratch[j] * scratch[j];
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        var rate = invTau.Get(tile, 0);
        var u = scratch[..(n * columns)];
        for (int c = 0; c < columns; c++)
        {
            for (int j = 0; j < n; j++)
            {
                u[c * n + j] = lin[j] * v[c * n + j];
                jv[c * n + j] = -v[c * n + j];
            }
        }
        SimdMath.MatMatAdd<T>(w, tile, n, u, jv, columns);
        for (int p = 0; p < n * columns; p++)
            jv[p] *= rate;
    }
}
