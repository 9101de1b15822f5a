using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of dx/dt = −x + ReLU(W x + b).</summary>
internal readonly struct ReluRnnSimd<T>(int n, SimdParameters<T> w, SimdParameters<T> b) : ISimdField<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public int Dimension => n;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch)
    {
        for (int i = 0; i < n; i++)
            y[i] = b.Get(tile, i);
        SimdMath.MatVecAdd<T>(w, tile, n, x, y);
        for (int i = 0; i < n; i++)
        {
            var pre = y[i];
            // Selecting 0 only where pre <= 0 keeps NaN visible to the finiteness check instead of mapping it to 0.
            var relu = Vector.ConditionalSelect(Vector.LessThanOrEqual(pre, Vector<T>.Zero), Vector<T>.Zero, pre);
            y[i] = relu - x[i];
        }
    }
}
