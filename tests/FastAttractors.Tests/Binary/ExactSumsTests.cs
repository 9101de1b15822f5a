using FastAttractors.Binary;
using FastAttractors.Binary.Estimators;
using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>
/// The rule that sends a network to the float32 batched recall (<see cref="ExactSums"/>): all values on one grid 2^e
/// and every row's |bias| + Σ|w| below 2^24·2^e. Networks that fail it must still recall exactly as the Reference does.
/// </summary>
public class ExactSumsTests
{
    [Fact]
    public void Float32_values_whose_float32_sums_round_take_the_float64_path()
    {
        // Every weight is a float32 value (the old test passed them), but 1 − 2^−30 rounds to 1 in float32, so a float32
        // field would be 0 (→ +1) where the exact one is −2^−30 (→ −1): ξ(0) = +++ → −−− → +++ holds only exactly.
        double tiny = Math.ScaleB(1.0, -30);
        var nets = Perceptron([1, 1, 1, -1, -1, -1], [1, -tiny, -1, 1, -tiny, -1, 1, -tiny, -1], [0, 0, 0]);
        float field = MathF.FusedMultiplyAdd(-1f, 1f, MathF.FusedMultiplyAdd((float)-tiny, 1f, 1f));
        Assert.Equal(0f, field);
        Assert.False(new FloatNetwork(nets).Load(0));
        foreach (var criterion in Enum.GetValues<RecallCriterion>())
        {
            var options = new RecallOptions { FlippedBits = 0, Trials = 2, Criterion = criterion };
            var simd = new SimdBinary().Recall(RecallPlan.Create(nets, options), out var steps);
            Assert.Equal([true, true], BinaryCases.Reference.Recall(nets, options).Success);
            Assert.Equal([true, true], simd.Success);
            Assert.Equal(default, steps);
        }
    }

    [Theory]
    [InlineData(0, 0, true)] // row sum 2^24 − 1 on the grid 2^0
    [InlineData(0, 1, false)] // row sum 2^24: at the bound
    [InlineData(-40, 0, true)] // the same on the grid 2^−40: the bound is relative to the grid
    [InlineData(-40, 1, false)]
    public void The_row_sum_bound_is_strict_at_2_to_the_24_grid_steps(int e, int bias, bool exact)
    {
        double g = Math.ScaleB(1.0, e), big = Math.ScaleB(g, 23);
        var nets = Perceptron([1, 1, 1, -1, -1, -1], [big, big - g, 0, 0, g, 0, 0, 0, g], [bias * g, 0, 0]);
        Assert.Equal(exact, new FloatNetwork(nets).Load(0));
        var options = new RecallOptions { FlippedBits = 1, Trials = 3 };
        Assert.Equal(BinaryCases.Reference.Recall(nets, options).Success, new SimdBinary().Recall(RecallPlan.Create(nets, options), out _).Success);
    }

    [Fact]
    public void Values_on_a_coarser_grid_may_sum_higher()
    {
        // Multiples of 2: the grid is 2^1, so a row sum of 2^25 − 2 = (2^24 − 1)·2 still fits.
        var nets = Perceptron([1, 1, 1, -1, -1, -1], [Math.ScaleB(1.0, 24), Math.ScaleB(1.0, 24) - 2, 0, 0, 2, 0, 0, 0, 2], [0, 0, 0]);
        Assert.True(new FloatNetwork(nets).Load(0));
    }

    [Fact]
    public void The_float32_path_is_chosen_network_by_network()
    {
        // Two grid networks; network 1 gets 2^−30 added to one weight (no longer a float32 value): only it goes float64.
        var trained = BinaryCases.Reference.TrainSequences(BinaryCases.Random(2, 6, 20, seed: 4),
            new TrainingOptions { Variant = NetworkVariant.VisiblePerceptron, Eta = 1.0 / 8, Kappa = 1, MaxEpochs = 100 });
        var w = (double[])trained.W.Clone();
        w[20 * 20 + 5] += Math.ScaleB(1.0, -30);
        var nets = new TrainingResult(trained.Sequences, trained.Options, trained.Hidden, trained.Backend, trained.U, trained.V, w,
            trained.HiddenBias, trained.VisibleBias, trained.Epochs, trained.Converged,
            [trained.HiddenGateFraction(0).ToArray(), trained.HiddenGateFraction(1).ToArray()],
            [trained.VisibleGateFraction(0).ToArray(), trained.VisibleGateFraction(1).ToArray()],
            trained.MinHiddenMargin, trained.MinVisibleMargin);
        var loader = new FloatNetwork(nets);
        Assert.True(loader.Load(0));
        Assert.False(loader.Load(1));
        var options = new RecallOptions { FlippedBits = 2, Trials = 8 };
        var simd = new SimdBinary().Recall(RecallPlan.Create(nets, options), out var steps);
        Assert.Equal(BinaryCases.Reference.Recall(nets, options).Success, simd.Success);
        Assert.True(steps.Anchored + steps.Delta + steps.Dense > 0);
    }

    /// <summary>One visible-perceptron network, N = 3, over the two patterns given (T = 2, periodic).</summary>
    private static TrainingResult Perceptron(sbyte[] patterns, double[] w, double[] bias)
    {
        var seq = new SequenceBatch(patterns, 1, 2, 3);
        var options = new TrainingOptions { Variant = NetworkVariant.VisiblePerceptron, Biases = BiasMode.Learned };
        return new TrainingResult(seq, options, 0, Backend.Reference, [], [], w, [], bias, [0], [true], [[]], [[]], [double.NaN], [double.NaN]);
    }
}

/// <summary><see cref="FloatTranspose"/> (8×8 AVX blocks and scalar edges) against the definition, element by element.</summary>
public class FloatTransposeTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(13, 21)]
    [InlineData(16, 24)]
    [InlineData(400, 100)]
    public void Transposes_and_sums_rows_exactly(int rows, int cols)
    {
        // Values k/64 (exact float32, exact float64 sums), a third negative; the padded rows stay zero.
        double V(int i) => ((i * 7919 % 61) - 20) / 64.0;
        var w = Enumerable.Range(0, rows * cols).Select(V).ToArray();
        var bias = Enumerable.Range(0, rows).Select(i => V(i + 5)).ToArray();
        int rp = TrialProduct.Padded(rows);
        var wT = new float[cols * rp];
        var biasOut = new float[rp];
        double widest = 0;
        Assert.True(FloatTranspose.Of(w, rows, cols, bias, wT, biasOut, new double[rows], ref widest));
        double expectWidest = 0;
        for (int r = 0; r < rows; r++)
        {
            Assert.Equal((float)bias[r], biasOut[r]);
            double row = Math.Abs(bias[r]);
            for (int k = 0; k < cols; k++)
            {
                Assert.Equal((float)w[r * cols + k], wT[k * rp + r]);
                row += Math.Abs(w[r * cols + k]);
            }
            expectWidest = Math.Max(expectWidest, row);
        }
        Assert.Equal(expectWidest, widest);
        for (int k = 0; k < cols; k++)
            for (int r = rows; r < rp; r++)
                Assert.Equal(0f, wT[k * rp + r]);
    }

    [Theory]
    [InlineData(0)] // in an 8×8 block
    [InlineData(8 * 13 - 1)] // in the scalar columns of the block rows
    [InlineData(16 * 13 + 3)] // in the scalar last rows
    public void A_value_that_is_not_a_float32_value_is_reported_wherever_it_sits(int index)
    {
        var w = new double[17 * 13];
        w[index] = 1 + Math.ScaleB(1.0, -30);
        double widest = 0;
        Assert.False(FloatTranspose.Of(w, 17, 13, new double[17], new float[13 * 24], new float[24], new double[17], ref widest));
        w[index] = double.NaN;
        Assert.False(FloatTranspose.Of(w, 17, 13, new double[17], new float[13 * 24], new float[24], new double[17], ref widest));
    }
}
