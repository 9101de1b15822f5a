using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// Random members on every backend and precision against the float64 Reference estimator, and the two invariances of
/// <see cref="LyapunovOptions"/>: exponents independent of ChunkMembers (bit for bit) and of Every.
/// </summary>
public class LyapunovProperties
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    /// <summary>
    /// Per exponent: |λ − λ_ref| ≤ 5 √(σ² + σ_ref²) + floor (1 + |λ_ref|). The first term is the statistical error: on
    /// chaotic members the two runs part ways after a few Lyapunov times (ulps of a different summation order or of
    /// float32 grow like e^(λ1 t)) and are then two estimates of the same exponent; 20 blocks give a t-distribution of
    /// 19 degrees of freedom whose 5σ tail is ≈ 1e-4, small over the cases checked. Non-chaotic members have σ ≈ 0 and
    /// meet the floor: float64 1e-6 (ulp-level differences in the state and frame, averaged over ≥ 40 time units);
    /// float32 2e-3, since a float32 frame carries 6e-8 relative rounding per step into every log |R_ii| and loses
    /// ε32 · e^(spread · interval) of a contracting direction per QR (≤ 1e-4 for the Every chosen by
    /// <see cref="LyapunovCase"/>), and 1 − tanh² of a saturated unit is known only to ~1e-3 relative in float32.
    /// Float32 rounding perturbs the orbit itself, and some members' finite-time exponents are not a property of their
    /// parameters at that precision: Hénon at a = 1.3 (a period-7 window reached after chaotic transients of random
    /// length) gave λ1 = +0.13 in float32 against −0.21 in float64 (FsCheck replay (9908853064441587817,
    /// 2505218370143208287, 38)). So in float32 a member is compared only where the float64 Reference itself is robust:
    /// Reference runs from x0·(1 ± 1e-3) and from x0 rounded to float32, perturbations that chaotic transients amplify
    /// like float32 rounding, must all agree with the first within the same bound. Even three probes pass Hénon at
    /// a = 1.3 from seed 555883 (replay (882818086824865591, 5680563967825851631, 63)), where float32 reached the
    /// period-7 window (λ1 = −0.204) while float64 stayed chaotic (+0.183): members at that a are not compared in
    /// float32 (<see cref="NearHenonWindow"/>). Members failing a probe are sensitive, not wrong; the test insists that
    /// most are compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Backend_matches_the_reference_on_random_members(Backend backend, Precision precision)
    {
        double floor = precision == Precision.Float64 ? 1e-6 : 2e-3;
        int compared = 0, sensitive = 0;
        Prop.ForAll(LyapunovCase.Arbitrary(), c =>
        {
            var problem = c.Ensemble.Problem();
            var referenceEngine = EngineCache.Get(Backend.Reference);
            var reference = referenceEngine.Lyapunov(problem, c.Solver, c.Options(Precision.Float64));
            var actual = EngineCache.Get(backend).Lyapunov(problem, c.Solver, c.Options(precision));
            // Three probes of robustness: x0 scaled by 1 ± 1e-3, and x0 rounded to float32 (the input the float32 run sees).
            Func<double, double>[] perturbations = [x => x * (1 + 1e-3), x => x * (1 - 1e-3), x => (float)x];
            var perturbed = precision == Precision.Float32
                ? perturbations.Select(p => referenceEngine.Lyapunov(new EnsembleProblem(problem.Model, problem.InitialStates.Select(p).ToArray(), problem.Members),
                    c.Solver, c.Options(Precision.Float64))).ToArray()
                : [];
            Assert.Equal(reference.K, actual.K);
            for (int m = 0; m < problem.Members; m++)
            {
                var expected = reference.Spectrum(m);
                if (reference.Status[m] == LyapunovStatus.Diverged || actual.Status[m] == LyapunovStatus.Diverged
                    || !expected.All(double.IsFinite))
                    continue; // an escaping Hénon orbit may overflow a step earlier in float32; nothing to compare
                if (precision == Precision.Float32 && NearHenonWindow(c.Ensemble, m))
                {
                    sensitive++;
                    continue;
                }
                var referenceErrors = reference.Errors(m);
                if (perturbed.Any(p => !Agree(p.Spectrum(m), p.Errors(m), expected, referenceErrors, floor)))
                {
                    sensitive++;
                    continue;
                }
                compared++;
                var got = actual.Spectrum(m);
                var errors = actual.Errors(m);
                for (int i = 0; i < c.K; i++)
                {
                    double allowed = Allowed(errors[i], referenceErrors[i], expected[i], floor);
                    Assert.True(Math.Abs(got[i] - expected[i]) <= allowed,
                        $"{c}, member {m}, λ{i + 1}: {got[i]} vs reference {expected[i]} (allowed {allowed:E2}) on {backend}/{precision}");
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(8));
        Assert.True(compared > 0 && compared >= 2 * sensitive, $"{compared} members compared, {sensitive} too sensitive to float32-sized perturbations to compare");
    }

    /// <summary>
    /// Hénon at a = 1.3 has a stable period-7 orbit that orbits reach after chaotic transients of random length: no
    /// probe of the float64 run tells whether a float32 run (rounded at every step) has fallen into it yet, so its
    /// float32 exponents are not compared. The per-member Hénon sweep puts a member there whenever (members − 1) is a
    /// multiple of 4.
    /// </summary>
    private static bool NearHenonWindow(EnsembleCase c, int member) =>
        c.Kind == "henon" && c.PerMember && Math.Abs(1.0 + 0.4 * member / Math.Max(1, c.Members - 1) - 1.3) < 5e-3;

    private static double Allowed(double error, double referenceError, double expected, double floor) =>
        5 * Math.Sqrt(error * error + referenceError * referenceError) + floor * (1 + Math.Abs(expected));

    private static bool Agree(double[] spectrum, double[] errors, double[] expected, double[] expectedErrors, double floor)
    {
        for (int i = 0; i < spectrum.Length; i++)
            if (!(Math.Abs(spectrum[i] - expected[i]) <= Allowed(errors[i], expectedErrors[i], expected[i], floor)))
                return false;
        return true;
    }

    /// <summary>ChunkMembers only splits the work: each member's exponents, errors and status are bit-identical.</summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Results_do_not_depend_on_the_chunk_size(Backend backend, Precision precision)
    {
        Prop.ForAll(LyapunovCase.Arbitrary(), Gen.Choose(1, 6).ToArbitrary(), (c, chunk) =>
        {
            var problem = c.Ensemble.Problem();
            var engine = EngineCache.Get(backend);
            var whole = engine.Lyapunov(problem, c.Solver, c.Options(precision));
            var split = engine.Lyapunov(problem, c.Solver, c.Options(precision, chunk: 1 + (chunk - 1) % problem.Members));
            Assert.Equal(whole.Exponents, split.Exponents);
            Assert.Equal(whole.StandardErrors, split.StandardErrors);
            Assert.Equal(whole.Status, split.Status);
            Assert.Equal(whole.FailedStep, split.FailedStep);
            Assert.Equal(whole.Contraction, split.Contraction);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(6));
    }

    /// <summary>
    /// Stronger than "within the statistical error": Q_T R_T ⋯ R_1 is the QR factorisation of the product of the
    /// tangent maps applied to Q0, and |diag| of a product of triangular factors is the product of their |diag|, so the
    /// accumulated Σ log |R_ii| over an accumulation window depends only on the window's end points, not on where the
    /// QRs fall, and the state never sees Q. With transient and duration whole multiples of 20 steps, Every = 1, 5 and
    /// 20 accumulate over the same window, on chaotic members too. What differs is rounding: float64 1e-9 relative
    /// (1e-16 per operation over ≤ 10⁴ steps, not amplified because the frame converges to the Oseledets directions);
    /// float32 1e-4 (6e-8 per rounding of the frame, up to 20× more roundings at Every = 1, and ε32 e^(spread · 1) ≲ 1e-5
    /// of a contracting direction per QR at Every = 20, spread ≤ 4 per time unit for these gains).
    /// The block errors do depend on Every (different block edges) and are not compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Exponents_do_not_depend_on_every(Backend backend, Precision precision)
    {
        double tolerance = precision == Precision.Float64 ? 1e-9 : 1e-4;
        var rnns = from seed in Gen.Choose(0, 100_000)
                   from n in Gen.Choose(2, 6)
                   from gain in Gen.Choose(5, 30)
                   select (seed, n, gain: gain / 10.0);
        Prop.ForAll(rnns.ToArbitrary(), p =>
        {
            const int members = 3;
            var problem = new EnsembleProblem(TanhRnn.Random(p.n, p.gain, 1.0, members, p.seed), InitialStates.Normal(p.n, members, 1, p.seed + 1), members);
            LyapunovSpectra Run(int every) => EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.05),
                new LyapunovOptions { Transient = 20, Duration = 60, Every = every, Precision = precision });
            var one = Run(1);
            foreach (int every in new[] { 5, 20 })
            {
                var other = Run(every);
                for (int m = 0; m < members; m++)
                    Compare.Close(other.Spectrum(m), one.Spectrum(m), tolerance, $"{p} member {m}: Every = {every} vs 1 on {backend}/{precision}");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(5));
    }
}
