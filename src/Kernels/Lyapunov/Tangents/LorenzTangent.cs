using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>Lorenz with J = [[−σ, σ, 0], [ρ − z, −1, −x], [y, x, −β]] read off the state; tr J = −σ − 1 − β.</summary>
public readonly struct LorenzTangent<T>(ParamView<T> p) : ITangentModel<T> where T : unmanaged, IReal<T>
{
    private readonly ParamView<T> p = p;
    private readonly LorenzModel<T> model = new(p);

    /// <inheritdoc/>
    public int Dimension => 3;
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
        T sigma = p.Get(0, member), rho = p.Get(1, member), beta = p.Get(2, member);
        T x0 = x[0], x1 = x[1], x2 = x[2], v0 = v[0], v1 = v[1], v2 = v[2];
        jv.Set(0, sigma * (v1 - v0));
        jv.Set(1, (rho - x2) * v0 - v1 - x0 * v2);
        jv.Set(2, x1 * v0 + x0 * v1 - beta * v2);
    }

    /// <inheritdoc/>
    public double Contraction<TX, TLin>(int member, TX x, TLin lin)
        where TX : struct, IVectorIn<T>
        where TLin : struct, IVectorIn<T>, IVectorOut<T> =>
        -p.Get(0, member).ToDouble() - 1.0 - p.Get(2, member).ToDouble();
}
