using System.Runtime.CompilerServices;
using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;

namespace FastAttractors.Tests.Models;

/// <summary>
/// A random small user model for the register path's tests: f_i = c_i + Σ_j A_ij x_j + B_i x_{i+1} x_{i+2} +
/// D_i tanh(x_i) + E_i sin(x_{i+1}) (indices mod n), with its quadratic term optionally stored through the scratch
/// so both the scratch and loops with non-constant indices are exercised. Growth makes some members blow up, which
/// exercises the per-lane freeze. Marked for inlining, as the register path requires.
/// </summary>
public readonly struct RandomSmallField<T>(int n, double[] coefficients, bool useScratch) : IModel<T> where T : unmanaged, IReal<T>
{
    private readonly double[] c = coefficients;

    /// <summary>Coefficients this field reads for dimension n: n constants, n² couplings, 3n term weights.</summary>
    public static int CoefficientCount(int n) => n + n * n + 3 * n;

    public int Dimension => n;
    public int ScratchLength => useScratch ? n : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        int m = n;
        if (useScratch)
        {
            for (int i = 0; i < m; i++)
                scratch.Set(i, x[(i + 1) % m] * x[(i + 2) % m]);
        }
        for (int i = 0; i < m; i++)
        {
            var sum = TNum.FromDouble(c[i]);
            for (int j = 0; j < m; j++)
                sum += TNum.FromDouble(c[m + i * m + j]) * x[j];
            var quadratic = useScratch ? scratch[i] : x[(i + 1) % m] * x[(i + 2) % m];
            int t = m + m * m + 3 * i;
            sum += TNum.FromDouble(c[t]) * quadratic + TNum.FromDouble(c[t + 1]) * TNum.Tanh(x[i]) + TNum.FromDouble(c[t + 2]) * TNum.Sin(x[(i + 1) % m]);
            y.Set(i, sum);
        }
    }
}
