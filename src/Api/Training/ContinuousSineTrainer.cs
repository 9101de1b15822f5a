using System.Diagnostics;

namespace FastAttractors.Training;

/// <summary>
/// Trains a continuous-time <see cref="TanhRnn"/> through <see cref="Engine.Gradient"/>, the discrete adjoint of RK4
/// (docs/explanations/rk4-and-adjoint.md): each update integrates the network, takes the exact gradient of
/// L = (1/K) Σ_i ½ (x₀(t_i) − sin(ω t_i))² with respect to W and b, and applies Adam with clipping. A non-finite loss
/// or gradient stops training with the parameters of the last finite step, as in <see cref="RnnTrainer"/>.
/// </summary>
public static class ContinuousSineTrainer
{
    /// <summary>The outcome of <see cref="Train"/>.</summary>
    /// <param name="InitialW">W before training, n × n row-major.</param>
    /// <param name="W">W after training (the last finite parameters if training stopped), n × n row-major.</param>
    /// <param name="B">b after training, length n.</param>
    /// <param name="Log">One row per evaluation: update, loss and mean gradient norm since the previous row, seconds.</param>
    /// <param name="Steps">Number of updates applied.</param>
    /// <param name="Failure">Null, or why training stopped early (a non-finite loss or gradient).</param>
    public sealed record Result(double[] InitialW, double[] W, double[] B, IReadOnlyList<RnnEvaluation> Log, long Steps, string? Failure);

    /// <summary>Trains the network of <paramref name="options"/> on <paramref name="engine"/>.</summary>
    /// <param name="engine">The engine whose <see cref="Engine.Gradient"/> computes each update's gradient.</param>
    /// <param name="options">Network size, target, horizon and optimiser settings; validated first.</param>
    /// <param name="onEvaluation">Called at each evaluation with its row, the current W and the current b.</param>
    public static Result Train(Engine engine, ContinuousSineOptions options, Action<RnnEvaluation, double[], double[]>? onEvaluation = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = options.Hidden;
        var theta = new double[n * n + n];
        var w0 = options.Pta is { } region ? RnnInitialiser.Pta(n, options.Seed, region) : Weights.SparseGaussian(n, options.Gain, 1.0, null, options.Seed).Values;
        w0.CopyTo(theta, 0);
        var initialW = theta[..(n * n)];
        var start = InitialState(n, options.Seed);
        var loss = SineLoss(options);
        var adam = new AdamOptimizer(theta.Length, options.LearningRate, options.ClipNorm);
        var gradient = new double[theta.Length];
        var lastGood = (double[])theta.Clone();
        var log = new List<RnnEvaluation>();
        var clock = Stopwatch.StartNew();
        string? failure = null;
        long step = 0;
        double lossSum = 0, normSum = 0;
        int since = 0;
        for (; step <= options.Updates; step++)
        {
            var grads = engine.Gradient(Problem(theta, n, start), new Rk4(options.Dt), options.Horizon, loss);
            double value = grads.Loss[0];
            grads.Parameter("W").Values.CopyTo(gradient, 0);
            grads.Parameter("b").Values.CopyTo(gradient, n * n);
            double norm = Math.Sqrt(gradient.Sum(g => g * g));
            if (!double.IsFinite(value) || !double.IsFinite(norm) || grads.Status[0] != GradientStatus.Ok)
            {
                failure = $"training stopped at step {step + 1}: the loss is {value} and the gradient norm {norm} ({grads.Status[0]}); kept the last good parameters (after step {step}).";
                break;
            }
            if (step % options.EvaluateEvery == 0 || step == options.Updates)
            {
                // The loss is deterministic (no minibatches): train and test loss are the same number.
                var row = new RnnEvaluation(step, step, since == 0 ? value : lossSum / since, double.NaN, value, double.NaN, since == 0 ? norm : normSum / since, clock.Elapsed.TotalSeconds);
                log.Add(row);
                onEvaluation?.Invoke(row, theta[..(n * n)], theta[(n * n)..]);
                lossSum = normSum = 0;
                since = 0;
            }
            if (step == options.Updates)
                break;
            theta.CopyTo(lastGood, 0);
            adam.Step(theta, gradient);
            lossSum += value;
            normSum += norm;
            since++;
        }
        var final = failure is null ? theta : lastGood;
        return new Result(initialW, final[..(n * n)], final[(n * n)..], log, Math.Min(step, options.Updates), failure);
    }

    /// <summary>The network with parameters θ = [W | b] from start x₀, one member.</summary>
    public static EnsembleProblem Problem(double[] theta, int n, double[] start) =>
        new(new TanhRnn(ParameterBlock.Shared("W", theta[..(n * n)]), ParameterBlock.Shared("b", theta[(n * n)..]), ParameterBlock.Shared("tau", [1.0])),
            start, 1);

    /// <summary>x₀ ~ N(0, 0.5²) per unit (counter-based, purpose ContinuousTraining).</summary>
    public static double[] InitialState(int n, long seed) =>
        Enumerable.Range(0, n).Select(i => 0.5 * CounterRandom.Normal((ulong)seed, CounterRandom.Stream(0, CounterRandom.Purpose.ContinuousTraining), (ulong)i)).ToArray();

    private static Loss SineLoss(ContinuousSineOptions o)
    {
        int terms = o.Horizon / o.Every;
        return new Loss(Enumerable.Range(1, terms)
            .Select(i => new LossTerm((long)i * o.Every, new UnitTarget(0, Math.Sin(o.Frequency * i * o.Every * o.Dt), 1.0 / terms)))
            .ToArray());
    }

    /// <summary>ℓ(x) = w · ½ (x_unit − y)².</summary>
    private sealed class UnitTarget(int unit, double target, double weight) : ILossFunction
    {
        public double Evaluate(int member, ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient.Clear();
            double d = x[unit] - target;
            gradient[unit] = weight * d;
            return weight * 0.5 * d * d;
        }
    }
}
