using System.Numerics;

namespace FastAttractors.Simd.Fields;

/// <summary>Tile form of the Lorenz system with parameters (σ, ρ, β).</summary>
internal readonly struct LorenzSimd<T>(SimdParameters<T> p) : ISimdField<T>
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
}
