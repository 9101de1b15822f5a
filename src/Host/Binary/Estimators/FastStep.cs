using System.Numerics;

namespace FastAttractors.Binary.Estimators;

/// <summary>
/// One synchronous step of a trained hidden or visible-only network with Vector&lt;T&gt; rows (docs/explanations/binary-margin-rule.md), the same map
/// as <see cref="NetworkStep"/>. <see cref="SimdBinary"/> uses T = double for networks whose float32 sums are not exact
/// (<see cref="ExactSums"/>; equal up to summation order); exact networks take <see cref="BatchedTrials"/>.
/// </summary>
internal sealed class FastStep<T>(FastWeights<T> weights, int network) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] input = new T[weights.N];
    private readonly T[] hidden = new T[weights.M];

    public void Next(ReadOnlySpan<sbyte> x, Span<sbyte> next)
    {
        int n = weights.N, m = weights.M;
        for (int k = 0; k < n; k++)
            input[k] = T.CreateTruncating(x[k]);
        var bv = weights.VisibleBias.AsSpan(network * n, n);
        if (m == 0)
        {
            Layer(weights.W.AsSpan(network * n * n, n * n), bv, input, next);
            return;
        }
        var u = weights.U.AsSpan(network * m * n, m * n);
        var bh = weights.HiddenBias.AsSpan(network * m, m);
        T low = weights.ZeroOne ? T.Zero : -T.One;
        for (int i = 0; i < m; i++)
            hidden[i] = bh[i] + BinaryRows.Dot<T>(u.Slice(i * n, n), input) >= T.Zero ? T.One : low;
        Layer(weights.V.AsSpan(network * n * m, n * m), bv, hidden, next);
    }

    private static void Layer(ReadOnlySpan<T> w, ReadOnlySpan<T> bias, ReadOnlySpan<T> x, Span<sbyte> next)
    {
        int cols = x.Length;
        for (int j = 0; j < next.Length; j++)
            next[j] = bias[j] + BinaryRows.Dot(w.Slice(j * cols, cols), x) >= T.Zero ? (sbyte)1 : (sbyte)-1;
    }
}

/// <summary>All networks' weights of a <see cref="TrainingResult"/> converted once to T (M = 0: visible-only W).</summary>
internal sealed class FastWeights<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public FastWeights(TrainingResult trained, bool hidden)
    {
        N = trained.Visible;
        M = hidden ? trained.Hidden : 0;
        ZeroOne = trained.Options.HiddenCode == HiddenCode.ZeroOne;
        U = Convert(hidden ? trained.U : []);
        V = Convert(hidden ? trained.V : []);
        W = Convert(hidden ? [] : trained.W);
        HiddenBias = Convert(trained.HiddenBias);
        VisibleBias = Convert(trained.VisibleBias);
    }

    public int N { get; }
    public int M { get; }
    public bool ZeroOne { get; }
    public T[] U { get; }
    public T[] V { get; }
    public T[] W { get; }
    public T[] HiddenBias { get; }
    public T[] VisibleBias { get; }

    private static T[] Convert(double[] values)
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = T.CreateTruncating(values[i]);
        return result;
    }
}
