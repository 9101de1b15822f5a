using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>Hénon with J = [[−2 a x, 1], [b, 0]]; log |det J| = log |b|.</summary>
public readonly struct HenonTangent<T>(ParamView<T> p) : ITangentModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;
    private readonly HenonModel<T> model = new(p);

    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public int ScratchLength => 0;
    /// <inheritdoc/>
    public int LinearisationLength => 0;

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
    }

    /// <inheritdoc/>
    public void Jvp<TX, TLin, TV, TOut>(int member, TX x, TLin lin, TV v, TOut jv)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T>
        where TV : struct, IVectorIn<T>
        where TOut : struct, IVectorOut<T>
    {
        T a = p.Get(0, member), b = p.Get(1, member), v0 = v[0];
        jv.Set(0, T.FromDouble(-2.0) * a * x[0] * v0 + v[1]);
        jv.Set(1, b * v0);
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T> =>
        Math.Log(Math.Abs(p.Get(1, member).ToDouble()));
}
