using System.Numerics;

namespace FastAttractors.Simd;

/// <summary>
/// f evaluated for one tile of <c>Vector&lt;T&gt;.Count</c> members at once: x[i] holds component i of every member
/// in the tile. Separates the arithmetic (this) from the iteration over the ensemble (SimdIntegrator), STYLE 7.
/// </summary>
internal interface ISimdField<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    int Dimension { get; }

    /// <summary>Lane vectors of work space Evaluate needs.</summary>
    int ScratchLength { get; }

    void Evaluate(int tile, ReadOnlySpan<Vector<T>> x, Span<Vector<T>> y, Span<Vector<T>> scratch);
}
