using FastAttractors.Degeneracy;
using Xunit;

namespace FastAttractors.Tests.Degeneracy;

/// <summary>
/// The network of the flip-flop width study whose analysis failed: width 128, seed 4, the study's settings. Its DMD
/// Gram matrix (368 × 368, about 117 eigenvalues zero to rounding beside a largest of 1.8e5) made the QL iteration of
/// <see cref="FastAttractors.Degeneracy.SymmetricEigen"/> run out of sweeps while its splitting test was relative to
/// neighbouring entries only; split at ε·‖T‖ it converges. Trained and analysed alone: a few seconds.
/// </summary>
public class SymmetricEigenRegressionTests
{
    [Fact]
    public void The_flip_flop_study_network_that_failed_is_analysed()
    {
        var spec = DegeneracySpecJson.Parse("""
            { "task": "flipflop", "length": 50, "difficulty": 0.05, "widths": [128], "regularisers": ["none"], "networks": 1,
              "seed": 4, "lr": 0.01, "batch": 32, "trainSize": 512, "testSize": 64, "epochs": 30, "threshold": 0.001,
              "patience": 3, "analysisTrials": 8, "oodTrials": 64, "fixedPointStarts": 32, "dsaRank": 10, "dsaDelays": 5,
              "dsaStarts": 1 }
            """);
        var network = Assert.Single(DegeneracyStudy.Run(spec).Networks);
        Assert.Null(network.Failure);
        Assert.True(network.Usable);
    }
}
