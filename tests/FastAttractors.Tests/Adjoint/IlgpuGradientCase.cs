using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// A random gradient request: a built-in ensemble, a checkpoint interval (1 to beyond the horizon), a terminal or a
/// running loss (random steps, repeats and step 0 allowed, targets per member) and optional adjoint norms.
/// </summary>
public sealed record IlgpuGradientCase(EnsembleCase Ensemble, int CheckpointInterval, long[]? RunningSteps, int? NormEvery)
{
    public Loss Loss()
    {
        int n = Ensemble.Dimension, members = Ensemble.Members;
        double[] Target(int k) => Enumerable.Range(0, n * members).Select(p => 0.3 * Math.Sin(p + 7 * k + Ensemble.Seed)).ToArray();
        return RunningSteps is null
            ? FastAttractors.Loss.Terminal(Target(0), n)
            : FastAttractors.Loss.Running(RunningSteps, RunningSteps.Select((_, k) => Target(k)).ToArray(), n);
    }

    public GradientOptions Options(Precision precision, int? chunk = null) =>
        new() { CheckpointInterval = CheckpointInterval, AdjointNormEvery = NormEvery, Precision = precision, ChunkMembers = chunk };

    public override string ToString() =>
        $"{Ensemble} C={CheckpointInterval} loss={(RunningSteps is null ? "terminal" : "running[" + string.Join(",", RunningSteps) + "]")} norms={NormEvery}";

    /// <param name="mapSteps">Caps the horizon of maps (chaotic Hénon: float32 errors grow ×e^0.42 per iterate).</param>
    public static Arbitrary<IlgpuGradientCase> Cases(int maxN, int maxMembers, int mapSteps = int.MaxValue) =>
        (from raw in Generators.Cases(maxN, maxMembers).Generator
         let c = raw.Solver is MapIteration ? raw with { Steps = Math.Min(raw.Steps, mapSteps) } : raw
         from interval in Gen.Choose(1, c.Steps + 2)
         from running in Gen.Elements(true, false)
         from terms in Gen.Choose(1, 4)
         from picks in Gen.ArrayOf(Gen.Choose(0, c.Steps), terms)
         from norms in Gen.Elements<int?>(null, 1, 3)
         select new IlgpuGradientCase(c, interval, running ? picks.Select(s => (long)s).ToArray() : null, norms)).ToArbitrary();
}
