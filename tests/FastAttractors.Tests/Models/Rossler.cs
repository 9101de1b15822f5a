using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Tests.Models;

/// <summary>
/// The example user-defined model: the Rössler system, written once as f(x) generic over the number type. Nothing
/// else is supplied; its Jacobian–vector product comes from dual numbers.
/// </summary>
public readonly struct Rossler<T>(double a, double b, double c) : IModel<T> where T : unmanaged, IReal<T>
{
    private readonly double a = a, b = b, c = c;

    public int Dimension => 3;
    public int ScratchLength => 0;

    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        TNum x0 = x[0], x1 = x[1], x2 = x[2];
        y.Set(0, -x1 - x2);
        y.Set(1, x0 + TNum.FromDouble(a) * x1);
        y.Set(2, TNum.FromDouble(b) + x2 * (x0 - TNum.FromDouble(c)));
    }

    /// <summary>The analytic Jacobian, for the test only.</summary>
    public double[,] Jacobian(double[] x) => new[,] { { 0, -1, -1 }, { 1, a, 0 }, { x[2], 0, x[0] - c } };
}
