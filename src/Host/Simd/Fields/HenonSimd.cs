using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of the Hénon map with parameters (a, b).</summary>
internal readonly struct HenonSimd<T>(SimdParameters<T> p) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => 2;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var a = p.Get(tile, 0);
        var b = p.Get(tile, 1);
        var x0 = x[0];
        var x1 = x[1];
        y[0] = Vector<T>.One - a * x0 * x0 + x1;
        y[1] = b * x0;
    }

    /// <summary>x₀: J = [[−2 a x₀, 1], [b, 0]].</summary>
    public int LinearisationLength => 1;

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        lin[0] = x[0];
        Evaluate(tile, x, y, scratch);
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        var slope = -(p.Get(tile, 0) + p.Get(tile, 0)) * lin[0];
        var b = p.Get(tile, 1);
        for (int c = 0; c < columns; c++)
        {
            var v0 = v[2 * c];
            jv[2 * c] = slope * v0 + v[2 * c + 1];
            jv[2 * c + 1] = b * v0;
        }
    }

    /// <summary>A map: its log |det J| = log |b| comes from the reference field.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        trace = Vector<T>.Zero;
        return false;
    }

    /// <summary>a, b.</summary>
    public int CotangentLength => 2;

    public int OuterDimension => 0;

    public int AdjointScratchLength => 0;

    /// <summary>Jᵀā = (−2 a x₀ ā₀ + b ā₁, ā₀); ∂F/∂a = (−x₀², 0), ∂F/∂b = (0, x₀).</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        var pa = p.Get(tile, 0);
        var pb = p.Get(tile, 1);
        var x0 = lin[0];
        Vector<T> a0 = a[0], a1 = a[1];
        xBar[0] = -(pa + pa) * x0 * a0 + pb * a1;
        xBar[1] = a0;
        cotangent[0] -= a0 * x0 * x0;
        cotangent[1] += a1 * x0;
    }
}
