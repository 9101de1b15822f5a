namespace FastAttractors;

/// <summary>
/// Which explicit Runge–Kutta methods each backend runs, per capability. Classic RK4 runs everywhere (its kernels are
/// hand-unrolled). Any explicit tableau runs everywhere too, through steppers that read it: Reference (scalar float64
/// loops over a, b, c), Simd (stage loops over lane vectors for the state, its tangents and its discrete adjoint; RK4
/// keeps its unrolled twins) and the ILGPU backends (kernels that read the tableau's nonzero terms, for integration,
/// tangents and the discrete adjoint). A method is never silently replaced by RK4.
/// </summary>
public static class MethodSupport
{
    /// <summary>
    /// True when <paramref name="backend"/> runs <paramref name="method"/> for <paramref name="capability"/>.
    /// </summary>
    public static bool Supports(Backend backend, SolverCapability capability, ButcherTableau method)
    {
        ArgumentNullException.ThrowIfNull(method);
        // Every backend reads tableaus for every capability now; the check stays so a future backend or capability
        // that cannot refuses clearly instead of running RK4.
        return Enum.IsDefined(backend) && Enum.IsDefined(capability);
    }

    /// <summary>Throws a clear ArgumentException when <paramref name="solver"/>'s method cannot run here (maps always can).</summary>
    internal static void Require(ISolver solver, Backend backend, SolverCapability capability)
    {
        if (solver.Tableau is not { } method || Supports(backend, capability, method))
            return;
        throw new ArgumentException(
            $"solver {solver}: {capability} on {backend} does not run method '{method.Name}'.", nameof(solver));
    }
}
