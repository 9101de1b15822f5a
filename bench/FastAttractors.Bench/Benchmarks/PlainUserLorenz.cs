using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Bench.Benchmarks;

/// <summary><see cref="UserLorenz{T}"/> without the inlining mark: what a user model costs when the JIT keeps f a call.</summary>
public readonly struct PlainUserLorenz<T> : IModel<T> where T : unmanaged, IReal<T>
{
    public int Dimension => 3;
    public int ScratchLength => 0;

    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        TNum x0 = x[0], x1 = x[1], x2 = x[2];
        y.Set(0, TNum.FromDouble(10.0) * (x1 - x0));
        y.Set(1, x0 * (TNum.FromDouble(28.0) - x2) - x1);
        y.Set(2, x0 * x1 - TNum.FromDouble(8.0 / 3.0) * x2);
    }
}
