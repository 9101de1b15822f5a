using System.Numerics;
using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Simd;

namespace FastAttractors.Models;

/// <summary>Evaluates the scalar functor once per lane; TScalar and TReal have the same bits (float/Real32, double/Real64).</summary>
internal readonly struct LaneByLaneUserField<TScalar, TReal, TField>(TField functor) : ISimdAdjointField<TScalar>
    where TScalar : unmanaged, IFloatingPointIeee754<TScalar>
    where TReal : unmanaged, IReal<TReal>, ILift<TReal, TReal>
    where TField : struct, IModel<TReal>
{
    public int Dimension => functor.Dimension;
    public int ScratchLength => 0;

    public void Evaluate(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> scratch)
    {
        int n = functor.Dimension;
        var xs = new TReal[n];
        var ys = new TReal[n];
        var work = new TReal[Math.Max(1, functor.ScratchLength)];
        var lanesX = new TScalar[n * Vector<TScalar>.Count];
        var lanesY = new TScalar[n * Vector<TScalar>.Count];
        for (int i = 0; i < n; i++)
            x[i].CopyTo(lanesX, i * Vector<TScalar>.Count);
        for (int lane = 0; lane < Vector<TScalar>.Count; lane++)
        {
            for (int i = 0; i < n; i++)
                xs[i] = Unsafe.BitCast<TScalar, TReal>(lanesX[i * Vector<TScalar>.Count + lane]);
            functor.Evaluate<TReal, ArrayVector<TReal>, ArrayVector<TReal>, ArrayVector<TReal>>(
                tile * Vector<TScalar>.Count + lane, new(xs, 0), new(ys, 0), new(work, 0));
            for (int i = 0; i < n; i++)
                lanesY[i * Vector<TScalar>.Count + lane] = Unsafe.BitCast<TReal, TScalar>(ys[i]);
        }
        for (int i = 0; i < n; i++)
            y[i] = new Vector<TScalar>(lanesY, i * Vector<TScalar>.Count);
    }

    /// <summary>tr J would cost n dual evaluations per lane: the reference field's assembled Jacobian does it.</summary>
    public bool TryTrace(int tile, ReadOnlySpan<Vector<TScalar>> lin, out Vector<TScalar> trace)
    {
        trace = Vector<TScalar>.Zero;
        return false;
    }

    /// <summary>The linearisation is the point itself: J v comes from dual numbers at x, lane by lane.</summary>
    public int LinearisationLength => functor.Dimension;

    public void EvaluateLinearised(int tile, ReadOnlySpan<Vector<TScalar>> x, Span<Vector<TScalar>> y, Span<Vector<TScalar>> lin, Span<Vector<TScalar>> scratch)
    {
        x[..functor.Dimension].CopyTo(lin);
        Evaluate(tile, x, y, scratch);
    }

    public void Jvp(int tile, ReadOnlySpan<Vector<TScalar>> lin, ReadOnlySpan<Vector<TScalar>> v, Span<Vector<TScalar>> jv, int columns, Span<Vector<TScalar>> scratch)
    {
        int n = functor.Dimension, lanes = Vector<TScalar>.Count;
        var xs = new Dual<TReal>[n];
        var ys = new Dual<TReal>[n];
        var work = new Dual<TReal>[Math.Max(1, functor.ScratchLength)];
        for (int c = 0; c < columns; c++)
        {
            var outputs = new TScalar[n * lanes];
            for (int lane = 0; lane < lanes; lane++)
            {
                for (int i = 0; i < n; i++)
                    xs[i] = new Dual<TReal>(Unsafe.BitCast<TScalar, TReal>(lin[i][lane]), Unsafe.BitCast<TScalar, TReal>(v[c * n + i][lane]));
                functor.Evaluate<Dual<TReal>, ArrayVector<Dual<TReal>>, ArrayVector<Dual<TReal>>, ArrayVector<Dual<TReal>>>(
                    tile * lanes + lane, new(xs, 0), new(ys, 0), new(work, 0));
                for (int i = 0; i < n; i++)
                    outputs[i * lanes + lane] = Unsafe.BitCast<TReal, TScalar>(ys[i].Tangent);
            }
            for (int i = 0; i < n; i++)
                jv[c * n + i] = new Vector<TScalar>(outputs, i * lanes);
        }
    }


    /// <summary>User models carry their constants inside the functor: no parameters to differentiate.</summary>
    public int CotangentLength => 0;

    public int OuterDimension => 0;

    public int AdjointScratchLength => 0;

    /// <summary>
    /// Jᵀa lane by lane: column k of J is the tangent of f(x + ε e_k) in dual numbers (users write only f), and
    /// (Jᵀa)_k = Σ_i J_ik a_i.
    /// </summary>
    public void Vjp(int tile, ReadOnlySpan<Vector<TScalar>> x, ReadOnlySpan<Vector<TScalar>> y, ReadOnlySpan<Vector<TScalar>> lin,
        ReadOnlySpan<Vector<TScalar>> a, Span<Vector<TScalar>> xBar, Span<Vector<TScalar>> cotangent, Span<Vector<TScalar>> outer, Span<Vector<TScalar>> scratch)
    {
        int n = functor.Dimension, lanes = Vector<TScalar>.Count;
        var xs = new Dual<TReal>[n];
        var ys = new Dual<TReal>[n];
        var work = new Dual<TReal>[Math.Max(1, functor.ScratchLength)];
        var outputs = new TScalar[n * lanes];
        for (int lane = 0; lane < lanes; lane++)
        {
            for (int k = 0; k < n; k++)
            {
                for (int i = 0; i < n; i++)
                    xs[i] = new Dual<TReal>(Unsafe.BitCast<TScalar, TReal>(lin[i][lane]), TReal.FromDouble(i == k ? 1 : 0));
                functor.Evaluate<Dual<TReal>, ArrayVector<Dual<TReal>>, ArrayVector<Dual<TReal>>, ArrayVector<Dual<TReal>>>(
                    tile * lanes + lane, new(xs, 0), new(ys, 0), new(work, 0));
                var sum = TScalar.Zero;
                for (int i = 0; i < n; i++)
                    sum += Unsafe.BitCast<TReal, TScalar>(ys[i].Tangent) * a[i][lane];
                outputs[k * lanes + lane] = sum;
            }
        }
        for (int k = 0; k < n; k++)
            xBar[k] = new Vector<TScalar>(outputs, k * lanes);
    }
}
