using System.Runtime.CompilerServices;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The stored patterns ξ_a of one network as anchors for <see cref="BatchedTrials"/>: first-layer fields
/// H_a = b + U ξ_a (or W ξ_a), hidden codes ζ_a, visible fields F_a = b_V + V ζ_a and the step's result sgn(F_a),
/// computed with <see cref="TrialProduct"/> (the patterns as its trials) on first use, a block of
/// <see cref="TrialProduct.Tile"/> consecutive patterns at a time. A block costs one tile, what one lone trial's dense
/// step costs, so a trial that fails at its first step costs no more than before, and followers, which visit the
/// patterns in order, share each block. At W7 every network has a follower that visits all of them.
/// </summary>
internal sealed class AnchorFields
{
    private readonly FloatNetwork weights;
    private readonly int n, length;
    private readonly float[] x;
    private readonly int[] block = new int[TrialProduct.Tile];
    private readonly bool[] ready;
    private readonly SequenceBatch seq;
    private int network;

    public AnchorFields(FloatNetwork weights, SequenceBatch seq)
    {
        this.weights = weights;
        this.seq = seq;
        length = seq.Length;
        n = weights.N;
        x = new float[length * n];
        ready = new bool[(length + TrialProduct.Tile - 1) / TrialProduct.Tile];
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

    /// <summary>Anchors computed since the last <see cref="Reset"/> (whole blocks), for the step counts.</summary>
    public int Computed { get; private set; }

    /// <summary>Network b's weights are in place (<see cref="FloatNetwork.Load"/>): forget the previous network's anchors.</summary>
    public void Reset(int b)
    {
        network = b;
        Array.Clear(ready);
        Computed = 0;
    }

    public bool IsReady(int a) => ready[a / TrialProduct.Tile];

    /// <summary>Computes the block holding anchor a unless it is there already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Ensure(int a)
    {
        int index = a / TrialProduct.Tile;
        if (ready[index])
            return;
        ready[index] = true;
        int from = index * TrialProduct.Tile, count = Math.Min(TrialProduct.Tile, length - from);
        Computed += count;
        for (int i = 0; i < count; i++)
        {
            block[i] = from + i;
            var pattern = seq.Pattern(network, from + i);
            for (int k = 0; k < n; k++)
                x[(from + i) * n + k] = pattern[k];
        }
        TrialProduct.Compute(weights.First, weights.FirstBias, n, x, n, block, count, First);
        if (weights.IsHidden)
        {
            int mp = weights.HiddenPadded;
            FloatSigns.Code(First.AsSpan(from * mp, count * mp), Codes.AsSpan(from * mp, count * mp), weights.ZeroOne);
            TrialProduct.Compute(weights.Second, weights.SecondBias, weights.M, Codes, mp, block, count, Visible);
        }
        int np = weights.VisiblePadded;
        for (int p = from; p < from + count; p++)
        {
            FloatSigns.Visible(Visible.AsSpan(p * np, n), Next.AsSpan(p * n, n));
            Follows[p] = Next.AsSpan(p * n, n).SequenceEqual(seq.Pattern(network, seq.Successor(p)));
        }
    }
}
