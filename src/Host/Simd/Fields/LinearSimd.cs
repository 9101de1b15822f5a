using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = A x + b.</summary>
internal readonly struct LinearSimd<T>(int n, SimdParameters<T> a, SimdParameters<T> b) : ISimdField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        for (int i = 0; i < n; i++)
            y[i] = b.Get(tile, i);
        SimdMath.MatVecAdd<T>(a, tile, n, x, y);
    }
}
