using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Smoke;

/// <summary>
/// The C# examples of the docs pages, which include the regions below verbatim (docs/results/five-systems.md,
/// docs/results/structural-stability.md, docs/tutorials/first-sequence-attractor.md,
/// docs/tutorials/first-trained-network.md), so they compile and, except the training run, run as shown.
/// </summary>
public class DocsExampleTests
{
    [Fact]
    public void Line_attractor_example_runs_as_written()
    {
        using var engine = Engine.Create();
        #region line-attractor
        var sys = CanonicalSystems.LineAttractor;
        var les = engine.Lyapunov(sys.Problem(), sys.Solver, sys.Options);   // ≈ {0, −2, −3, −3, −3, −3} per τ
        #endregion

        double[] expected = [0, -2, -3, -3, -3, -3];
        var spectrum = les.Spectrum(0);
        Assert.Equal(expected.Length, spectrum.Length);
        for (int i = 0; i < spectrum.Length; i++)
            Assert.InRange(spectrum[i], expected[i] - 5e-3, expected[i] + 5e-3);
    }

    [Fact]
    public void Weight_noise_example_runs_as_written()
    {
        #region weight-noise
        using var engine = Engine.Create();
        var sys = StabilitySystems.Ring;                                        // Ring, Line, Pta, LimitCycle (all τ = 1)
        var noisy = sys.Ensemble(sigmas: [0, 0.01, 0.1], membersPerSigma: 16, seed: 1);
        var les = engine.Lyapunov(noisy.Problem(sys.InitialState), sys.Solver, sys.Options);
        var rows = SigmaStatistics.Of(noisy, les, threshold: 0.005, sys.ExpectedZeroExponents);   // one row per σ
        #endregion

        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Sequence_example_runs_as_written()
    {
        #region sequence
        using var engine = Engine.Create();
        var patterns = RandomSequences.Batch(length: 20, width: 100, batch: 8, seed: 1).SelectMany(s => s.Patterns).ToArray();
        var batch = new SequenceBatch(patterns, networks: 8, length: 20, visible: 100);          // ±1, network-major
        var nets = engine.TrainSequences(batch, new TrainingOptions { Hidden = 500 });            // U+V, κ = 1, η = 1e-3
        double rate = engine.Recall(nets, new RecallOptions { FlippedBits = 10 }).OverallSuccessRate();
        #endregion

        Assert.All(nets.Converged, Assert.True);
        Assert.InRange(rate, 0.5, 1.0); // T = 20 is far below capacity at M = 500 (100 % in the capacity experiment)
    }

    /// <summary>
    /// The training example, compiled but not run here: 1,560 Adam updates of a 128-unit network take minutes
    /// (TrainTests and the Training tests run the same trainer on small budgets).
    /// </summary>
    private static double TrainingExample()
    {
        #region training
        var task = new CopyMemoryTask(delay: 100);
        var run = RnnTrainer.Train(task, new RnnTrainingOptions { Hidden = 128, Init = RnnInitialisation.Pta, Seed = 1, Epochs = 10 });
        double testCe = run.Log[^1].TestLoss;   // run.Final: RnnParameters [W | U | b | C | d]; run.Failure: null unless a loss went non-finite
        #endregion
        return testCe;
    }

    [Fact]
    public void Training_example_compiles()
    {
        Func<double> example = TrainingExample;
        Assert.NotNull(example);
    }
}
