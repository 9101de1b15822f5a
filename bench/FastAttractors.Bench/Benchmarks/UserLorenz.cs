using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Bench.Benchmarks;

/// <summary>
/// Lorenz (σ = 10, ρ = 28, β = 8/3) written as a user model: f only, generic over the number type, marked for
/// inlining as docs/how-to/add-a-model.md advises for small models (its IL is over the JIT's 100-byte limit, so
/// without the mark f stays a call per stage on Simd). <see cref="PlainUserLorenz{T}"/> is the same f unmarked.
/// </summary>
public readonly struct UserLorenz<T> : IModel<T> where T : unmanaged, IReal<T>
{
    public int Dimension => 3;
    public int ScratchLength => 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
