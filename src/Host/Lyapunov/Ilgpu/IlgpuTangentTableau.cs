using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using FastAttractors.Ode.Integrators;
using ILGPU;
using ILGPU.Runtime;

namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>
/// A tableau prepared for <see cref="Kernels.Lyapunov.LyapunovRkKernel"/>: the integrator's terms for the state and
/// tangent stages, and the float64 quadrature h·b_s of the contraction integral per stage.
/// </summary>
internal sealed class IlgpuTangentTableau<T> : IDisposable where T : unmanaged, IReal<T>
{
    private readonly IlgpuTableau<T> steps;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> quadrature;

    public IlgpuTangentTableau(Accelerator accelerator, ButcherTableau tableau, double dt)
    {
        steps = new IlgpuTableau<T>(accelerator, tableau, dt);
        quadrature = accelerator.Allocate1D(Quadrature(tableau, dt));
    }

    public int Stages => steps.Stages;

    public RkTerms<T> Terms() => steps.Terms();

    public ArrayView<double> QuadratureView => quadrature.View;

    /// <summary>
    /// h·b_s per used stage in float64. b = 1/q with q an integer gives h/q, as the unrolled kernel's dt/6 and dt/3
    /// (so RK4's tableau keeps its bits); b = 0 gives 0, which the kernel skips.
    /// </summary>
    internal static double[] Quadrature(ButcherTableau tableau, double dt)
    {
        var weights = new double[tableau.StagesUsed];
        for (int s = 0; s < weights.Length; s++)
        {
            double b = tableau.B[s];
            if (b == 0)
                continue;
            double q = 1.0 / b;
            weights[s] = q == Math.Round(q) && 1.0 / q == b && Math.Abs(q) <= 1 << 20 ? dt / q : dt * b;
        }
        return weights;
    }

    public void Dispose()
    {
        steps.Dispose();
        quadrature.Dispose();
    }
}
