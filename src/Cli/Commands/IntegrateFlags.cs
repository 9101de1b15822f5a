using System.CommandLine;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>The flags of <c>integrate</c>: the model flags, the output directory, steps and recording.</summary>
internal sealed class IntegrateFlags
{
    public ModelFlags Model { get; } = new();
    public Option<string> Out { get; } = CommonOptions.Out("results/integrate");
    public Option<long?> Steps { get; } = new("--steps") { Description = "Number of steps (iterations for maps)." };
    public Option<int?> RecordEvery { get; } = new("--record-every") { Description = "Record the state every K steps (trajectory with steps/K + 1 frames)." };
    public Option<string?> Method { get; } = new("--method")
    {
        Description = $"Explicit Runge–Kutta method for flows: {string.Join(", ", Methods.Names)} (default rk4; integrate runs every method on every backend).",
    };

    public IEnumerable<Option> All => [Out, .. Model.All, Steps, RecordEvery, Method];

    /// <summary>The spec fields set by flags (unset fields null).</summary>
    public IntegrateSpec ToSpec(ParseResult p) =>
        Model.ToSpec(p) with { Steps = p.GetValue(Steps), RecordEvery = p.GetValue(RecordEvery), Method = p.GetValue(Method) };
}
