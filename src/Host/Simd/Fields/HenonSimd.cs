using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of the Hénon map with parameters (a, b).</summary>
internal readonly struct HenonSimd<T>(SimdParameters<T> p) : ISimdField<T>
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
}
