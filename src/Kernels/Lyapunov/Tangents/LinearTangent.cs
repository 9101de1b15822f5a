using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Kernels.Lyapunov.Tangents;

/// <summary>
/// Linear, flow (dx/dt = A x + b) or map (x ← A x + b, <c>map</c> = 1): J v = A v, no linearisation. Contraction:
/// tr A for the flow; 0 for the map, whose constant log |det A| the host computes once per member.
/// </summary>
public readonly struct LinearTangent<T>(int n, ParamView<T> a, ParamView<T> b, int map) : ITangentModel<T>
    where T : unmanaged, IReal<T>
{
    private readonly int n = n, map = map;
    private readonly ParamView<T> a = a;
    private readonly LinearModel<T> model = new(n, a, b);

    /// <inheritdoc/>
    public int Dimension => n;
    /// <inheritdoc/>
    public int ScratchLength => model.ScratchLength;
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
        for (int i = 0; i < n; i++)
        {
            var acc = a.Get(i * n, member) * v[0];
            for (int j = 1; j < n; j++)
                acc += a.Get(i * n + j, member) * v[j];
            jv.Set(i, acc);
        }
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
            trace += a.Get(i * n + i, member).ToDouble();
        return trace;
    }
}
