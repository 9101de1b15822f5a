using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Lyapunov;
using FastAttractors.Tests.Models;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Properties;

/// <summary>A user model (Rössler flow or the coupled tanh map, with a scratch slot), a member count and a horizon.</summary>
public sealed record UserModelCase(bool Map, int Members, int Seed, int Steps, int Every)
{
    public IEnsembleModel Model() => Map
        ? new UserModel<CoupledTanhMap<Real64>, CoupledTanhMap<Real32>>(new(), new(), DynamicsKind.Map, "CoupledTanhMap")
        : new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler");

    public ISolver Solver => Map ? MapIteration.Instance : new Rk4(0.02);

    public EnsembleProblem Problem() => new(Model(), Map
        ? InitialStates.Normal(3, Members, 0.3, Seed)
        : InitialStates.Normal(3, Members, 1.0, Seed, mean: 1.0), Members);

    /// <summary>k = n = 3, so the contraction (tr J for the flow, from the vectorised duals) is compared too.</summary>
    public LyapunovOptions Lyapunov(Precision precision) => new()
    {
        Transient = 2 * Every * Solver.StepSize, Duration = 10 * Every * Solver.StepSize, Every = Every, Precision = precision,
    };

    public override string ToString() => $"{(Map ? "CoupledTanhMap" : "Rossler")}, {Members} members, seed {Seed}, {Steps} steps, QR every {Every}";

    public static Arbitrary<UserModelCase> Arbitrary() =>
        (from map in Gen.Elements(false, true)
         from members in Gen.Choose(1, 300) // 1 to 75 tiles of AVX2's four float64 lanes: full tiles and every padding
         from seed in Gen.Choose(1, 10_000)
         from steps in Gen.Choose(1, 20)
         from every in Gen.Choose(1, 4)
         select new UserModelCase(map, members, seed, steps, every)).ToArbitrary();
}

/// <summary>
/// A user model on Simd, called once per tile in lane numbers, against the Reference oracle (scalar float64, the same
/// generic f in Real64 and Dual&lt;Real64&gt;). Errors are max |a − b| / (1 + |b|).
/// <para>
/// float64, 1e-9 for both: the lane types round +, −, ×, ÷ as Real64 does and tanh to about 1 ulp, so ≤ 20 steps (or
/// ≤ 48 for Lyapunov) of ~10 dependent operations per stage on a system with λ1 ≤ 0.1 (Rössler) or a contracting map
/// stay near 1e-15.
/// </para>
/// <para>
/// float32 integrate: the tolerances of the built-in models' agreement properties, flows 2e-3 and maps 2e-2. Here
/// they are loose (Rössler has no dot products and grows by ≤ e^(20·0.02·0.1)), maps add RationalTanh's 2.5e-7
/// absolute error per unit per iteration, still far inside.
/// float32 Lyapunov: the Simd/ILGPU Lyapunov properties' 5e-4 for flows, 5e-3 for maps: float32 rounding of J v
/// (6e-8 per operation) enters log R_ii and is divided by ≥ 10 intervals; the map's sech² = 1 − tanh² from a float32
/// tanh keeps ε/sech² of relative precision on saturated units. The flow's contraction is tr J in float32 (the sum of
/// a + x − c and constants), relative error ≲ 1e-6.
/// </para>
/// </summary>
public class UserModelSimdProperties
{
    public static class Arbs
    {
        public static Arbitrary<UserModelCase> Cases() => UserModelCase.Arbitrary();
    }

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Integrate_float64_matches_reference(UserModelCase c) => CheckIntegrate(c, Precision.Float64, 1e-9);

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Integrate_float32_matches_reference(UserModelCase c) => CheckIntegrate(c, Precision.Float32, c.Map ? 2e-2 : 2e-3);

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 25)]
    public void Lyapunov_float64_matches_reference(UserModelCase c) => CheckLyapunov(c, Precision.Float64, 1e-9);

    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 25)]
    public void Lyapunov_float32_matches_reference(UserModelCase c) => CheckLyapunov(c, Precision.Float32, c.Map ? 5e-3 : 5e-4);

    private static void CheckIntegrate(UserModelCase c, Precision precision, double tolerance)
    {
        var problem = c.Problem();
        var save = SaveAt.EveryNthStep(Math.Max(1, c.Steps / 3));
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, c.Solver, c.Steps, save);
        var actual = EngineCache.Get(Backend.Simd).Integrate(problem, c.Solver, c.Steps, save, new IntegrateOptions { Precision = precision });
        Assert.Equal(reference.Status, actual.Status);
        Compare.Close(actual.FinalStates, reference.FinalStates, tolerance, $"{c} {precision}: final states");
        Compare.Close(actual.Trajectory!, reference.Trajectory!, tolerance, $"{c} {precision}: trajectory");
    }

    private static void CheckLyapunov(UserModelCase c, Precision precision, double tolerance)
    {
        var problem = c.Problem();
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, c.Solver, c.Lyapunov(Precision.Float64));
        var actual = EngineCache.Get(Backend.Simd).Lyapunov(problem, c.Solver, c.Lyapunov(precision));
        Assert.Equal(reference.Status, actual.Status);
        for (int m = 0; m < problem.Members; m++)
        {
            Compare.Close(actual.Spectrum(m), reference.Spectrum(m), tolerance, $"{c} {precision}: exponents of member {m}");
            Compare.Close([actual.Contraction[m]], [reference.Contraction[m]], tolerance, $"{c} {precision}: contraction of member {m}");
        }
    }
}
