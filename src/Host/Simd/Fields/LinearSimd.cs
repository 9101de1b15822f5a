using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = A x + b.</summary>
internal readonly struct LinearSimd<T>(int n, SimdParameters<T> a, SimdParameters<T> b) : ISimdAdjointField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        SimdMath.AffineMatVec<T>(a, b, tile, n, x, y);
    }

    /// <summary>J = A everywhere: nothing to linearise.</summary>
    public int LinearisationLength => 0;

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> lin, Span<Vector<T>> scratch) =>
        Evaluate(tile, x, y, scratch);

    public void Jvp(int tile, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> v, Span<Vector<T>> jv, int columns, Span<Vector<T>> scratch) =>
        SimdMath.MatMat<T>(a, tile, n, v, jv, columns);

    /// <summary>tr A (the caller asks only for flows).</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<T>> lin, out Vector<T> trace)
    {
        trace = Vector<T>.Zero;
        for (int i = 0; i < n; i++)
            trace += a.Get(tile, i * n + i);
        return true;
    }

    /// <summary>A, b.</summary>
    public int CotangentLength => n * n + n;

    public int OuterDimension => n;

    public int AdjointScratchLength => 0;

    /// <summary>Jᵀa = Aᵀa, Ā += a xᵀ, b̄ += a (flow and map alike).</summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<T>> x, ReadOnlySpan<Vector<T>> y, ReadOnlySpan<Vector<T>> lin, ReadOnlySpan<Vector<T>> adjoint,
        Span<Vector<T>> xBar, Span<Vector<T>> cotangent, Span<Vector<T>> outer, Span<Vector<T>> scratch)
    {
        for (int i = 0; i < n; i++)
        {
            xBar[i] = Vector<T>.Zero;
            cotangent[n * n + i] += adjoint[i];
        }
        SimdMath.MatTransposeVecAdd<T>(a, tile, n, adjoint, xBar);
        adjoint[..n].CopyTo(outer);
        x[..n].CopyTo(outer.Slice(n, n));
    }
}
