namespace FastAttractors.Kernels.Binary;

/// <summary>
/// The sizes, switches and constants of one binary training launch: group g trains network FirstNetwork + g.
/// Flags are ints (1/0), not bools, so every backend lays the struct out alike.
/// </summary>
public readonly struct BinaryTrainingShape(
    int firstNetwork, int visible, int hidden, int length, int transitions, int maxEpochs,
    bool hiddenLayer, bool learnU, bool zeroOne, bool learnBias, bool online, double kappa, double eta)
{
    /// <summary>Global index of the network trained by group 0 (patterns are indexed globally, work buffers per group).</summary>
    public readonly int FirstNetwork = firstNetwork;

    /// <summary>N, M (0 for the visible-only perceptron), T (patterns per sequence), transitions (T or T − 1), epoch limit.</summary>
    public readonly int Visible = visible, Hidden = hidden, Length = length, Transitions = transitions, MaxEpochs = maxEpochs;

    /// <summary>HiddenLayer: U and V (else W); LearnU: HiddenUV (else U is fixed); ZeroOne: {0,1} hidden code; Online: per-transition schedule.</summary>
    public readonly int HiddenLayer = hiddenLayer ? 1 : 0, LearnU = learnU ? 1 : 0, ZeroOne = zeroOne ? 1 : 0, LearnBias = learnBias ? 1 : 0, Online = online ? 1 : 0;

    /// <summary>κ and η of the margin rule (docs/explanations/binary-margin-rule.md).</summary>
    public readonly double Kappa = kappa, Eta = eta;
}
