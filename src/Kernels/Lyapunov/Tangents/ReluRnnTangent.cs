using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>
/// ReluRnn (dx/dt = −x + ReLU(W x + b)) with J v = −v + H(W x + b) ⊙ (W v): the gate multiplies rows, H(0) = 0,
/// computed once per stage; tr J = Σ (H_i W_ii − 1). Linearisation: the gate as 0 or 1 (n values).
/// </summary>
public readonly struct ReluRnnTangent<T>(int n, ParamView<T> w, ParamView<T> b) : ITangentModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n;
    private readonly ParamView<T> w = w, b = b;
    private readonly ReluRnnModel<T> model = new(n, w, b);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
    /// <inheritdoc/>
    public int LinearisationLength => n;

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
            var pre = b.Get(i, member);
            for (int j = 0; j < n; j++)
                pre += w.Get(i * n + j, member) * x[j];
            // A NaN pre-activation is not > 0: gate 0, as in the reference; the state check catches the NaN.
            lin.Set(i, T.FromDouble(pre.ToDouble() > 0.0 ? 1.0 : 0.0));
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
            if (lin[i].ToDouble() > 0.0)
            {
                var wv = w.Get(i * n, member) * v[0];
                for (int j = 1; j < n; j++)
                    wv += w.Get(i * n + j, member) * v[j];
                jv.Set(i, wv - v[i]);
            }
            else
            {
                jv.Set(i, -v[i]);
            }
        }
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
            sum += (lin[i].ToDouble() > 0.0 ? w.Get(i * n + i, member).ToDouble() : 0.0) - 1.0;
        return sum;
    }
}
