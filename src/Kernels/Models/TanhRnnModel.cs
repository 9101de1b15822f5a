using FastAttractors.Kernels.Adjoint;
using FastAttractors.Kernels.Lyapunov;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Models;

/// <summary>τ dx/dt = −x + W tanh(x) + b (Eq. S2). Parameters: W (n·n, row-major), b (n), 1/τ (1).</summary>
public readonly struct TanhRnnModel<T, TTable>(int n, TTable w, TTable b, TTable invTau) : ITangentModel<T>, IAdjointModel<T>
    where T : unmanaged, IReal<T>, ILift<T, T>
    where TTable : struct, IParameterTable<TTable, T>
{
    private readonly int n = n;
    private readonly TableMatrix<T, TTable> w = new(n, w);
    private readonly TTable b = b, invTau = invTau;

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => n;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        for (int j = 0; j < n; j++)
            scratch.Set(j, TNum.Tanh(x[j]));
        var rate = invTau.Get<TNum>(0, member);
        for (int i = 0; i < n; i++)
            y.Set(i, w.RowTimes(i, member, scratch, b.Get<TNum>(i, member) - x[i]) * rate);
    }

    // Tangents (Lyapunov spectra): TanhRnn (τ dx/dt = −x + W tanh(x) + b) with J v = (−v + W (d ⊙ v)) / τ, d = 1 −
    // tanh²(x) computed once per stage; tr J = Σ (W_ii d_i − 1) / τ. Linearisation: d (n values), then d ⊙ v (n
    // values of work per product).

    /// <inheritdoc/>
    public int LinearisationLength => 2 * n;

    /// <inheritdoc/>
    public void Linearise<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int j = 0; j < n; j++)
            lin.Set(j, Sech2.Of(x[j]));
    }

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        for (int j = 0; j < n; j++)
            lin.Set(n + j, lin[j] * v[j]);
        var gated = new OffsetVector<T, TLin>(lin, n);
        var rate = invTau.Get<T>(0, member);
        for (int i = 0; i < n; i++)
            jv.Set(i, w.RowTimes(i, member, gated, -v[i]) * rate);
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += w.At<T>(i, i, member).ToDouble() * lin[i].ToDouble() - 1.0;
        return sum * invTau.Get<T>(0, member).ToDouble();
    }

    // Adjoint (gradients): TanhRnn, f = (−x + W tanh(x) + b)/τ with the kernel reading 1/τ: Jᵀ a = ((1 − tanh² x) ⊙
    // Wᵀ a − a)/τ; cotangents W_ij: a_i tanh(x_j)/τ, b_i: a_i/τ, τ: −Σ a_i f_i/τ (the user's τ, converted from
    // 1/τ). Work: tanh(x) (n values), so the cotangent takes n tanh, not n².

    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n + n + 1;

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        var rate = invTau.Get<T>(0, member);
        for (int j = 0; j < n; j++)
            result.Set(j, (Sech2.Of(x[j]) * w.ColumnTimes<T, TA>(j, member, a) - a[j]) * rate);
    }

    /// <inheritdoc/>
    public void AddParameterCotangent<TX, TA, TBar, TWork>(int member, TX x, TA a, TBar bar, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TBar : struct, IVectorIn<double>, IVectorOut<double>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        for (int j = 0; j < n; j++)
            work.Set(j, T.Tanh(x[j]));
        var rate = invTau.Get<T>(0, member);
        double tauBar = 0;
        for (int i = 0; i < n; i++)
        {
            var ai = a[i] * rate;
            var f = b.Get<T>(i, member) - x[i];
            for (int j = 0; j < n; j++)
            {
                var t = work[j];
                f += w.At<T>(i, j, member) * t;
                bar.Set(i * n + j, bar[i * n + j] + (ai * t).ToDouble());
            }
            bar.Set(n * n + i, bar[n * n + i] + ai.ToDouble());
            tauBar -= (ai * f * rate).ToDouble();
        }
        bar.Set(n * n + n, bar[n * n + n] + tauBar);
    }
}
