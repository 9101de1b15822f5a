namespace FastAttractors;

/// <summary>Continuous time (dx/dt = f(x), integrated by RK4) or discrete time (x ← F(x), iterated).</summary>
public enum DynamicsKind
{
    Flow,
    Map,
}
