using FastAttractors.Adjoint;
using FastAttractors.Adjoint.Estimators;
using FastAttractors.Binary;
using FastAttractors.Binary.Estimators;
using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Estimators;
using FastAttractors.Ode.Integrators;

namespace FastAttractors;

/// <summary>
/// The entry point: one engine per backend, reused across calls (it caches compiled kernels and device state).
/// <code>
/// using var engine = Engine.Create();                      // Cuda > OpenCL > Simd, or FASTATTRACTORS_BACKEND
/// var nets = TanhRnn.Random(n: 16, g: 1.5, connectivity: 1, members: 4096, seed: 7);
/// var x0 = InitialStates.Normal(16, 4096, std: 1, seed: 8);
/// var sol = engine.Integrate(new EnsembleProblem(nets, x0, 4096), new Rk4(0.01), steps: 1000, SaveAt.EveryNthStep(10));
/// </code>
/// </summary>
public sealed partial class Engine : IDisposable
{
    private readonly BackendCapabilities capabilities;

    private Engine(BackendCapabilities capabilities) => this.capabilities = capabilities;

    /// <summary>The backend this engine runs on (never a fallback: the one asked for, or the best present).</summary>
    public Backend Backend => capabilities.Integrator.Backend;

    /// <summary>
    /// An engine on <paramref name="backend"/>; when null, the backend named by FASTATTRACTORS_BACKEND, else the
    /// best present (Cuda > OpenCL > Simd). Asking for a backend that is not present is an error, never a fallback.
    /// </summary>
    public static Engine Create(Backend? backend = null)
    {
        var chosen = backend ?? DeviceCatalog.DefaultBackend();
        if (!Enum.IsDefined(chosen))
            throw new ArgumentOutOfRangeException(nameof(backend), chosen, $"unknown backend {chosen}; valid: {string.Join(", ", BackendNames.Valid)}.");
        if (!DeviceCatalog.IsAvailable(chosen))
            throw new InvalidOperationException($"backend {chosen} was requested but no {chosen} device is present (see 'fastattractors devices').");
        return new Engine(BackendCapabilities.For(chosen));
    }

    /// <summary>Devices present on this machine and which backend <see cref="Create"/> would choose.</summary>
    public static (IReadOnlyList<DeviceInfo> Devices, Backend Default) Devices() => (DeviceCatalog.List(), DeviceCatalog.DefaultBackend());

    /// <summary>
    /// Integrates every member for <paramref name="steps"/> steps of <paramref name="solver"/> (an explicit Runge–Kutta
    /// method for flows — which backends run which: <see cref="MethodSupport"/> — iteration for maps). Members that go non-finite are frozen and flagged in <see cref="EnsembleSolution.Status"/>.
    /// </summary>
    public EnsembleSolution Integrate(EnsembleProblem problem, ISolver solver, long steps, SaveAt? save = null, IntegrateOptions? options = null)
    {
        var plan = RunPlan.Create(problem, solver, steps, save, options);
        var solution = capabilities.Integrator.Integrate(plan);
        solution.KeepInitialStatesOfFirstStepFailures(problem.InitialStates);
        return solution;
    }

    /// <summary>
    /// The Lyapunov spectrum (all n exponents, or the leading <see cref="LyapunovOptions.Exponents"/>) of every member
    /// by the Benettin QR method (docs/explanations/qr-method.md), with standard errors, sum rule, Kaplan–Yorke dimension and status.
    /// <code>
    /// var les = engine.Lyapunov(new EnsembleProblem(nets, x0, members), new Rk4(0.05), new LyapunovOptions { Duration = 500 });
    /// double top = les.Spectrum(0)[0], error = les.Errors(0)[0];
    /// </code>
    /// </summary>
    public LyapunovSpectra Lyapunov(EnsembleProblem problem, ISolver solver, LyapunovOptions? options = null)
    {
        var plan = LyapunovPlan.Create(problem, solver, options);
        return capabilities.Lyapunov.Estimate(plan);
    }

    /// <summary>
    /// The loss and its exact gradient (the discrete adjoint of RK4, or of the map) with respect to the initial
    /// states and every model parameter, per member, with checkpointing (docs/explanations/rk4-and-adjoint.md).
    /// <code>
    /// var grads = engine.Gradient(problem, new Rk4(0.01), steps: 1_000, Loss.Terminal(target, n));
    /// double dLdW01 = grads.Parameter("W").Get(1, member);
    /// </code>
    /// </summary>
    public EnsembleGradients Gradient(EnsembleProblem problem, ISolver solver, long steps, Loss loss, GradientOptions? options = null)
    {
        var plan = GradientPlan.Create(problem, solver, steps, loss, options);
        return capabilities.Gradients.Gradient(plan);
    }

    /// <summary>
    /// Trains B binary networks with hidden neurons, one per sequence, to store their sequences as attractors by the
    /// gated margin rule (docs/explanations/binary-margin-rule.md; Lu &amp; Wu, arXiv 2404.02729), or builds a baseline (<see cref="TrainingOptions.Variant"/>).
    /// <code>
    /// var nets = engine.TrainSequences(new SequenceBatch(patterns, networks: 8, length: 20, visible: 100), new TrainingOptions { Hidden = 500 });
    /// bool ok = nets.Converged[0];
    /// </code>
    /// </summary>
    public TrainingResult TrainSequences(SequenceBatch sequences, TrainingOptions? options = null)
    {
        var plan = TrainingPlan.Create(sequences, options);
        return capabilities.Binary.Train(plan);
    }

    /// <summary>
    /// Recall trials of trained networks from ξ(1) with k flipped bits (docs/results/sequence-capacity.md); success per trial and rate per network.
    /// <code>
    /// var recall = engine.Recall(nets, new RecallOptions { FlippedBits = 10, Trials = 100 });
    /// double rate = recall.SuccessRate(0);
    /// </code>
    /// </summary>
    public RecallResult Recall(TrainingResult trained, RecallOptions? options = null)
    {
        var plan = RecallPlan.Create(trained, options);
        return capabilities.Binary.Recall(plan);
    }

    /// <summary>Releases the backend's device, kernels and buffers; the engine cannot be used afterwards.</summary>
    public void Dispose()
    {
        capabilities.Dispose();
    }
}
