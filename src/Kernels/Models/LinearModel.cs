using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>dx/dt = A x + b. Parameters: A (n·n, row-major), b (n). The exact oracle: its exponents are the sorted Re eig(A).</summary>
public readonly struct LinearModel<T, TTable>(int n, TTable a, TTable b, int map = 0) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly int n = n, map = map;
    // Not "a": the adjoint's products take the cotangent vector by that name.
    private readonly TableMatrix<T, TTable> matrix = new(n, a);
    private readonly TTable b = b;

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => 0;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        for (int i = 0; i < n; i++)
            y.Set(i, matrix.RowTimes(i, member, x, b.Get<TNum>(i, member)));
    }

    // Tangents (Lyapunov spectra): Linear, flow (dx/dt = A x + b) or map (x ← A x + b, <c>map</c> = 1): J v = A v,
    // no linearisation. Contraction: tr A for the flow; 0 for the map, whose constant log |det A| the host computes
    // once per member.

    /// <inheritdoc/>
    public int LinearisationLength => 0;

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
    }

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
            jv.Set(i, matrix.RowTimes<T, TV>(i, member, v));
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        if (map != 0)
            return 0.0;
        double trace = 0;
        for (int i = 0; i < n; i++)
            trace += matrix.At<T>(i, i, member).ToDouble();
        return trace;
    }

    // Adjoint (gradients): Linear, f = A x + b (flow or map alike): Jᵀ a = Aᵀ a; cotangents A_ij: a_i x_j, b_i:
    // a_i. No work.

    /// <inheritdoc/>
    public int AdjointWorkLength => 0;
    /// <inheritdoc/>
    public int ParameterLength => n * n + n;

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int j = 0; j < n; j++)
            result.Set(j, matrix.ColumnTimes<T, TA>(j, member, a));
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            var ai = a[i];
            matrix.AddRowCotangent(bar, i, ai, x);
            bar.Set(n * n + i, bar[n * n + i] + ai.ToDouble());
        }
    }
}
