using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Adjoint.Models;

/// <summary>
/// TanhRnn, f = (−x + W tanh(x) + b)/τ with the kernel reading 1/τ: Jᵀ a = ((1 − tanh² x) ⊙ Wᵀ a − a)/τ;
/// cotangents W_ij: a_i tanh(x_j)/τ, b_i: a_i/τ, τ: −Σ a_i f_i/τ (the user's τ, converted from 1/τ).
/// Work: tanh(x) (n values), so the cotangent takes n tanh, not n².
/// </summary>
public readonly struct TanhRnnAdjoint<T>(int n, ParamView<T> w, ParamView<T> b, ParamView<T> invTau) : IAdjointModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, b = b, invTau = invTau;
    private readonly TanhRnnModel<T> model = new(n, w, b, invTau);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int AdjointWorkLength => n;
    /// <inheritdoc/>
    public int ParameterLength => n * n + n + 1;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> =>
        model.Evaluate<TNum, TIn, TOut, TScratch>(member, x, y, scratch);

    /// <inheritdoc/>
    public void Vjp<TX, TA, TOut, TWork>(int member, TX x, TA a, TOut result, TWork work)
        where TX : struct, IVectorIn<T>
        where TA : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
        where TWork : struct, IVectorIn<T>, IVectorOut<T>
    {
        var rate = invTau.Get(0, member);
        for (int j = 0; j < n; j++)
        {
            var sum = T.FromDouble(0.0);
            for (int i = 0; i < n; i++)
                sum += w.Get(i * n + j, member) * a[i];
            result.Set(j, (Sech2.Of(x[j]) * sum - a[j]) * rate);
        }
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
        var rate = invTau.Get(0, member);
        double tauBar = 0;
        for (int i = 0; i < n; i++)
        {
            var ai = a[i] * rate;
            var f = b.Get(i, member) - x[i];
            for (int j = 0; j < n; j++)
            {
                var t = work[j];
                f += w.Get(i * n + j, member) * t;
                bar.Set(i * n + j, bar[i * n + j] + (ai * t).ToDouble());
            }
            bar.Set(n * n + i, bar[n * n + i] + ai.ToDouble());
            tauBar -= (ai * f * rate).ToDouble();
        }
        bar.Set(n * n + n, bar[n * n + n] + tauBar);
    }
}
