using System.Globalization;
using FastAttractors.Training.Tasks;

namespace FastAttractors.Training;

/// <summary>
/// One network of an ensemble: what it learns and how it starts. Its seed drives its initial weights, its training and
/// test sequences and its minibatch order, so a member's result depends on this spec and the shared
/// <see cref="EnsembleOptions"/> only, never on the other members.
/// </summary>
/// <param name="Task">The task (a seeded sequence generator).</param>
/// <param name="Hidden">n: hidden units.</param>
/// <param name="Init">How W starts.</param>
/// <param name="Seed">Seed of weights, data and order.</param>
/// <param name="LearningRate">Adam's step size η.</param>
/// <param name="Regulariser">Penalty on W added to the loss (null: none).</param>
/// <param name="Condition">A label grouping members for comparison (e.g. "n=64 none"); not used in training.</param>
/// <param name="Region">Where PTA draws (α, θ); null = <see cref="PtaRegion.DiscreteDefault"/>.</param>
/// <param name="Dynamics">The recurrence trained (null = <see cref="RnnDynamics.Discrete"/>).</param>
public sealed record EnsembleMemberSpec(ITrainingTask Task, int Hidden, RnnInitialisation Init, long Seed, double LearningRate,
    RnnRegulariser? Regulariser = null, string Condition = "", PtaRegion? Region = null, RnnDynamics? Dynamics = null)
{
    /// <summary>The recurrence in force (<see cref="RnnDynamics.Discrete"/> when none was given).</summary>
    public RnnDynamics Recurrence => Dynamics ?? RnnDynamics.Discrete;

    /// <summary>The penalty in force (<see cref="RnnRegulariser.None"/> when none was given).</summary>
    public RnnRegulariser Penalty => Regulariser ?? RnnRegulariser.None;

    /// <summary>Throws naming the member and the bad field; runs before any buffer is allocated.</summary>
    public void Validate(int index)
    {
        string at = $"members[{index}]";
        if (Task is null)
            throw new ArgumentNullException(at + ".Task", $"{at}.Task must not be null.");
        if (Task.Steps < 1)
            throw new ArgumentOutOfRangeException(at + ".Task", Task.Steps, $"{at}.Task: the task's trials must have at least 1 step, got {Task.Steps}.");
        if (Hidden < 1 || Hidden > 8192)
            throw new ArgumentOutOfRangeException(at + ".Hidden", Hidden, $"{at}.Hidden must be in [1, 8192], got {Hidden}.");
        if (!Enum.IsDefined(Init))
            throw new ArgumentOutOfRangeException(at + ".Init", Init, $"{at}.Init must be Default, Orthogonal or Pta, got {Init}.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(at + ".LearningRate", LearningRate, $"{at}.LearningRate must be positive and finite, got {LearningRate}.");
        Penalty.Validate(at + ".Regulariser");
    }

    /// <summary>Everything that determines this member's training, as text: a checkpoint written for another
    /// fingerprint is refused rather than resumed. A continuous member adds its recurrence (a discrete member's text is
    /// unchanged, so checkpoints written before the continuous network existed still resume).</summary>
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"{Task.Name}/T={Task.Steps}/m={Task.Inputs}/o={Task.Outputs}/n={Hidden}/{Init}/seed={Seed}/lr={LearningRate:R}/{Penalty.Label}/{Region}")
        + (Recurrence.IsContinuous ? "/" + Recurrence.Label : "");
}
