namespace FastAttractors;

/// <summary>What a solver is asked to do; <see cref="MethodSupport"/> says which methods each backend runs for it.</summary>
public enum SolverCapability
{
    /// <summary><c>Engine.Integrate</c>: the states.</summary>
    Integrate,

    /// <summary><c>Engine.Lyapunov</c>: states and tangents.</summary>
    Lyapunov,

    /// <summary><c>Engine.Gradient</c>: states and the discrete adjoint.</summary>
    Gradient,
}
