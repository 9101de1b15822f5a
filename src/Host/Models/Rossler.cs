using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors;

/// <summary>
/// The Rössler system ẋ = −y − z, ẏ = x + a y, ż = b + z (x − c), written once as f(x) over a generic number type:
/// Reference evaluates it in float64, Simd over lane vectors of members, the ILGPU kernels per thread, and dual
/// numbers give its Jacobian–vector products (tangents, Lyapunov spectra) and, through them, the adjoint. Nothing
/// else is written for it: this file is the whole built-in.
/// </summary>
public readonly struct RosslerField<T>(double a, double b, double c) : IModel<T> where T : unmanaged, IReal<T>
{
    private readonly double a = a, b = b, c = c;

    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public int ScratchLength => 0;

    /// <inheritdoc/>
    // Inlined so that Simd's register-resident RK4 keeps the tile's state in registers through f (its IL is over
    // the JIT's default limit); see docs/how-to/add-a-model.md.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
}

/// <summary>The built-in Rössler flow (parameters shared by all members; Rössler 1976's a = b = 0.2, c = 5.7 by default).</summary>
public static class Rossler
{
    /// <summary>The model with parameters a, b, c, named "rossler".</summary>
    public static UserModel<RosslerField<Real64>, RosslerField<Real32>> Create(double a = 0.2, double b = 0.2, double c = 5.7)
    {
        foreach (var (name, value) in new[] { ("a", a), ("b", b), ("c", c) })
        {
            if (!double.IsFinite(value))
                throw new ArgumentOutOfRangeException(name, value, $"Rössler parameter {name} must be finite, got {value}.");
        }
        return new(new(a, b, c), new(a, b, c), DynamicsKind.Flow, "rossler");
    }
}
