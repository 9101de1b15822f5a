using ILGPU;

namespace FastAttractors.Kernels.Binary;

/// <summary>Input x_t[c] of a layer at transition t, as the float64 the Reference multiplies by.</summary>
public interface ILayerInputs
{
    /// <summary>Input c at transition t.</summary>
    double Input(int t, int c);
}

/// <summary>Sign target s_t[r] ∈ {−1, +1} of row r at transition t.</summary>
public interface ILayerTargets
{
    /// <summary>Sign target (−1 or +1) of row r at transition t.</summary>
    int Target(int t, int r);
}

/// <summary>Visible inputs ξ(t) of network b: pattern t (ints ±1, (b·T + t)·N + k).</summary>
public readonly struct PatternInputs(ArrayView<int> patterns, int network, int length, int visible) : ILayerInputs
{
    private readonly ArrayView<int> patterns = patterns;
    private readonly int offset = network * length * visible, visible = visible;

    /// <summary>Component c of pattern t of the network, as double.</summary>
    public double Input(int t, int c) => patterns[offset + t * visible + c];
}

/// <summary>Hidden codes y_t[i] (transition-major, t·M + i) of one network: the inputs of the V rule.</summary>
public readonly struct CodeInputs(ArrayView<double> codes, int offset, int hidden) : ILayerInputs
{
    private readonly ArrayView<double> codes = codes;
    private readonly int offset = offset, hidden = hidden;

    /// <summary>Hidden code c at transition t.</summary>
    public double Input(int t, int c) => codes[offset + t * hidden + c];
}

/// <summary>Visible targets ξ(t+1): the successor pattern of t (wrapping to 0 when periodic).</summary>
public readonly struct SuccessorTargets(ArrayView<int> patterns, int network, int length, int visible) : ILayerTargets
{
    private readonly ArrayView<int> patterns = patterns;
    private readonly int offset = network * length * visible, length = length, visible = visible;

    /// <summary>Component r of pattern t + 1 (pattern 0 after the last).</summary>
    public int Target(int t, int r) => patterns[offset + (t + 1 < length ? t + 1 : 0) * visible + r];
}

/// <summary>Hidden sign targets s_i(t), transition-major (t·M + i) from the host's HiddenTargetSigns.</summary>
public readonly struct HiddenSignTargets(ArrayView<int> signs, int offset, int hidden) : ILayerTargets
{
    private readonly ArrayView<int> signs = signs;
    private readonly int offset = offset, hidden = hidden;

    /// <summary>Hidden sign target of unit r at transition t.</summary>
    public int Target(int t, int r) => signs[offset + t * hidden + r];
}
