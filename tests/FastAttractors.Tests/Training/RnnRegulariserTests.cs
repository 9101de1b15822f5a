using FastAttractors.Training;
using FastAttractors.Training.Tasks;
using Xunit;

namespace FastAttractors.Tests.Training;

/// <summary>Each penalty's gradient matches central finite differences of its value, and a penalty shapes training.</summary>
public class RnnRegulariserTests
{
    [Theory]
    [InlineData(RegulariserKind.L2)]
    [InlineData(RegulariserKind.L1)]
    [InlineData(RegulariserKind.Nuclear)]
    public void The_gradient_matches_central_differences(RegulariserKind kind)
    {
        var shape = new RnnShape(6, 2, 3);
        var parameters = RnnInitialiser.Create(shape, RnnInitialisation.Default, 5);
        // Keep every W entry at least 0.05 from 0, where |w| (L1) has its kink: steps of h = 1e-6 never cross it.
        var w = parameters.W;
        for (int i = 0; i < w.Length; i++)
            w[i] = Math.Sign(w[i] + 1e-300) * (0.05 + Math.Abs(w[i]));
        var penalty = new RnnRegulariser(kind, 0.3);
        var gradient = new double[shape.Count];
        double value = penalty.AddTo(parameters, gradient);
        Assert.True(value > 0);
        const double h = 1e-6;
        for (int p = 0; p < shape.Count; p++)
        {
            double saved = parameters.Values[p];
            parameters.Values[p] = saved + h;
            double up = penalty.AddTo(parameters, null);
            parameters.Values[p] = saved - h;
            double down = penalty.AddTo(parameters, null);
            parameters.Values[p] = saved;
            double numeric = (up - down) / (2 * h);
            // Central differences err by O(h²·R''') ≈ 1e-12 here; the nuclear norm's σ from eig(WᵀW) carry about
            // ε‖W‖²/σ_min ≈ 1e-14 each, i.e. 1e-8 after dividing by 2h. 1e-6 absolute leaves room for both.
            Assert.True(Math.Abs(numeric - gradient[p]) < 1e-6, $"{kind} parameter {p}: analytic {gradient[p]}, numeric {numeric}");
        }
        // Only W is penalised.
        Assert.All(gradient.Skip(shape.UOffset), g => Assert.Equal(0, g));
    }

    [Fact]
    public void The_nuclear_norm_of_a_diagonal_matrix_is_the_sum_of_absolute_diagonal_entries()
    {
        var parameters = new RnnParameters(new RnnShape(3, 1, 1), new double[3 * 3 + 3 + 3 + 3 + 1]);
        parameters.W[0] = 2;
        parameters.W[4] = -0.5;
        parameters.W[8] = 0.25;
        Assert.Equal(2.75, new RnnRegulariser(RegulariserKind.Nuclear, 1).AddTo(parameters, null), 12);
    }

    [Fact]
    public void A_strong_l2_penalty_ends_training_with_smaller_recurrent_weights()
    {
        var options = new EnsembleOptions { BatchSize = 8, TrainSize = 32, TestSize = 8, Epochs = 10 };
        EnsembleMemberSpec Spec(RnnRegulariser? r) => new(new FlipFlopTask(10), 8, RnnInitialisation.Default, 4, 2e-2, r);
        var results = EnsembleTrainer.Train([Spec(null), Spec(new RnnRegulariser(RegulariserKind.L2, 0.1))], options);
        static double Norm(RnnParameters p) => Math.Sqrt(p.W.ToArray().Sum(x => x * x));
        Assert.True(Norm(results[1].Final) < 0.8 * Norm(results[0].Final), $"‖W‖: none {Norm(results[0].Final)}, l2 {Norm(results[1].Final)}");
    }
}
