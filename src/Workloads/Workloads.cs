namespace FastAttractors.Bench;

/// <summary>W1, W2, W3 and W5 of docs/benchmarks.md, built as bench/FastAttractors.GpuCheck builds them.</summary>
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
        ReferenceMembers: 4_096, IlgpuCpuMembers: 1_024,
        First: (total, count) => new EnsembleProblem(RhoSweepPrefix(total, count), InitialStates.Constant(count, 1, 0, 0), count));

    /// <summary>
    /// W3: full Lyapunov spectra (k = n = 16) of per-member TanhRnn networks with g = linspace(0.5, 3, members), dense
    /// W, no bias, τ = 1, RK4 dt 0.05, 2,000 steps, QR every 10, float32 tangents (its targets are fractions of
    /// the float32 peak; the QR sums are float64 either way). As the numpy peer: the first T / 4 = 500 steps are the
    /// transient, the other 1,500 (75 time units, 150 QR intervals) are accumulated.
    /// </summary>
    public static Workload W3 { get; } = new(
        "W3", "TanhRnn n=k=16 full Lyapunov spectrum, per-member W, g 0.5..3, RK4 dt 0.05, 2000 steps, QR every 10, float32", 16, 1_024, 262_144, 2000,
        new Rk4(0.05), m => new EnsembleProblem(GainSweep(16, m, 0.5, 3.0, 5), InitialStates.Normal(16, m, 1, 6), m),
        FlopCount.TanhRnnLyapunov(16, 16, 10),
        [new PeerSpec("numpy", "ensemble_lyapunov_numpy.py", m => [m.ToString(), "16", "2000"], NumpyMissing)],
        ReferenceMembers: 16, IlgpuCpuMembers: 16,
        Lyapunov: new LyapunovOptions { Transient = 500 * 0.05, Duration = 1500 * 0.05, Every = 10, Precision = Precision.Float32 },
        First: (total, count) => new EnsembleProblem(GainSweep(16, total, 0.5, 3.0, 5, count), InitialStates.Normal(16, count, 1, 6), count));

    public static IReadOnlyList<Workload> All { get; } = [W1, W2, W3, W5];

    /// <summary>
    /// Per-member dense Gaussian W with member m's gain g_m = from + (to − from) m / (members − 1) (W_ij ~ N(0, g_m² / n));
    /// with <paramref name="first"/>, only members 0 … first − 1 of that sweep (the unit matrices are keyed by member).
    /// </summary>
    private static TanhRnn GainSweep(int n, int members, double from, double to, long seed, int? first = null)
    {
        int count = first ?? members;
        var unit = Weights.SparseGaussian(n, 1.0, 1.0, count, seed);
        var values = (double[])unit.Values.Clone();
        for (long p = 0; p < values.Length; p++)
        {
            int m = (int)(p % count);
            values[p] *= members == 1 ? from : from + (to - from) * m / (members - 1);
        }
        return new TanhRnn(ParameterBlock.PerMemberSoa("W", n * n, count, values));
    }

    /// <summary>Members 0 … count − 1 of <see cref="Lorenz.RhoSweep"/>(total, 0, 21): the same ρ values, not a coarser sweep.</summary>
    private static Lorenz RhoSweepPrefix(int total, int count)
    {
        var rows = new double[count][];
        for (int m = 0; m < count; m++)
            rows[m] = [10.0, total == 1 ? 0.0 : 21.0 * m / (total - 1), 8.0 / 3.0];
        return new Lorenz(ParameterBlock.PerMemberRows("sigma_rho_beta", rows));
    }

    public static Workload Get(string id) => All.FirstOrDefault(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown workload '{id}'; valid: {string.Join(", ", All.Select(w => w.Id))}.");

    /// <summary>Backends present here, in the order Cuda, OpenCL, Simd, IlgpuCpu, Reference.</summary>
    public static IReadOnlyList<Backend> AvailableBackends() =>
        new[] { Backend.Cuda, Backend.OpenCL, Backend.Simd, Backend.IlgpuCpu, Backend.Reference }.Where(DeviceCatalog.IsAvailable).ToList();
}
