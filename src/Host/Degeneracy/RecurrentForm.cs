namespace FastAttractors.Degeneracy;

/// <summary>Which tanh network a <see cref="TanhNetwork"/> describes.</summary>
public enum RecurrentForm
{
    /// <summary>The map h ← F(h) = tanh(W h + c): fixed points solve F(h) = h; stable when every |λ(DF)| &lt; 1.</summary>
    Discrete,

    /// <summary>The flow τ dh/dt = −h + W tanh(h) + c (the engine's TanhRnn plus a constant drive c): fixed points solve
    /// the right-hand side = 0; stable when every Re λ(Df) &lt; 0.</summary>
    Continuous,
}
