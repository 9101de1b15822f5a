using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>dx/dt = −x + ReLU(W x + b) (Eq. S1). Parameters: W (n·n, row-major), b (n).</summary>
public readonly struct ReluRnnModel<T, TTable>(int n, TTable w, TTable b) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly int n = n;
    private readonly TableMatrix<T, TTable> w = new(n, w);
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
            y.Set(i, TNum.Relu(w.RowTimes(i, member, x, b.Get<TNum>(i, member))) - x[i]);
    }

    // Tangents (Lyapunov spectra): ReluRnn (dx/dt = −x + ReLU(W x + b)) with J v = −v + H(W x + b) ⊙ (W v): the
    // gate multiplies rows, H(0) = 0, computed once per stage; tr J = Σ (H_i W_ii − 1). Linearisation: the gate as
    // 0 or 1 (n values).

    /// <inheritdoc/>
    public int LinearisationLength => n;

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        // A NaN pre-activation is not > 0: gate 0, as in the reference; the state check catches the NaN.
        for (int i = 0; i < n; i++)
            lin.Set(i, T.FromDouble(w.RowTimes(i, member, x, b.Get<T>(i, member)).ToDouble() > 0.0 ? 1.0 : 0.0));
    }

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            if (lin[i].ToDouble() > 0.0)
                jv.Set(i, w.RowTimes<T, TV>(i, member, v) - v[i]);
            else
                jv.Set(i, -v[i]);
        }
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += (lin[i].ToDouble() > 0.0 ? w.At<T>(i, i, member).ToDouble() : 0.0) - 1.0;
        return sum;
    }

    // Adjoint (gradients): ReluRnn, f = −x + ReLU(W x + b): with g = H(W x + b) ⊙ a (Heaviside, H(0) = 0 as the
    // model's derivative), Jᵀ a = Wᵀ g − a; cotangents W_ij: g_i x_j, b_i: g_i. Work: g (n values).

    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n + n;

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Gate(member, x, a, work);
        for (int j = 0; j < n; j++)
            result.Set(j, w.ColumnTimes<T, TWork>(j, member, work) - a[j]);
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Gate(member, x, a, work);
        for (int i = 0; i < n; i++)
        {
            var g = work[i];
            w.AddRowCotangent(bar, i, g, x);
            bar.Set(n * n + i, bar[n * n + i] + g.ToDouble());
        }
    }

    private void Gate<TX, TA, TWork>(int member, TX x, TA a, TWork gated)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
            gated.Set(i, w.RowTimes(i, member, x, b.Get<T>(i, member)).ToDouble() > 0 ? a[i] : T.FromDouble(0.0));
    }
}
