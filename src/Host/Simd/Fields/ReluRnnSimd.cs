using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = −x + ReLU(W x + b).</summary>
internal readonly struct ReluRnnSimd<T>(int n, SimdParameters<T> w, SimdParameters<T> b) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        SimdMath.AffineMatVec<T>(w, b, tile, n, x, y);
        for (int i = 0; i < n; i++)
        {
            var pre = y[i];
            // Selecting 0 only where pre <= 0 keeps NaN visible to the finiteness check instead of mapping it to 0.
            var relu = Vector.ConditionalSelect(Vector.LessThanOrEqual(pre, Vector<T>.Zero), Vector<T>.Zero, pre);
            y[i] = relu - x[i];
        }
    }

    public int LinearisationLength => n;

    /// <summary>f, and the row gate H(W x + b) as 1/0 lanes (H(0) = 0): J v = −v + H ⊙ (W v).</summary>
    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        SimdMath.AffineMatVec<T>(w, b, tile, n, x, y);
        for (int i = 0; i < n; i++)
        {
            var pre = y[i];
            var off = Vector.LessThanOrEqual(pre, Vector<T>.Zero);
            lin[i] = Vector.ConditionalSelect(off, Vector<T>.Zero, Vector<T>.One);
            y[i] = Vector.ConditionalSelect(off, Vector<T>.Zero, pre) - x[i];
        }
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        SimdMath.MatMat<T>(w, tile, n, v, jv, columns);
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < n; i++)
                jv[c * n + i] = lin[i] * jv[c * n + i] - v[c * n + i];
        }
    }

    /// <summary>tr J = Σ (H_i W_ii − 1).</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        var sum = Vector<T>.Zero;
        for (int i = 0; i < n; i++)
            sum += w.Get(tile, i * n + i) * lin[i] - Vector<T>.One;
        trace = sum;
        return true;
    }

    /// <summary>W, b.</summary>
    public int CotangentLength => n * n + n;

    public int OuterDimension => n;

    public int AdjointScratchLength => 0;

    /// <summary>With g = H ⊙ a: Jᵀa = −a + Wᵀg, W̄ += g xᵀ, b̄ += g.</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        for (int i = 0; i < n; i++)
            xBar[i] = -a[i];
        SimdMath.GatedTransposeVecAdd<T>(w, tile, n, x, lin, a, xBar, outer);
        for (int i = 0; i < n; i++)
            cotangent[n * n + i] += outer[i];
    }
}
