using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = −x + tanh(W x) (leak) or x ← tanh(W x) (map).</summary>
internal readonly struct TanhOfLinearSimd<T>(int n, SimdParameters<T> w, bool leak) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => n;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var pre = scratch[..n];
        MatVec(tile, x, pre);
        SimdMath.Tanh<T>(pre, y);
        if (leak)
        {
            for (int i = 0; i < n; i++)
                y[i] -= x[i];
        }
    }

    public int LinearisationLength => n;

    /// <summary>f, and d = 1 − tanh²(W x): J v = d ⊙ (W v), minus v for the flow.</summary>
    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        var pre = scratch[..n];
        MatVec(tile, x, pre);
        SimdMath.TanhAndSech2<T>(pre, pre, lin[..n]);
        for (int i = 0; i < n; i++)
            y[i] = leak ? pre[i] - x[i] : pre[i];
    }

    /// <summary>pre = W x; small blocks inline (<see cref="SimdMath.SmallMatVec{T}"/>), same bits either way.</summary>
    private void MatVec(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> pre)
    {
        if (n <= SimdMath.SmallDimension)
        {
            SimdMath.SmallMatVec<T>(w, tile, n, x, pre);
            return;
        }
        pre.Clear();
        SimdMath.MatVecAdd<T>(w, tile, n, x, pre);
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        if (n <= SimdMath.SmallDimension)
        {
            for (int c = 0; c < columns; c++)
                SimdMath.SmallMatVec<T>(w, tile, n, v.Slice(c * n, n), jv.Slice(c * n, n));
        }
        else
        {
            SimdMath.MatMat<T>(w, tile, n, v, jv, columns);
        }
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < n; i++)
                jv[c * n + i] = leak ? lin[i] * jv[c * n + i] - v[c * n + i] : lin[i] * jv[c * n + i];
        }
    }

    /// <summary>Flow: tr J = Σ (d_i W_ii − 1). The map's log |det J| needs det W: the reference field has it.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        trace = Vector<T>.Zero;
        if (!leak)
            return false;
        for (int i = 0; i < n; i++)
            trace += w.Get(tile, i * n + i) * lin[i] - Vector<T>.One;
        return true;
    }

    /// <summary>W of a 2-D tile as four lane vectors (row-major), for the Lyapunov plane path.</summary>
    public void PlaneWeights(int tile, out Vector<T> w00, out Vector<T> w01, out Vector<T> w10, out Vector<T> w11)
    {
        if (n != 2 || !leak)
            throw new InvalidOperationException($"the plane path needs the 2-D flow, got n = {n}, {(leak ? "flow" : "map")}.");
        w00 = w.Get(tile, 0);
        w01 = w.Get(tile, 1);
        w10 = w.Get(tile, 2);
        w11 = w.Get(tile, 3);
    }

    /// <summary>W.</summary>
    public int CotangentLength => n * n;

    public int OuterDimension => n;

    public int AdjointScratchLength => 0;

    /// <summary>With g = d ⊙ a: Jᵀa = Wᵀg (minus a for the flow), W̄ += g xᵀ.</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        for (int i = 0; i < n; i++)
            xBar[i] = leak ? -a[i] : Vector<T>.Zero;
        SimdMath.GatedTransposeVecAdd<T>(w, tile, n, x, lin, a, xBar, outer);
    }
}
