namespace FastAttractors;

/// <summary>Continuous time (dx/dt = f(x), integrated by RK4) or discrete time (x ← F(x), iterated).</summary>
public enum DynamicsKind
{
    /// <summary>Continuous time: dx/dt = f(x), advanced by an ODE solver.</summary>
    Flow,
    /// <summary>Discrete time: x ← F(x), one iterate per step.</summary>
    Map,
}
