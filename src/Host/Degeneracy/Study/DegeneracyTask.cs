using FastAttractors.Training.Tasks;

namespace FastAttractors.Degeneracy;

/// <summary>
/// A task of a degeneracy study with its out-of-distribution variant: the same generator with trials twice as long
/// (flip-flop, sine, path integration) or delays twice as long (delayed discrimination), so behaviour is compared off
/// the training distribution.
/// </summary>
/// <param name="Name">flipflop | sine | discrimination | path-integration.</param>
/// <param name="Train">The task the networks are trained on.</param>
/// <param name="OutOfDistribution">The longer-trial variant their behaviour is compared on.</param>
/// <param name="Difficulty">The value of the task's difficulty knob (see <see cref="Create"/>).</param>
public sealed record DegeneracyTask(string Name, ITrainingTask Train, ITrainingTask OutOfDistribution, double Difficulty)
{
    /// <summary>The task names <see cref="Create"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["flipflop", "sine", "discrimination", "path-integration"];

    /// <summary>
    /// The task <paramref name="name"/> with trials of <paramref name="length"/> steps (discrimination: the delay) and its
    /// difficulty knob: flip-flop pulse probability (default 0.05; lower = longer memory), sine's highest frequency
    /// (radians per step, default 0.6), discrimination's longest delay (default = length), path integration's largest turn
    /// per step (default 0.3 rad).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name, or a length or difficulty the task refuses (named with its value).</exception>
    public static DegeneracyTask Create(string name, int length, double? difficulty = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length must be at least 1 (a task with no steps has no trials), got {length}.");
        switch (name)
        {
            case "flipflop":
            {
                double p = difficulty ?? 0.05;
                return new(name, new FlipFlopTask(length, p), new FlipFlopTask(2 * length, p), p);
            }
            case "sine":
            {
                double f = difficulty ?? 0.6;
                return new(name, new SineWaveTask(length, 0.1, f), new SineWaveTask(2 * length, 0.1, f), f);
            }
            case "discrimination":
            {
                int longest = (int)(difficulty ?? length);
                return new(name, new DelayedDiscriminationTask(length, longest), new DelayedDiscriminationTask(2 * length, 2 * longest), longest);
            }
            case "path-integration":
            {
                double turn = difficulty ?? 0.3;
                var task = new PathIntegrationTask(length, maxTurn: turn);
                return new(name, task, task.OutOfDistribution(), turn);
            }
            default:
                throw new ArgumentException($"task: '{name}' is not one of {string.Join(", ", Names)}.", nameof(name));
        }
    }
}
