namespace FastAttractors.Training.Tasks;

/// <summary>
/// 2-D path integration: the inputs are the heading as (cos φ, sin φ) and the speed v at each step; the two outputs
/// must report the position p(t) = Σ_{s ≤ t} v_s (cos φ_s, sin φ_s) dt reached from the origin. The heading does a
/// random walk (a uniform turn in [−maxTurn, maxTurn] per step, from a uniform start), the speed is uniform in
/// [0, maxSpeed] per step. Squared error at every step. Difficulty: longer trials (<see cref="Steps"/>) and larger
/// speeds carry the position further from anything seen; <see cref="OutOfDistribution"/> doubles the trial length.
/// </summary>
public sealed class PathIntegrationTask : ITrainingTask
{
    /// <summary>Path integration over trials of <paramref name="steps"/> steps.</summary>
    /// <param name="steps">T, in [1, 100000].</param>
    /// <param name="maxSpeed">Largest speed per step; positive and finite.</param>
    /// <param name="maxTurn">Largest heading change per step, in radians, in [0, π].</param>
    /// <param name="dt">Time step that scales speed into displacement; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public PathIntegrationTask(int steps = 100, double maxSpeed = 1.0, double maxTurn = 0.3, double dt = 0.1)
    {
        if (steps < 1 || steps > 100_000)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be in [1, 100000], got {steps}.");
        if (!(maxSpeed > 0 && double.IsFinite(maxSpeed)))
            throw new ArgumentOutOfRangeException(nameof(maxSpeed), maxSpeed, $"maxSpeed must be positive and finite, got {maxSpeed}.");
        if (!(maxTurn >= 0 && maxTurn <= Math.PI))
            throw new ArgumentOutOfRangeException(nameof(maxTurn), maxTurn, $"maxTurn must be in [0, π], got {maxTurn}.");
        if (!(dt > 0 && double.IsFinite(dt)))
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt must be positive and finite, got {dt}.");
        Steps = steps;
        MaxSpeed = maxSpeed;
        MaxTurn = maxTurn;
        Dt = dt;
    }

    /// <summary>Largest speed; each step's speed is uniform in [0, MaxSpeed].</summary>
    public double MaxSpeed { get; }
    /// <summary>Largest heading change per step, in radians.</summary>
    public double MaxTurn { get; }
    /// <summary>Time step: displacement per step is v·(cos φ, sin φ)·dt.</summary>
    public double Dt { get; }
    /// <inheritdoc/>
    public string Name => "path-integration";
    /// <inheritdoc/>
    public TaskLoss Loss => TaskLoss.SquaredError;
    /// <inheritdoc/>
    public int Inputs => 3;
    /// <inheritdoc/>
    public int Outputs => 2;
    /// <inheritdoc/>
    public int Steps { get; }

    /// <summary>The same task on trials twice as long (the same per-step statistics): the out-of-distribution test.</summary>
    public PathIntegrationTask OutOfDistribution() => new(2 * Steps, MaxSpeed, MaxTurn, Dt);

    /// <inheritdoc/>
    public void Fill(TaskBatch batch, int slot, long seed, TaskSplit split, long index)
    {
        var random = new TaskRandom(seed, split, index);
        // Counter 0 starts the heading; step t draws its turn at 1 + 2t and its speed at 2 + 2t, so a sequence's first
        // steps do not depend on its length.
        double heading = 2 * Math.PI * random.Uniform(0);
        double x = 0, y = 0;
        Span<float> position = stackalloc float[2];
        for (int t = 0; t < Steps; t++)
        {
            heading += MaxTurn * (2 * random.Uniform(1 + 2 * t) - 1);
            double speed = MaxSpeed * random.Uniform(2 + 2 * t);
            // The position integrates the inputs as the network sees them (float32), so the target is exactly their sum.
            float c = (float)Math.Cos(heading), s = (float)Math.Sin(heading), v = (float)speed;
            batch.SetInput(t, slot, 0, c);
            batch.SetInput(t, slot, 1, s);
            batch.SetInput(t, slot, 2, v);
            x += (double)v * c * Dt;
            y += (double)v * s * Dt;
            position[0] = (float)x;
            position[1] = (float)y;
            batch.SetTarget(t, slot, position);
        }
    }
}
