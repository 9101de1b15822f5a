using System.Diagnostics;
using FastAttractors;
using FastAttractors.Backends;

// GPU check, for a lent GPU machine without .NET (publish self-contained): kernels on the named backend against the
// Reference path on random members of every model, then every kernel family (FamilyChecks.cs: every method,
// Lyapunov flows and maps, a large network, gradients) and the binary networks (W7Check.cs, agreement part), then W1
// and W5 at GPU sizes with compile time reported apart; with `w7` as the third argument, the binary sequence-network
// kernels and W7 timing instead. `small` as the third argument shrinks every size so that the whole check runs on
// IlgpuCpu in CI (a dry run of the program, not a measurement).
var backend = args.Length > 0 ? BackendNames.Parse(args[0], "backend") : Backend.Cuda;
int repeats = args.Length > 1 ? int.Parse(args[1]) : 5;
bool small = args.Length > 2 && args[2] == "small";
var (devices, chosen) = Engine.Devices();
foreach (var d in devices)
    Console.WriteLine($"device: {d.Backend,-9} {d.Name} | {d.MemoryBytes / 1e9:F1} GB | {d.Capability}");
Console.WriteLine($"default backend: {chosen}; checking {backend}");
using var engine = Engine.Create(backend);
var reference = Engine.Create(Backend.Reference);
// `GpuCheck <backend> <repeats> w7 …`: only the binary-network check (W7Check.cs).
if (args.Length > 2 && args[2] == "w7")
    return W7Check.Run(engine, reference, backend, repeats, args[3..]);

// 1. Agreement with Reference (same tolerances as the property tests).
var cases = new (string Name, Func<int, IEnsembleModel> Model, ISolver Solver, int Dim)[]
{
    ("TanhRnn n=16 per-member", m => TanhRnn.Random(16, 1.5, 1.0, m, 1), new Rk4(0.01), 16),
    ("TanhRnn n=64 shared", m => TanhRnn.Random(64, 1.5, 0.5, null, 2), new Rk4(0.01), 64),
    ("ReluRnn n=24", m => new ReluRnn(Weights.SparseGaussian(24, 1.2, 0.5, m, 3), ParameterBlock.Shared("b", Enumerable.Repeat(0.3, 24).ToArray())), new Rk4(0.02), 24),
    ("TanhOfLinear flow n=8", m => new TanhOfLinear(Weights.Pta(8, (0.5, 3), (0, Math.PI), m, 4), DynamicsKind.Flow), new Rk4(0.05), 8),
    ("TanhOfLinear map n=8", m => new TanhOfLinear(Weights.Pta(8, (0.5, 3), (0, Math.PI), m, 4), DynamicsKind.Map), MapIteration.Instance, 8),
    ("Linear n=5", m => new Linear(Weights.SparseGaussian(5, 0.5, 1.0, m, 5)), new Rk4(0.01), 5),
    ("Lorenz rho sweep", m => Lorenz.RhoSweep(m, 0, 28), new Rk4(0.001), 3),
    ("Henon", m => new Henon(), MapIteration.Instance, 2),
};
bool allOk = true;
int agreementMembers = small ? 24 : 512;
foreach (var (name, make, solver, dim) in cases)
{
    int members = agreementMembers;
    var x0 = InitialStates.Normal(dim, members, name.StartsWith("Henon") ? 0.05 : 1.0, 7, mean: name.StartsWith("Lorenz") ? 1.0 : 0.0);
    var problem = new EnsembleProblem(make(members), x0, members);
    var refSol = reference.Integrate(problem, solver, 20);
    foreach (var precision in new[] { Precision.Float64, Precision.Float32 })
    {
        var sol = engine.Integrate(problem, solver, 20, options: new IntegrateOptions { Precision = precision });
        double worst = 0;
        for (int k = 0; k < sol.FinalStates.Length; k++)
            worst = Math.Max(worst, Math.Abs(sol.FinalStates[k] - refSol.FinalStates[k]) / (1 + Math.Abs(refSol.FinalStates[k])));
        double tol = precision == Precision.Float64 ? 1e-9 : (solver is MapIteration ? 2e-2 : 2e-3);
        bool ok = worst <= tol && sol.Status.SequenceEqual(refSol.Status);
        allOk &= ok;
        Console.WriteLine($"agree {(ok ? "OK  " : "FAIL")} {name,-26} {precision,-7} max scaled error {worst:E2} (tol {tol:E0})");
    }
}

// 2. Every kernel family, then the binary networks' agreement (W7Check.Agreement).
allOk &= FamilyChecks.Run(engine, reference, agreementMembers);
allOk &= W7Check.Agreement(engine, reference);

// 3. W1 and W5 at GPU sizes: first run includes kernel compilation; then the median of `repeats` runs.
Time($"W1 TanhRnn n=16 per-member W, {(small ? 10 : 1000)} RK4 steps, float32", small ? 256 : 1 << 20, small ? 10 : 1000,
    m => new EnsembleProblem(TanhRnn.Random(16, 1.5, 1.0, m, 1), InitialStates.Normal(16, m, 1, 2), m), new Rk4(0.01),
    4.0 * (2 * 16 * 16 + 16 * 20 + 3 * 16) + 4 * 2 * 16 * 4);
Time($"W5 Lorenz rho sweep, {(small ? 10 : 1000)} RK4 steps dt 0.001, float32", small ? 4096 : 8_388_608, small ? 10 : 1000,
    m => new EnsembleProblem(Lorenz.RhoSweep(m, 0, 21), InitialStates.Constant(m, 1, 0, 0), m), new Rk4(0.001),
    4.0 * 10 + 4 * 2 * 3 * 4);
Console.WriteLine(allOk ? "ALL AGREEMENT CHECKS PASSED" : "SOME AGREEMENT CHECKS FAILED");
if (backend == Backend.Cuda && Environment.GetEnvironmentVariable("OUT") is { } outDir)
{
    var s = KernelSpecialisations.All().First(k => k.Name == "rk4<Real32, TanhRnnModel>");
    File.WriteAllText(Path.Combine(outDir, "rk4_tanhrnn_f32.ptx"), KernelSpecialisations.CompilePtx(s));
}
return allOk ? 0 : 1;

void Time(string name, int members, int steps, Func<int, EnsembleProblem> make, ISolver solver, double flopsPerMemberStep)
{
    var problem = make(members);
    var options = new IntegrateOptions { Precision = Precision.Float32 };
    var sw = Stopwatch.StartNew();
    engine.Integrate(problem, solver, steps, options: options);
    double first = sw.Elapsed.TotalSeconds;
    var times = new List<double>();
    for (int r = 0; r < repeats; r++)
    {
        sw.Restart();
        var sol = engine.Integrate(problem, solver, steps, options: options);
        times.Add(sw.Elapsed.TotalSeconds);
        if (r == 0)
            Console.WriteLine($"  checksum {sol.FinalStates.Take(1000).Sum():F6}, non-finite members {sol.Status.Count(s => s != MemberStatus.Ok)}");
    }
    times.Sort();
    double median = times[times.Count / 2];
    // The same call with 0 steps costs packing, transfers and allocation only: the difference is kernel time.
    var overheads = new List<double>();
    for (int r = 0; r < repeats; r++)
    {
        sw.Restart();
        engine.Integrate(problem, solver, 0, options: options);
        overheads.Add(sw.Elapsed.TotalSeconds);
    }
    overheads.Sort();
    double overhead = overheads[overheads.Count / 2];
    double kernel = Math.Max(1e-9, median - overhead);
    double kernelRate = (double)members * steps / kernel;
    Console.WriteLine($"  kernels only (median minus 0-step overhead {overhead:F4} s): {kernel:F4} s, {kernelRate:E3} member-steps/s, "
        + $"{kernelRate * flopsPerMemberStep / 1e12:F2} TFLOP/s");
    double rate = (double)members * steps / median;
    Console.WriteLine($"{name}: {members} members on {backend}: first run (incl. compile) {first:F3} s, median of {repeats} {median:F4} s "
        + $"(min {times[0]:F4}), {rate:E3} member-steps/s, {rate * flopsPerMemberStep / 1e12:F2} TFLOP/s at {flopsPerMemberStep} flop/member-step "
        + "(end to end: host packing, transfers and kernels)");
}
