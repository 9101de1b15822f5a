using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>
/// Flow dx/dt = −x + tanh(W x) (Eq. 20) when <c>leak</c> is 1, map x ← tanh(W x) (Eq. 21) when it is 0.
/// Parameters: W (n·n, row-major).
/// </summary>
public readonly struct TanhOfLinearModel<T, TTable>(int n, TTable w, int leak) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly int n = n;
    private readonly TableMatrix<T, TTable> w = new(n, w);
    private readonly int leak = leak;

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
        {
            var v = TNum.Tanh(w.RowTimes<TNum, TIn>(i, member, x));
            y.Set(i, leak != 0 ? v - x[i] : v);
        }
    }

    // Tangents (Lyapunov spectra): TanhOfLinear, flow (leak 1: dx/dt = −x + tanh(W x)) or map (leak 0: x ← tanh(W
    // x)), with J v = d ⊙ (W v) − leak·v, d = sech²(W x) computed once per state. Contraction: flow Σ (W_ii d_i −
    // 1); map Σ log sech²(W x)_i, to which the kernel adds the host's log |det W|. Linearisation: d, then W x (2n
    // values).

    /// <inheritdoc/>
    public int LinearisationLength => 2 * n;

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
        {
            var pre = w.RowTimes<T, TX>(i, member, x);
            lin.Set(i, Sech2.Of(pre));
            lin.Set(n + i, pre);
        }
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
            var d = lin[i] * w.RowTimes<T, TV>(i, member, v);
            jv.Set(i, leak != 0 ? d - v[i] : d);
        }
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += leak != 0
                ? w.At<T>(i, i, member).ToDouble() * lin[i].ToDouble() - 1.0
                : LogSech2(lin[n + i].ToDouble());
        }
        return sum;
    }

    /// <summary>log(1 − tanh² p) = −2 (|p| + log(1 + e^{−2|p|}) − log 2), finite where 1 − tanh² underflows.</summary>
    private static double LogSech2(double p)
    {
        double a = Math.Abs(p);
        return -2.0 * (a + Math.Log(1.0 + Math.Exp(-2.0 * a)) - 0.69314718055994531);
    }

    // Adjoint (gradients): TanhOfLinear, flow f = −x + tanh(W x) (leak 1) or map F = tanh(W x) (leak 0): with d =
    // (1 − tanh²(W x)) ⊙ a, Jᵀ a = Wᵀ d (− a for the flow); cotangent W_ij: d_i x_j. Work: d (n values).

    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n;

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Scale(member, x, a, work);
        for (int j = 0; j < n; j++)
        {
            var sum = w.ColumnTimes<T, TWork>(j, member, work);
            result.Set(j, leak != 0 ? sum - a[j] : sum);
        }
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        Scale(member, x, a, work);
        for (int i = 0; i < n; i++)
            w.AddRowCotangent(bar, i, work[i], x);
    }

    private void Scale<TX, TA, TWork>(int member, TX x, TA a, TWork scaled)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int i = 0; i < n; i++)
            scaled.Set(i, Sech2.Of(w.RowTimes<T, TX>(i, member, x)) * a[i]);
    }
}
