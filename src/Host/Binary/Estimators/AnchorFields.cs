namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The stored patterns ξ_a of one network as anchors for <see cref="BatchedTrials"/>: first-layer fields
/// H_a = b + U ξ_a (or W ξ_a), hidden codes ζ_a, visible fields F_a = b_V + V ζ_a and the step's result sgn(F_a), all
/// computed at once with <see cref="TrialProduct"/> (the patterns as its trials). All at once rather than on demand: a
/// trial that follows the sequence visits every anchor, and one product over the T patterns fills the 4-trial tiles.
/// </summary>
internal sealed class AnchorFields
{
    private readonly FloatNetwork weights;
    private readonly int n, length;
    private readonly float[] x;
    private readonly int[] all;

    public AnchorFields(FloatNetwork weights, int length)
    {
        this.weights = weights;
        this.length = length;
        n = weights.N;
        x = new float[length * n];
        all = [.. Enumerable.Range(0, length)];
        First = new float[length * weights.FirstPadded];
        Codes = new float[length * weights.HiddenPadded];
        Visible = weights.IsHidden ? new float[length * weights.VisiblePadded] : First;
        Next = new sbyte[length * n];
        Follows = new bool[length];
    }

    /// <summary>H_a at a·Rp (Rp = M or N padded): the hidden fields, or the visible ones for the perceptron.</summary>
    public float[] First { get; }

    /// <summary>ζ_a at a·Mp (hidden variants).</summary>
    public float[] Codes { get; }

    /// <summary>F_a at a·Np (the perceptron: the same array as <see cref="First"/>).</summary>
    public float[] Visible { get; }

    /// <summary>sgn(F_a) at a·N: the step from ξ_a.</summary>
    public sbyte[] Next { get; }

    /// <summary>sgn(F_a) = ξ_{a+1} (successor as <see cref="SequenceBatch.Successor"/>): the step from ξ_a lands on the next pattern.</summary>
    public bool[] Follows { get; }

    /// <summary>Fills the anchors of network b from the weights <see cref="FloatNetwork.Load"/> put in place.</summary>
    public void Compute(SequenceBatch seq, int network)
    {
        for (int a = 0; a < length; a++)
        {
            var pattern = seq.Pattern(network, a);
            for (int k = 0; k < n; k++)
                x[a * n + k] = pattern[k];
        }
        TrialProduct.Compute(weights.First, weights.FirstBias, n, x, n, all, length, First);
        if (weights.IsHidden)
        {
            FloatSigns.Code(First, Codes, weights.ZeroOne);
            TrialProduct.Compute(weights.Second, weights.SecondBias, weights.M, Codes, weights.HiddenPadded, all, length, Visible);
        }
        int np = weights.VisiblePadded;
        for (int a = 0; a < length; a++)
        {
            FloatSigns.Visible(Visible.AsSpan(a * np, n), Next.AsSpan(a * n, n));
            Follows[a] = Next.AsSpan(a * n, n).SequenceEqual(seq.Pattern(network, seq.Successor(a)));
        }
    }
}
