using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;
using ILGPU.Runtime;

namespace FastAttractors.Ode.Integrators;

/// <summary>
/// A tableau prepared for <see cref="RkKernel"/>: every nonzero coefficient pre-multiplied by dt and converted to T
/// once per run on the host (kernels cannot convert constants), uploaded as the three arrays of <see cref="RkTerms{T}"/>.
/// </summary>
internal sealed class IlgpuTableau<T> : IDisposable where T : unmanaged, IReal<T>
{
    private readonly MemoryBuffer1D<T, Stride1D.Dense> weights;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> slopes, starts;

    public IlgpuTableau(Accelerator accelerator, ButcherTableau tableau, double dt)
    {
        var (w, j, s) = Terms(tableau, dt);
        Stages = tableau.StagesUsed;
        weights = accelerator.Allocate1D(w);
        slopes = accelerator.Allocate1D(j);
        starts = accelerator.Allocate1D(s);
    }

    public int Stages { get; }

    public RkTerms<T> Terms() => new(Stages, weights.View, slopes.View, starts.View);

    /// <summary>The host arrays of <see cref="RkTerms{T}"/>: weights, their slopes, and where each stage's terms start.</summary>
    internal static (T[] Weights, int[] Slopes, int[] Starts) Terms(ButcherTableau tableau, double dt)
    {
        int stages = tableau.StagesUsed;
        var weights = new List<T>();
        var slopes = new List<int>();
        var starts = new List<int>();
        void Add(IEnumerable<double> row)
        {
            starts.Add(weights.Count);
            int j = 0;
            foreach (double a in row)
            {
                if (a != 0)
                {
                    weights.Add(Scaled(dt, a));
                    slopes.Add(j);
                }
                j++;
            }
        }
        for (int s = 0; s < stages; s++)
            Add(tableau.A[s]);
        Add(tableau.B.Take(stages));
        starts.Add(weights.Count);
        return ([.. weights], [.. slopes], [.. starts]);
    }

    /// <summary>
    /// h·w in T. A weight 1/q with q an integer becomes T(h/q), h/q rounded once in float64 — exactly the h/2, h/3,
    /// h/6 and h of <see cref="Rk4Coefficients{T}"/> — so RK4's tableau repeats the unrolled kernel's arithmetic. (The
    /// Simd path divides in T instead, T(h)/q, as its own unrolled RK4 does; in float32 the two may differ by an ulp.)
    /// </summary>
    internal static T Scaled(double dt, double weight)
    {
        double q = 1.0 / weight;
        if (q == Math.Round(q) && 1.0 / q == weight && Math.Abs(q) <= 1 << 20)
            return T.FromDouble(dt / q);
        return T.FromDouble(dt * weight);
    }

    public void Dispose()
    {
        weights.Dispose();
        slopes.Dispose();
        starts.Dispose();
    }
}
