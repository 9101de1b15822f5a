using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>The guarantees of the margin rule (converged ⇒ margins ≥ κ, exact clean recall, the flipped-bit basin, scale invariance), each recomputed here from the weights rather than read from the engine.</summary>
public class BinaryGuaranteeTests
{
    private static readonly SequenceBatch Sequences = BinaryCases.Random(3, 12, 40, seed: 11);

    private static readonly TrainingOptions Dyadic = new() { Hidden = 100, Eta = 1.0 / 64, Kappa = 1 };

    public static TheoryData<HiddenCode, TrainingSchedule, BiasMode> Settings() => new()
    {
        { HiddenCode.PlusMinusOne, TrainingSchedule.Batch, BiasMode.None },
        { HiddenCode.PlusMinusOne, TrainingSchedule.Online, BiasMode.Learned },
        { HiddenCode.ZeroOne, TrainingSchedule.Batch, BiasMode.Learned },
        { HiddenCode.ZeroOne, TrainingSchedule.Online, BiasMode.None },
    };

    private static TrainingResult Train(HiddenCode code, TrainingSchedule schedule, BiasMode bias) =>
        BinaryCases.Reference.TrainSequences(Sequences, Dyadic with { HiddenCode = code, Schedule = schedule, Biases = bias });

    [Theory]
    [MemberData(nameof(Settings))]
    public void Converged_networks_have_every_margin_at_least_kappa(HiddenCode code, TrainingSchedule schedule, BiasMode bias)
    {
        var nets = Train(code, schedule, bias);
        int m = nets.Hidden, n = nets.Visible;
        for (int b = 0; b < nets.Networks; b++)
        {
            Assert.True(nets.Converged[b], $"network {b} did not converge in {nets.Epochs[b]} epochs");
            Assert.Equal(0, nets.HiddenGateFraction(b)[^1]);
            Assert.Equal(0, nets.VisibleGateFraction(b)[^1]);
            // Targets rebuilt from the documented counter stream of P, independently of the engine's code.
            ulong stream = CounterRandom.Stream(b, CounterRandom.Purpose.HiddenProjection);
            for (int t = 0; t < Sequences.Transitions; t++)
            {
                var x = BinaryCases.AsDouble(Sequences.Pattern(b, t));
                var next = Sequences.Pattern(b, Sequences.Successor(t));
                for (int i = 0; i < m; i++)
                {
                    double drive = 0;
                    for (int k = 0; k < n; k++)
                        drive += CounterRandom.Normal(Dyadic.Seed, stream, (ulong)(i * n + k)) * next[k];
                    double s = drive >= 0 ? 1 : -1;
                    Assert.True(s * BinaryCases.Field(nets.UOf(b), nets.HiddenBias.AsSpan(b * m, m), i, x) >= Dyadic.Kappa);
                }
                var y = BinaryCases.Hidden(nets, b, x);
                for (int j = 0; j < n; j++)
                    Assert.True(next[j] * BinaryCases.Field(nets.VOf(b), nets.VisibleBias.AsSpan(b * n, n), j, y) >= Dyadic.Kappa);
            }
            Assert.True(nets.MinHiddenMargin[b] > 0 && nets.MinVisibleMargin[b] > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_clean_start_reproduces_the_sequence(HiddenCode code, TrainingSchedule schedule, BiasMode bias)
    {
        var recall = BinaryCases.Reference.Recall(Train(code, schedule, bias), new RecallOptions { FlippedBits = 0, Trials = 1 });
        Assert.All(recall.Success, Assert.True);
    }

    [Fact]
    public void Flipping_bits_whose_weights_sum_below_half_kappa_keeps_the_next_state_exact()
    {
        var nets = Train(HiddenCode.PlusMinusOne, TrainingSchedule.Batch, BiasMode.None);
        var step = new FastAttractors.Binary.NetworkStep(nets, 0);
        int n = nets.Visible, m = nets.Hidden, qualified = 0;
        var u = nets.UOf(0).ToArray();
        var next = new sbyte[n];
        for (int t = 0; t < Sequences.Transitions; t++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                int size = 1 + trial % 6;
                var set = Enumerable.Range(0, n).OrderBy(k => CounterRandom.Bits(5, (ulong)t, (ulong)(trial * n + k))).Take(size).ToArray();
                bool small = Enumerable.Range(0, m).All(i => 2 * set.Sum(k => Math.Abs(u[i * n + k])) < Dyadic.Kappa);
                if (!small)
                    continue;
                qualified++;
                var state = Sequences.Pattern(0, t).ToArray();
                foreach (int k in set)
                    state[k] = (sbyte)-state[k];
                step.Next(state, next);
                Assert.Equal(Sequences.Pattern(0, Sequences.Successor(t)).ToArray(), next);
            }
        }
        // The bound must have been exercised, including sets of more than one bit.
        Assert.True(qualified >= 100, $"only {qualified} flip sets met 2 Σ|U_ik| < κ");
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(3.0)]
    [InlineData(1000.0)]
    public void Scaling_kappa_eta_and_initial_weights_changes_no_gate_and_no_recalled_state(double c)
    {
        var options = new TrainingOptions { Hidden = 60, Eta = 1e-3, Kappa = 0.5, InitialScale = 1e-4, MaxEpochs = 300 };
        var scaled = options with { Eta = c * options.Eta, Kappa = c * options.Kappa, InitialScale = c * options.InitialScale };
        var a = BinaryCases.Reference.TrainSequences(Sequences, options);
        var z = BinaryCases.Reference.TrainSequences(Sequences, scaled);
        var noise = new RecallOptions { FlippedBits = 6, Trials = 20, Criterion = RecallCriterion.ReachesSequence };
        for (int b = 0; b < Sequences.Networks; b++)
        {
            Assert.Equal(a.Epochs[b], z.Epochs[b]);
            Assert.Equal(a.HiddenGateFraction(b).ToArray(), z.HiddenGateFraction(b).ToArray());
            Assert.Equal(a.VisibleGateFraction(b).ToArray(), z.VisibleGateFraction(b).ToArray());
        }
        // Weights scale by c up to rounding (1e-12 relative to the largest weight); normalised margins do not move.
        double scale = a.U.Max(Math.Abs);
        for (int i = 0; i < a.U.Length; i++)
            Assert.True(Math.Abs(z.U[i] - c * a.U[i]) <= 1e-12 * c * scale, $"U[{i}]: {z.U[i]} vs {c} × {a.U[i]}");
        Assert.Equal(BinaryCases.Reference.Recall(a, noise).Success, BinaryCases.Reference.Recall(z, noise).Success);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void On_the_dyadic_setting_every_weight_stays_on_the_grid_eta_times_integers(HiddenCode code, TrainingSchedule schedule, BiasMode bias)
    {
        var nets = Train(code, schedule, bias);
        double eta = Dyadic.Eta;
        foreach (var (name, values) in new[] { ("U", nets.U), ("V", nets.V), ("HiddenBias", nets.HiddenBias), ("VisibleBias", nets.VisibleBias) })
        {
            foreach (double w in values)
            {
                double units = w / eta;
                Assert.True(units == Math.Round(units) && Math.Abs(units) < (1 << 24), $"{name} weight {w} is not η·k with |k| < 2^24 (float32-exact)");
            }
        }
        Assert.Contains(nets.U, w => w != 0);
    }
}
