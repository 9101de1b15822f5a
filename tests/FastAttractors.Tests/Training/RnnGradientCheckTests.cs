using FastAttractors.Training;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>
/// The discrete adjoint of the Reference path against central finite differences in float64, for every parameter
/// block and both losses: |g − g_fd| ≤ 1e-6 |g_fd| per block (Euclidean norms). With h = 1e-5 the truncation error is
/// ~h² |ℓ'''| ≈ 1e-10 and the rounding error ~ε |L| / h ≈ 1e-11, both far below 1e-6 of gradients of order 1e-2…1.
/// </summary>
public class RnnGradientCheckTests
{
    [Theory]
    [InlineData(TaskLoss.CrossEntropy, 5, 3, 4, 7, 3, 11)]
    [InlineData(TaskLoss.SquaredError, 5, 3, 2, 7, 3, 12)]
    [InlineData(TaskLoss.CrossEntropy, 1, 1, 2, 4, 1, 13)]
    [InlineData(TaskLoss.SquaredError, 6, 2, 3, 9, 2, 14)]
    public void Reference_gradient_matches_central_differences(TaskLoss loss, int n, int m, int o, int steps, int size, long seed)
    {
        var shape = new RnnShape(n, m, o);
        var parameters = RnnCases.Parameters(shape, seed);
        var batch = RnnCases.Batch(loss, steps, size, m, o, seed);
        RnnCases.AssertReferenceMatchesCentralDifferences(parameters, batch, RnnDynamics.Discrete, loss.ToString());
    }

    [Fact]
    public void Cross_entropy_of_uniform_readout_is_log_classes()
    {
        // C = 0, d = 0: softmax is uniform, so ℓ = log o at every scored entry whatever the inputs.
        var shape = new RnnShape(4, 2, 8);
        var parameters = RnnCases.Parameters(shape, 3);
        parameters.C.Clear();
        parameters.D.Clear();
        var batch = RnnCases.Batch(TaskLoss.CrossEntropy, 5, 3, 2, 8, 3);
        Assert.Equal(Math.Log(8), ReferenceRnnGradient.Compute(parameters, batch, null).Mean, 12);
    }
}
