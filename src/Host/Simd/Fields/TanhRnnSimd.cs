using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of τ dx/dt = −x + W tanh(x) + b.</summary>
internal readonly struct TanhRnnSimd<T>(int n, SimdParameters<T> w, SimdParameters<T> b, SimdParameters<T> invTau) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => n;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var t = scratch[..n];
        SimdMath.Tanh<T>(x, t);
        FromTanh(tile, x, t, y);
    }

    /// <summary>y = (−x + W t + b) / τ from t = tanh(x).</summary>
    private void FromTanh(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> t, Span<Vector<T>> y)
    {
        var rate = invTau.Get(tile, 0);
        for (int i = 0; i < n; i++)
            y[i] = b.Get(tile, i) - x[i];
        SimdMath.MatVecAdd<T>(w, tile, n, t, y);
        for (int i = 0; i < n; i++)
            y[i] *= rate;
    }

    /// <summary>d = 1 − tanh²(x), then tanh(x) itself, which the adjoint's W̄ = Σ u tanh(x)ᵀ needs (n stores here
    /// instead of n tanh evaluations per stage in the backward pass).</summary>
    public int LinearisationLength => 2 * n;

    /// <summary>f as <see cref="Evaluate"/>, d = 1 − tanh²(x) and tanh(x): J v = (−v + W (d ⊙ v)) / τ. tanh has the bits of
    /// <see cref="Evaluate"/>'s; d comes from <see cref="SimdMath.TanhAndSech2{T}"/> (float32: its own exp, within a few ulp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        SimdMath.TanhAndSech2<T>(x[..n], lin.Slice(n, n), lin[..n]);
        FromTanh(tile, x, lin.Slice(n, n), y);
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        // Folding 1/τ into both operands (u = (d/τ) ⊙ v, jv starts at −v/τ) leaves the product as the only pass over jv.
        var rate = invTau.Get(tile, 0);
        var u = scratch[..(n * columns)];
        var y = jv[..(n * columns)];
        var vs = v[..(n * columns)];
        for (int c = 0; c < columns; c++)
        {
            for (int j = 0; j < n; j++)
            {
                var vj = vs[c * n + j];
                u[c * n + j] = lin[j] * rate * vj;
                y[c * n + j] = -rate * vj;
            }
        }
        SimdMath.MatMatAdd<T>(w, tile, n, u, y, columns);
    }

    /// <summary>tr J = Σ (W_ii d_i − 1) / τ.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        var sum = Vector<T>.Zero;
        for (int i = 0; i < n; i++)
            sum += w.Get(tile, i * n + i) * lin[i] - Vector<T>.One;
        trace = sum * invTau.Get(tile, 0);
        return true;
    }

    /// <summary>W, b, τ (the user-facing τ: ∂f/∂τ = −f/τ).</summary>
    public int CotangentLength => n * n + n + 1;

    public int OuterDimension => n;

    public int AdjointScratchLength => 0;

    /// <summary>
    /// With u = a/τ: Jᵀa = −u + d ⊙ (Wᵀu), W̄ += u tanh(x)ᵀ (deferred: u, tanh(x) go to outer), b̄ += u, τ̄ −= u · f.
    /// One pass for u, b̄, τ̄ and the pair, then the transposed product with the −u + d ⊙ · epilogue fused in
    /// (<see cref="SimdMath.MatTransposeVecScaled{T}"/>; the same operations in the same order as before, same bits).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        var rate = invTau.Get(tile, 0);
        var u = outer[..n];
        var tauBar = cotangent[n * n + n];
        var bBar = cotangent.Slice(n * n, n);
        var tanh = lin.Slice(n, n);
        var v = outer.Slice(n, n);
        for (int i = 0; i < n; i++)
        {
            var ui = rate * a[i];
            u[i] = ui;
            bBar[i] += ui;
            tauBar -= ui * y[i];
            v[i] = tanh[i];
        }
        cotangent[n * n + n] = tauBar;
        SimdMath.MatTransposeVecScaled<T>(w, tile, n, u, lin, xBar);
    }
}
