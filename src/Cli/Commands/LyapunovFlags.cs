using System.CommandLine;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>The flags of <c>lyapunov</c>: the model flags, the output directory and the <see cref="LyapunovOptions"/>.</summary>
internal sealed class LyapunovFlags
{
    public ModelFlags Model { get; } = new();
    public Option<string> Out { get; } = CommonOptions.Out("results/lyapunov");
    public Option<double?> Transient { get; } = new("--transient") { Description = "Time before accumulation (time units; iterations for maps), default 100." };
    public Option<double?> Duration { get; } = new("--duration") { Description = "Accumulation time the exponents average over, default 1000." };
    public Option<int?> Every { get; } = new("--every") { Description = "Steps between QR re-orthonormalisations, default 10." };
    public Option<int?> Exponents { get; } = new("--exponents") { Description = "Number k of leading exponents, 1 ≤ k ≤ n (default n)." };
    public Option<int?> Blocks { get; } = new("--blocks") { Description = "Blocks for the standard errors, at least 10 (default 10)." };
    public Option<double?> Tolerance { get; } = new("--tolerance") { Description = "A member with a standard error above this is 'not converged' (default 0.05)." };

    public IEnumerable<Option> All => [Out, .. Model.All, Transient, Duration, Every, Exponents, Blocks, Tolerance];

    /// <summary>The spec fields set by flags (unset fields null).</summary>
    public IntegrateSpec ToSpec(ParseResult p) => Model.ToSpec(p) with
    {
        Transient = p.GetValue(Transient),
        Duration = p.GetValue(Duration),
        Every = p.GetValue(Every),
        Exponents = p.GetValue(Exponents),
        Blocks = p.GetValue(Blocks),
        Tolerance = p.GetValue(Tolerance),
    };
}
