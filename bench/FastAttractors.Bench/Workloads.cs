namespace FastAttractors.Bench;

/// <summary>W1, W2 and W5 of spec/benchmarks.md, built as bench/FastAttractors.GpuCheck builds them.</summary>
internal static class Workloads
{
    private const string NumpyMissing = "missing: install python3-numpy (bench/install-peers.sh)";
    private const string BoostMissing = "missing: install libboost-dev (bench/install-peers.sh)";

    /// <summary>W1: per-member TanhRnn, n = 16, g = 1.5, dense W, dt 0.01, 1000 RK4 steps, float32.</summary>
    public static Workload W1 { get; } = new(
        "W1", "TanhRnn n=16 per-member W, RK4 dt 0.01, 1000 steps, float32", 16, 4_096, 1_048_576, 1000, new Rk4(0.01),
        m => new EnsembleProblem(TanhRnn.Random(16, 1.5, 1.0, m, 1), InitialStates.Normal(16, m, 1, 2), m),
        FlopCount.TanhRnnRk4(16),
        [
            new PeerSpec("numpy", "ensemble_rk4_numpy.py", m => [m.ToString(), "16", "1000", "f32"], NumpyMissing),
            new PeerSpec("odeint", "ensemble_rk4_odeint.cpp", m => [m.ToString(), "1000"], BoostMissing),
        ],
        ReferenceMembers: 256, IlgpuCpuMembers: 64);

    /// <summary>W2: one shared TanhRnn, n = 64, many initial states, dt 0.01, 1000 RK4 steps, float32.</summary>
    public static Workload W2 { get; } = new(
        "W2", "TanhRnn n=64 shared W, RK4 dt 0.01, 1000 steps, float32", 64, 4_096, 262_144, 1000, new Rk4(0.01),
        m => new EnsembleProblem(TanhRnn.Random(64, 1.5, 1.0, null, 3), InitialStates.Normal(64, m, 1, 4), m),
        FlopCount.TanhRnnRk4(64),
        [new PeerSpec("numpy", "ensemble_rk4_shared_numpy.py", m => [m.ToString(), "64", "1000", "f32"], NumpyMissing)],
        ReferenceMembers: 32, IlgpuCpuMembers: 32);

    /// <summary>W5: Lorenz, ρ = linspace(0, 21, N), u0 = (1, 0, 0), dt 0.001, 1000 RK4 steps, float32, final states only.</summary>
    public static Workload W5 { get; } = new(
        "W5", "Lorenz rho=linspace(0,21,N), RK4 dt 0.001, 1000 steps, float32, final states", 3, 65_536, 8_388_608, 1000, new Rk4(0.001),
        m => new EnsembleProblem(Lorenz.RhoSweep(m, 0, 21), InitialStates.Constant(m, 1, 0, 0), m),
        FlopCount.LorenzRk4,
        [new PeerSpec("odeint", "lorenz_ensemble_odeint.cpp", m => [m.ToString()], BoostMissing)],
        ReferenceMembers: 4_096, IlgpuCpuMembers: 1_024);

    public static IReadOnlyList<Workload> All { get; } = [W1, W2, W5];

    public static Workload Get(string id) => All.FirstOrDefault(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown workload '{id}'; valid: {string.Join(", ", All.Select(w => w.Id))}.");

    /// <summary>Backends present here, in the order Cuda, OpenCL, Simd, IlgpuCpu, Reference.</summary>
    public static IReadOnlyList<Backend> AvailableBackends() =>
        new[] { Backend.Cuda, Backend.OpenCL, Backend.Simd, Backend.IlgpuCpu, Backend.Reference }.Where(DeviceCatalog.IsAvailable).ToList();
}
