using System.Diagnostics;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Specs;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// The steps integrate, lyapunov and adjoint share once their spec is resolved: OUT proven writable before any work,
/// the spec echoed with the backend the engine chose, the engine call timed, and the spec as it ran for spec.json.
/// </summary>
internal static class SpecRun
{
    public static (T Result, double Seconds, string Directory) Execute<T>(IntegrateSpec spec, Backend? backend, string outDirectory,
        TextWriter stdout, Func<Engine, T> compute)
    {
        string directory = OutputDirectory.Prepare(outDirectory);
        using var engine = EngineFactory.Create(backend);
        stdout.WriteLine("spec:");
        stdout.Write(SpecWriter.ToJson(spec with { Backend = engine.Backend.ToString() }));
        var clock = Stopwatch.StartNew();
        var result = compute(engine);
        return (result, clock.Elapsed.TotalSeconds, directory);
    }

    /// <summary>The spec with the backend and precision the result reports.</summary>
    public static IntegrateSpec Used(IntegrateSpec spec, Backend backend, Precision precision) =>
        spec with { Backend = backend.ToString(), Precision = precision == Precision.Float32 ? "float32" : "float64" };
}
