namespace FastAttractors;

/// <summary>Learned biases, optional on each layer. A bias is a weight from a constant +1 input and follows the same gated rule.</summary>
public enum BiasMode
{
    /// <summary>No biases: with the ±1 hidden code the map is odd, F(−ξ) = −F(ξ) away from ties.</summary>
    None,

    /// <summary>A bias on every hidden unit and every visible unit (on every unit for the visible-only perceptron).</summary>
    Learned,
}
