namespace FastAttractors.Native;

/// <summary>
/// fa_method values of the header ↔ solvers. Flows take an explicit Runge–Kutta method and a step dt; maps are
/// iterated, one step per iteration, so their dt must be 1 (the engine's MapIteration step), as Engine requires.
/// </summary>
internal static class MethodCodes
{
    private static readonly string[] Names = ["0 default (RK4 for flows, iteration for maps)", "1 rk4", "2 euler", "3 heun", "4 tsit5", "5 iterate"];

    /// <summary>
    /// Refuses, naming <c>method</c>, a Runge–Kutta method the backend cannot run for <paramref name="capability"/>
    /// (gradients on the ILGPU backends differentiate classic RK4 only); the engine would refuse it too, but naming
    /// its "solver", which a C caller never passed.
    /// </summary>
    public static void RequireSupported(int method, Backend backend, SolverCapability capability)
    {
        var tableau = method switch { 2 => Methods.Euler, 3 => Methods.Heun, 4 => Methods.Tsit5, _ => null };
        if (tableau is not null && !MethodSupport.Supports(backend, capability, tableau))
            throw new ArgumentException(
                $"method: {capability} on {backend} runs classic RK4 only (FA_METHOD_RK4); {Names[method]} runs there on Reference and Simd.",
                nameof(method));
    }

    public static ISolver Solver(ModelKind kind, int method, double dt)
    {
        if (method is < 0 or > 5)
            throw new ArgumentOutOfRangeException(nameof(method), method, $"method: unknown fa_method {method}; valid: {string.Join(", ", Names)}.");
        if (kind.Map)
        {
            if (method is not (0 or 5))
                throw new ArgumentException($"method: {kind.Name} is a map (iterated); use FA_METHOD_ITERATE or FA_METHOD_DEFAULT, got {Names[method]}.", nameof(method));
            if (dt != 1.0)
                throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt: {kind.Name} is a map, one step is one iteration; pass dt = 1, got {dt}.");
            return MapIteration.Instance;
        }
        return method switch
        {
            0 or 1 => new Rk4(dt),
            2 => new ExplicitRk(Methods.Euler, dt),
            3 => new ExplicitRk(Methods.Heun, dt),
            4 => new ExplicitRk(Methods.Tsit5, dt),
            _ => throw new ArgumentException($"method: FA_METHOD_ITERATE is for maps; {kind.Name} is a flow (use an RK method).", nameof(method)),
        };
    }
}
