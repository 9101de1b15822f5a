namespace FastAttractors;

/// <summary>
/// Which explicit Runge–Kutta methods each backend runs, per capability. Classic RK4 runs everywhere (its kernels are
/// hand-unrolled). Any tableau runs where a stepper reads the tableau: Reference (all three capabilities, scalar
/// float64 loops over a, b, c), Simd (stage loops over lane vectors for the state, its tangents and its discrete
/// adjoint; RK4 keeps its unrolled twins) and integrate and Lyapunov on the ILGPU backends (kernels that read the
/// tableau's terms). Gradients on Cuda, OpenCL and IlgpuCpu refuse another method, never replacing it by RK4.
/// </summary>
public static class MethodSupport
{
    /// <summary>
    /// True when <paramref name="backend"/> runs <paramref name="method"/> for <paramref name="capability"/>.
    /// </summary>
    public static bool Supports(Backend backend, SolverCapability capability, ButcherTableau method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.HasCoefficientsOf(Methods.ClassicRk4))
            return true;
        return backend is Backend.Reference or Backend.Simd || capability is SolverCapability.Integrate or SolverCapability.Lyapunov;
    }

    /// <summary>Throws a clear ArgumentException when <paramref name="solver"/>'s method cannot run here (maps always can).</summary>
    internal static void Require(ISolver solver, Backend backend, SolverCapability capability)
    {
        if (solver.Tableau is not { } method || Supports(backend, capability, method))
            return;
        throw new ArgumentException(
            $"solver {solver}: {capability} on {backend} runs only classic RK4 (Rk4(dt)); method '{method.Name}' runs for "
            + $"{capability} on Reference and Simd.", nameof(solver));
    }
}
