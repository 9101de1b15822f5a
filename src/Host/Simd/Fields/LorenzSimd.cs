using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of the Lorenz system with parameters (σ, ρ, β).</summary>
internal readonly struct LorenzSimd<T>(SimdParameters<T> p) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => 3;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        var sigma = p.Get(tile, 0);
        var rho = p.Get(tile, 1);
        var beta = p.Get(tile, 2);
        var x0 = x[0];
        var x1 = x[1];
        var x2 = x[2];
        y[0] = sigma * (x1 - x0);
        y[1] = x0 * (rho - x2) - x1;
        y[2] = x0 * x1 - beta * x2;
    }

    /// <summary>The state itself: J = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]].</summary>
    public int LinearisationLength => 3;

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch)
    {
        Evaluate(tile, x, y, scratch);
        x[..3].CopyTo(lin);
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch)
    {
        var sigma = p.Get(tile, 0);
        var rho = p.Get(tile, 1);
        var beta = p.Get(tile, 2);
        var x0 = lin[0];
        var x1 = lin[1];
        var rhoMinusZ = rho - lin[2];
        for (int c = 0; c < columns; c++)
        {
            var v0 = v[3 * c];
            var v1 = v[3 * c + 1];
            var v2 = v[3 * c + 2];
            jv[3 * c] = sigma * (v1 - v0);
            jv[3 * c + 1] = rhoMinusZ * v0 - v1 - x0 * v2;
            jv[3 * c + 2] = x1 * v0 + x0 * v1 - beta * v2;
        }
    }

    /// <summary>tr J = −σ − 1 − β.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        trace = -p.Get(tile, 0) - Vector<T>.One - p.Get(tile, 2);
        return true;
    }

    /// <summary>σ, ρ, β.</summary>
    public int CotangentLength => 3;

    public int OuterDimension => 0;

    public int AdjointScratchLength => 0;

    /// <summary>Jᵀa = (−σa₀ + (ρ − z)a₁ + y a₂, σa₀ − a₁ + x a₂, −x a₁ − β a₂); σ̄ += a₀(y − x), ρ̄ += a₁x, β̄ −= a₂z.</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> a,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        var sigma = p.Get(tile, 0);
        var rho = p.Get(tile, 1);
        var beta = p.Get(tile, 2);
        Vector<T> x0 = lin[0], x1 = lin[1], x2 = lin[2], a0 = a[0], a1 = a[1], a2 = a[2];
        xBar[0] = -sigma * a0 + (rho - x2) * a1 + x1 * a2;
        xBar[1] = sigma * a0 - a1 + x0 * a2;
        xBar[2] = -x0 * a1 - beta * a2;
        cotangent[0] += a0 * (x1 - x0);
        cotangent[1] += a1 * x0;
        cotangent[2] -= a2 * x2;
    }
}
