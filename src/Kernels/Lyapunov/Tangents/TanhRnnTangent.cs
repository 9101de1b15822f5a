using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>
/// TanhRnn (τ dx/dt = −x + W tanh(x) + b) with J v = (−v + W (d ⊙ v)) / τ, d = 1 − tanh²(x) computed once per stage;
/// tr J = Σ (W_ii d_i − 1) / τ. Linearisation: d (n values), then d ⊙ v (n values of work per product).
/// </summary>
public readonly struct TanhRnnTangent<T>(int n, ParamView<T> w, ParamView<T> b, ParamView<T> invTau) : ITangentModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, invTau = invTau;
    private readonly TanhRnnModel<T> model = new(n, w, b, invTau);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int LinearisationLength => 2 * n;

    /// <inheritdoc/>
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum> =>
        model.Evaluate<TNum, TIn, TOut, TScratch>(member, x, y, scratch);

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
        var rate = invTau.Get(0, member);
        for (int i = 0; i < n; i++)
        {
            var acc = -v[i];
            for (int j = 0; j < n; j++)
                acc += w.Get(i * n + j, member) * lin[n + j];
            jv.Set(i, acc * rate);
        }
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += w.Get(i * n + i, member).ToDouble() * lin[i].ToDouble() - 1.0;
        return sum * invTau.Get(0, member).ToDouble();
    }
}
