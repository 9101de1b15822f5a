namespace FastAttractors;

/// <summary>The separation function f of the Long Sequence Hopfield variants.</summary>
public enum SeparationFunction
{
    /// <summary>f(m) = m^d, d = <see cref="TrainingOptions.Degree"/>.</summary>
    Polynomial,

    /// <summary>f(m) = exp((N − 1)(m − 1)).</summary>
    Exponential,
}
