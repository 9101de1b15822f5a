namespace FastAttractors;

/// <summary>
/// Which explicit Runge–Kutta methods each backend runs, per capability. Classic RK4 runs everywhere (its kernels are
/// hand-unrolled). Any tableau runs where a stepper reads the tableau: Reference (all three capabilities, scalar
/// float64 loops over a, b, c) and integrate on every backend (Simd: a stage loop over lane vectors; Cuda, OpenCL,
/// IlgpuCpu: a kernel that reads the tableau's terms). Elsewhere — the tangent and adjoint steppers of Simd and the
/// ILGPU backends — another method is refused, never replaced by RK4.
/// </summary>
public static class MethodSupport
{
    public static bool Supports(Backend backend, SolverCapability capability, ButcherTableau method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.HasCoefficientsOf(Methods.ClassicRk4))
            return true;
        return backend == Backend.Reference || capability == SolverCapability.Integrate;
    }

    /// <summary>Throws a clear ArgumentException when <paramref name="solver"/>'s method cannot run here (maps always can).</summary>
    internal static void Require(ISolver solver, Backend backend, SolverCapability capability)
    {
        if (solver.Tableau is not { } method || Supports(backend, capability, method))
            return;
        throw new ArgumentException(
            $"solver {solver}: {capability} on {backend} runs only classic RK4 (Rk4(dt)); method '{method.Name}' runs for "
            + $"{capability} on Reference.", nameof(solver));
    }
}
