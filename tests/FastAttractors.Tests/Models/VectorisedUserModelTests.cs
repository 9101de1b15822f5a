using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Models;

/// <summary>
/// The vectorised user model (f once per tile in lane numbers) against the lane-by-lane path it replaced. Rössler uses
/// only +, −, × and constants, which the lane types round exactly as Real64/Real32 do per lane, so f, J v and Jᵀa give
/// the same bits; only the flow's contraction differs, tr J in the tile's precision where lane by lane it came from the
/// float64 reference field.
/// </summary>
public class VectorisedUserModelTests
{
    private static UserModel<RosslerField<Real64>, RosslerField<Real32>> Rossler(bool laneByLane) =>
        new(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler") { LaneByLaneOnSimd = laneByLane };

    private const int Members = 37; // several tiles at any lane count, the last one padded

    private static EnsembleProblem Problem(bool laneByLane) =>
        new(Rossler(laneByLane), InitialStates.Normal(3, Members, 1.0, 3, mean: 1.0), Members);

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Integrate_is_bit_identical_to_lane_by_lane(Precision precision)
    {
        var simd = EngineCache.Get(Backend.Simd);
        var options = new IntegrateOptions { Precision = precision };
        var fast = simd.Integrate(Problem(false), new Rk4(0.02), 200, SaveAt.EveryNthStep(50), options);
        var slow = simd.Integrate(Problem(true), new Rk4(0.02), 200, SaveAt.EveryNthStep(50), options);
        Assert.Equal(slow.FinalStates, fast.FinalStates);
        Assert.Equal(slow.Trajectory, fast.Trajectory);
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Lyapunov_exponents_are_bit_identical_to_lane_by_lane(Precision precision)
    {
        var simd = EngineCache.Get(Backend.Simd);
        var options = new LyapunovOptions { Transient = 1, Duration = 4, Every = 5, Precision = precision };
        var fast = simd.Lyapunov(Problem(false), new Rk4(0.02), options);
        var slow = simd.Lyapunov(Problem(true), new Rk4(0.02), options);
        Assert.Equal(slow.Exponents, fast.Exponents);
        Assert.Equal(slow.Status, fast.Status);
        // tr J = a + x − c: float32 rounding of x (≤ 6e-8 · |x| ≲ 1e-6) against the float64 reference field.
        Compare.Close(fast.Contraction, slow.Contraction, precision == Precision.Float64 ? 1e-12 : 1e-5, $"contraction {precision}");
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Gradient_is_bit_identical_to_lane_by_lane(Precision precision)
    {
        var simd = EngineCache.Get(Backend.Simd);
        var loss = Loss.Running([0, 17, 60], [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.5]], 3);
        var options = new GradientOptions { CheckpointInterval = 7, Precision = precision };
        var fast = simd.Gradient(Problem(false), new Rk4(0.02), 60, loss, options);
        var slow = simd.Gradient(Problem(true), new Rk4(0.02), 60, loss, options);
        Assert.Equal(slow.Status, fast.Status);
        Assert.Equal(slow.Loss, fast.Loss);
        Assert.Equal(slow.InitialStates, fast.InitialStates);
    }
}
