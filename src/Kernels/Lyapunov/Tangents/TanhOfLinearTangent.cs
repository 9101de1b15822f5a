using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>
/// TanhOfLinear, flow (leak 1: dx/dt = −x + tanh(W x)) or map (leak 0: x ← tanh(W x)), with
/// J v = d ⊙ (W v) − leak·v, d = sech²(W x) computed once per state. Contraction: flow Σ (W_ii d_i − 1); map
/// Σ log sech²(W x)_i, to which the kernel adds the host's log |det W|. Linearisation: d, then W x (2n values).
/// </summary>
public readonly struct TanhOfLinearTangent<T>(int n, ParamView<T> w, int leak) : ITangentModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n, leak = leak;
    private readonly ParamView<T> w = w;
    private readonly TanhOfLinearModel<T> model = new(n, w, leak);

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
        for (int i = 0; i < n; i++)
        {
            var pre = w.Get(i * n, member) * x[0];
            for (int j = 1; j < n; j++)
                pre += w.Get(i * n + j, member) * x[j];
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
            var wv = w.Get(i * n, member) * v[0];
            for (int j = 1; j < n; j++)
                wv += w.Get(i * n + j, member) * v[j];
            var d = lin[i] * wv;
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
                ? w.Get(i * n + i, member).ToDouble() * lin[i].ToDouble() - 1.0
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
}
