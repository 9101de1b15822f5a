using System.CommandLine;
using System.Globalization;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>The flags of <c>adjoint</c>: the model flags, the output directory, steps, checkpointing, norms and the loss.</summary>
internal sealed class AdjointFlags
{
    public ModelFlags Model { get; } = new();
    public Option<string> Out { get; } = CommonOptions.Out("results/adjoint");
    public Option<long?> Steps { get; } = new("--steps") { Description = "Steps of the forward run (iterations for maps); the terminal loss looks at the last." };
    public Option<int?> Checkpoint { get; } = new("--checkpoint") { Description = "Checkpoint interval C: states stored every C steps, segments recomputed. Default: on Simd, every step's record kept when the records fit 256 MiB (no recompute), else C ≈ √steps; other backends C ≈ √steps." };
    public Option<int?> NormEvery { get; } = new("--norm-every") { Description = "Record |a(t)| = |∂L/∂x(t)| every this many steps (default steps / 200)." };
    public Option<string?> Target { get; } = new("--target") { Description = "Target y of the loss ½|x − y|²: one number for every component, or n comma-separated numbers (default 0)." };
    public Option<string?> LossSteps { get; } = new("--loss-steps") { Description = "Comma-separated steps with running terms ½|x(t_k) − y|² (same target), added to the terminal one." };

    public IEnumerable<Option> All => [Out, .. Model.All, Steps, Checkpoint, NormEvery, Target, LossSteps];

    /// <summary>The spec fields set by flags (unset fields null).</summary>
    public IntegrateSpec ToSpec(ParseResult p) => Model.ToSpec(p) with
    {
        Steps = p.GetValue(Steps),
        Checkpoint = p.GetValue(Checkpoint),
        NormEvery = p.GetValue(NormEvery),
        Target = p.GetValue(Target) is { } target ? ParseList(target, "--target", s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)) : null,
        LossSteps = p.GetValue(LossSteps) is { } steps ? ParseList(steps, "--loss-steps", s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)) : null,
    };

    /// <summary>"a,b,c" as values; an empty or unparsable item is a usage error naming the flag and the whole value.</summary>
    private static T[] ParseList<T>(string text, string flag, Func<string, T> parse)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new T[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            try
            {
                values[i] = parse(items[i]);
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new UsageException($"{flag}: cannot read item {i + 1} ('{items[i]}') of '{text}' as a {(typeof(T) == typeof(long) ? "64-bit integer" : "number")}.");
            }
        }
        return values;
    }
}
