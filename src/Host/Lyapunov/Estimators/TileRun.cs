using System.Runtime.CompilerServices;
using System.Numerics;
using FastAttractors.Ode.Integrators;
using FastAttractors.Simd;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The Benettin loop for one tile of members on the Simd path (see <see cref="SimdLyapunov"/>). A null
/// <paramref name="tableau"/> takes the unrolled classic RK4; otherwise the tableau's stage loop (TileRun.Stages.cs).
/// The methods run once per step or QR interval are compiled optimised at once (AggressiveOptimization), so under tiered
/// compilation (the CLI's setting) no tile runs them at tier 0.
/// </summary>
internal readonly partial struct TileRun<T, TField>(LyapunovPlan plan, SpectrumAccumulators acc, TField field, LyapunovTile<T> w, int tile,
    SimdTableau<T>? tableau, bool planePath = true)
    where T : unmanaged, IFloatingPointIeee754<T>
    where TField : struct, ISimdTangentField<T>
{
    private static readonly int Lanes = Vector<T>.Count;

    /// <summary>Shape and kind, read once: the plan's N and IsMap go through the model's interface on every read.</summary>
    private readonly int n = plan.N, k = plan.K;
    private readonly bool isMap = plan.IsMap;

    private LyapunovPlan Plan => plan;
    private SimdTableau<T>? Tableau => tableau;

    /// <summary>The smallest positive normal float64.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>2¹⁰⁰⁰: the largest R_ii the float64 lanes multiply into a block's product (see <see cref="Accumulate"/>).</summary>
    private const double LargestFactor = 1.0715086071862673E+301;

    /// <summary>Real members in this tile (the last tile's padding lanes repeat its last member and are ignored).</summary>
    private int Count => Math.Min(Lanes, plan.Members - tile * Lanes);

    /// <summary>
    /// Runs <paramref name="group"/>'s tiles side by side. A tile's RK4 step is one dependent chain (f, then tanh or
    /// exp, then the next stage), and a small network's tile is too little work to keep the cores' FMA and divide units
    /// busy while it waits; stepping several tiles stage by stage puts independent chains next to each other for the
    /// out-of-order core to overlap. Each tile does exactly the arithmetic it would do alone, so its bits do not depend
    /// on the grouping.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ReadOnlySpan<TileRun<T, TField>> group, double[] q0)
    {
        var first = group[0];
        var plan = first.Plan;
        bool interleave = group.Length > 1 && !first.isMap && first.Tableau is null && first.k <= LyapunovTile<T>.ColumnBlock;
        foreach (var run in group)
            run.Start(q0);
        if (first.UsesPlanePath)
            PlaneRun(group);
        else
            GeneralRun(group, interleave);
        foreach (var run in group)
            run.FlushLogSums();
    }

    /// <summary>Every QR interval of the general step (any n, k, method, map or flow) for the group's tiles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GeneralRun(ReadOnlySpan<TileRun<T, TField>> group, bool interleave)
    {
        var plan = group[0].Plan;
        var hasContraction = plan.FullSpectrum;
        for (long interval = 0; interval < plan.TotalIntervals; interval++)
        {
            bool accumulating = interval >= plan.TransientIntervals;
            bool contraction = accumulating && hasContraction;
            for (int s = 0; s < plan.Every; s++)
            {
                long step = interval * plan.Every + s;
                if (interleave)
                {
                    for (int stage = 0; stage < 4; stage++)
                    {
                        foreach (var run in group)
                            run.Rk4StateStage(stage, contraction);
                    }
                    for (int stage = 0; stage < 4; stage++)
                    {
                        foreach (var run in group)
                            run.Rk4TangentStage(stage, 0, Math.Min(LyapunovTile<T>.ColumnBlock, run.k));
                    }
                }
                else
                {
                    foreach (var run in group)
                        run.Step(contraction);
                }
                foreach (var run in group)
                    run.Advance(step);
            }
            foreach (var run in group)
                run.EndInterval(interval, accumulating, orthonormalised: false);
        }
    }

    private void Start(double[] q0)
    {
        ClearLogProducts();
        w.ContractionLanes = Vector<double>.Zero;
        w.Frozen = Vector<T>.Zero;
        Load(plan.Problem.InitialStates, w.X);
        for (int p = 0; p < n * k; p++)
            w.Q[p] = new Vector<T>(T.CreateTruncating(q0[p]));
    }

    private void Step(bool contraction)
    {
        if (isMap)
            MapStep(contraction, w.Frozen);
        else if (tableau is null)
            Rk4Step(contraction);
        else
            TableauStep(tableau, contraction, w.Frozen);
    }

    /// <summary>
    /// Next becomes the state (components below <see cref="TinyFlush{T}.Threshold"/> set to 0), except in lanes that
    /// went non-finite, which freeze at their last state.
    /// </summary>
    private void Advance(long step)
    {
        var finite = Vector<T>.AllBitsSet;
        for (int i = 0; i < n; i++)
            finite &= SimdMath.FiniteMask(w.Next[i]);
        var frozen = w.Frozen = Freeze(w.Frozen, finite, step);
        for (int i = 0; i < n; i++)
            w.X[i] = Vector.ConditionalSelect(frozen, w.X[i], TinyFlush<T>.AppliesTo<TField>() ? TinyFlush<T>.Apply(w.Next[i]) : w.Next[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndInterval(long interval, bool accumulating, bool orthonormalised)
    {
        FlushContraction();
        if (!orthonormalised)
            Orthonormalise();
        var finiteR = Vector<T>.AllBitsSet;
        for (int i = 0; i < k; i++)
            finiteR &= SimdMath.FiniteMask(w.R[i]) & ~Vector.Equals(w.R[i], Vector<T>.Zero);
        w.Frozen = Freeze(w.Frozen, finiteR, (interval + 1) * plan.Every - 1);
        if (accumulating)
            Accumulate(interval - plan.TransientIntervals, w.Frozen);
    }

    /// <summary>Flags lanes that just went non-finite (their step recorded once); frozen lanes stay frozen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector<T> Freeze(Vector<T> frozen, Vector<T> finite, long step)
    {
        var failed = ~finite & ~frozen;
        if (failed != Vector<T>.Zero)
        {
            for (int l = 0; l < Count; l++)
            {
                if (failed[l] != T.Zero)
                    acc.MarkDiverged(tile * Lanes + l, step);
            }
        }
        return frozen | ~finite;
    }

    /// <summary>
    /// log |R_ii| into the block sums. float64 keeps, per lane and exponent, the block's product of R_ii as an integer
    /// power of 2 and a mantissa in [1, 2), renormalised after each factor by moving the exponent field (exact: the
    /// product's bits are not rounded by it), and takes one log per lane when the block changes: log ∏ R_ii = E ln 2 +
    /// log m. Why: a vector log per interval and exponent (a BCL call) and its bookkeeping were 6 % of a 2-D scan with a
    /// QR every two steps; a product and a few integer operations cost a fraction of that. Accuracy: each factor adds
    /// half an ulp of relative error to the product, so after a block of 1,000 intervals the block's log sum is off by
    /// at most 10⁻¹³; a running sum of logs rounds at each term to the sum's own ulp, 1.1·10⁻¹³ each once it reaches
    /// 1,000 (λ = −10 over 100 time units). Against the sum of logs, a 64 × 128 rotation-flow scan's exponents moved by
    /// 10⁻¹⁴ (median) and 2.7·10⁻¹³ (largest, at |λ| ≈ 10). Lanes that are frozen, or
    /// whose R_ii is not a normal number in [2⁻¹⁰²², 2¹⁰⁰⁰] (never seen in practice), are left out there: frozen lanes
    /// multiply by 1, and a tile with such a lane takes the scalar path, which adds log R_ii directly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(long accumulateInterval, Vector<T> frozen)
    {
        int block = plan.BlockOf(accumulateInterval);
        if (typeof(T) == typeof(double) && TryAccumulateLanes(block, frozen))
            return;
        FlushLogSums();
        for (int l = 0; l < Count; l++)
        {
            if (frozen[l] != T.Zero)
                continue;
            var row = acc.BlockRow(tile * Lanes + l, block);
            for (int i = 0; i < k; i++)
                row[i] += Math.Log(double.CreateTruncating(w.R[i][l]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryAccumulateLanes(int block, Vector<T> frozen)
    {
        var live = ~frozen.As<T, double>();
        var normal = Vector<long>.AllBitsSet;
        for (int i = 0; i < k; i++)
        {
            var r = w.R[i].As<T, double>();
            normal &= Vector.GreaterThanOrEqual(r, new Vector<double>(SmallestNormal))
                      & Vector.LessThanOrEqual(r, new Vector<double>(LargestFactor));
        }
        if (!Vector.EqualsAll(normal | frozen.As<T, long>(), Vector<long>.AllBitsSet))
            return false;
        if (w.LogSumBlock != block)
        {
            FlushLogSums();
            w.LogSumBlock = block;
        }
        var mantissaBits = new Vector<ulong>(0x000F_FFFF_FFFF_FFFFUL);
        var exponentOfOne = new Vector<ulong>(0x3FF0_0000_0000_0000UL);
        for (int i = 0; i < k; i++)
        {
            var r = Vector.ConditionalSelect(live, w.R[i].As<T, double>(), Vector<double>.One);
            // m in [1, 2) times r in [2⁻¹⁰²², 2¹⁰⁰⁰]: a positive normal number, no overflow or underflow.
            var bits = (w.LogMantissas[i] * r).As<double, ulong>();
            w.LogExponents[i] += ExponentOf(bits);
            w.LogMantissas[i] = ((bits & mantissaBits) | exponentOfOne).As<ulong, double>();
        }
        return true;
    }

    /// <summary>The unbiased binary exponent of positive normal float64 bits, as a float64 (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExponentOf(Vector<ulong> bits)
    {
        // The biased exponent (11 bits) into the low mantissa bits of 2⁵², then 2⁵² + 1023 taken off: no int64 → float64
        // conversion, which AVX2 lacks.
        const double TwoTo52 = 4503599627370496.0;
        var biased = Vector.ShiftRightLogical(bits, 52) | new Vector<double>(TwoTo52).As<double, ulong>();
        return biased.As<ulong, double>() - new Vector<double>(TwoTo52 + 1023);
    }

    /// <summary>
    /// Moves the tile's float64 log sums of the current block into the member rows: E ln 2 + log m per lane and
    /// exponent, ln 2 split in two parts so that E ln 2 is exact to well below an ulp of the sum.
    /// </summary>
    private void FlushLogSums()
    {
        const double Ln2High = 0.693147180369123816490, Ln2Low = 1.90821492927058770002e-10;
        if (w.LogSumBlock < 0)
            return;
        for (int l = 0; l < Count; l++)
        {
            var row = acc.BlockRow(tile * Lanes + l, w.LogSumBlock);
            for (int i = 0; i < k; i++)
            {
                double exponent = w.LogExponents[i][l];
                row[i] += exponent * Ln2High + (exponent * Ln2Low + Math.Log(w.LogMantissas[i][l]));
            }
        }
        ClearLogProducts();
    }

    private void ClearLogProducts()
    {
        Array.Clear(w.LogExponents);
        Array.Fill(w.LogMantissas, Vector<double>.One);
        w.LogSumBlock = -1;
    }

    /// <summary>Moves the contraction summed in the tile over one interval (float64 lanes) into the member totals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushContraction()
    {
        if (w.ContractionLanes == Vector<double>.Zero)
            return;
        for (int l = 0; l < Count; l++)
            acc.ContractionIntegral[tile * Lanes + l] += w.ContractionLanes[l];
        w.ContractionLanes = Vector<double>.Zero;
    }

    /// <summary>x ← F(x) into Next, Q ← J(x) Q; the contraction log |det J(x)| at the pre-image.</summary>
    private void MapStep(bool contraction, Vector<T> frozen)
    {
        var lin = w.Linearisation[0];
        field.EvaluateLinearised(tile, w.X, w.Next, lin, w.Scratch);
        if (contraction)
            AddContraction(w.X, lin, 1.0, frozen);
        for (int first = 0; first < k; first += LyapunovTile<T>.ColumnBlock)
        {
            int columns = Math.Min(LyapunovTile<T>.ColumnBlock, k - first);
            var q = w.Q.AsSpan(first * n, columns * n);
            var jq = w.BlockSlope.AsSpan(0, columns * n);
            field.Jvp(tile, lin, q, jq, columns, w.BlockScratch);
            jq.CopyTo(q);
        }
    }

    /// <summary>
    /// Classic RK4 for the state into Next, keeping the linearisation at each stage state, then the same stages for
    /// every tangent column block: K_s = J(X_s)(Q + dt Σ a_sj K_j), Q ← Q + dt Σ b_s K_s.
    /// </summary>
    private void Rk4Step(bool contraction)
    {
        for (int s = 0; s < 4; s++)
            Rk4StateStage(s, contraction);
        for (int first = 0; first < k; first += LyapunovTile<T>.ColumnBlock)
        {
            int columns = Math.Min(LyapunovTile<T>.ColumnBlock, k - first);
            for (int s = 0; s < 4; s++)
                Rk4TangentStage(s, first, columns);
        }
    }

    /// <summary>
    /// Stage <paramref name="s"/> of classic RK4 for the state: K_s = f(X_s) with its linearisation kept, Next
    /// accumulates dt b_s K_s, and Stage becomes X_{s+1} = x + dt a_{s+1,s} K_s.
    /// </summary>
    private void Rk4StateStage(int s, bool contraction)
    {
        T dtT = T.CreateTruncating(plan.Dt);
        var x = w.X.AsSpan();
        var slope = w.Slope.AsSpan();
        var stage = w.Stage.AsSpan();
        var next = w.Next.AsSpan();
        field.EvaluateLinearised(tile, s == 0 ? x : stage, slope, w.Linearisation[s], w.Scratch);
        if (contraction)
            AddContraction(s == 0 ? w.X : w.Stage, w.Linearisation[s], s is 0 or 3 ? plan.Dt / 6 : plan.Dt / 3, w.Frozen);
        var weight = new Vector<T>(s is 0 or 3 ? dtT / T.CreateTruncating(6) : dtT / T.CreateTruncating(3));
        if (s == 3)
        {
            for (int i = 0; i < n; i++)
                next[i] = SimdMath.Fma(weight, slope[i], next[i]);
            return;
        }
        var toNext = new Vector<T>(s == 2 ? dtT : dtT / T.CreateTruncating(2));
        for (int i = 0; i < n; i++)
        {
            next[i] = SimdMath.Fma(weight, slope[i], s == 0 ? x[i] : next[i]);
            stage[i] = SimdMath.Fma(toNext, slope[i], x[i]);
        }
    }

    /// <summary>Stage <paramref name="s"/> of the same step for the tangent columns first … first + columns − 1 (one block).</summary>
    private void Rk4TangentStage(int s, int first, int columns)
    {
        T dtT = T.CreateTruncating(plan.Dt);
        int size = columns * n;
        var q = w.Q.AsSpan(first * n, size);
        var a = w.BlockAcc.AsSpan(0, size);
        var st = w.BlockStage.AsSpan(0, size);
        var kq = w.BlockSlope.AsSpan(0, size);
        field.Jvp(tile, w.Linearisation[s], s == 0 ? q : st, kq, columns, w.BlockScratch);
        var weight = new Vector<T>(s is 0 or 3 ? dtT / T.CreateTruncating(6) : dtT / T.CreateTruncating(3));
        if (s == 3)
        {
            for (int p = 0; p < size; p++)
                q[p] = SimdMath.Fma(weight, kq[p], a[p]);
            return;
        }
        var toNext = new Vector<T>(s == 2 ? dtT : dtT / T.CreateTruncating(2));
        for (int p = 0; p < size; p++)
        {
            a[p] = SimdMath.Fma(weight, kq[p], s == 0 ? q[p] : a[p]);
            st[p] = SimdMath.Fma(toNext, kq[p], q[p]);
        }
    }

    /// <summary>
    /// The sum rule's integrand: a flow's tr J from the tile linearisation where the field offers it (O(n) per tile),
    /// else the reference field's in float64, lane by lane (maps' log |det J|, user models): O(n) to O(n²) per member
    /// against the O(n² k) tangent work.
    /// </summary>
    private void AddContraction(ReadOnlySpan<Vector<T>> state, ReadOnlySpan<Vector<T>> lin, double weight, Vector<T> frozen)
    {
        if (!isMap && field.TryTrace(tile, lin, out var trace))
        {
            if (typeof(T) == typeof(double))
            {
                // Summed in the tile's lanes and moved to the members once per interval (FlushContraction).
                w.ContractionLanes += Vector.ConditionalSelect(frozen.As<T, double>(), Vector<double>.Zero, new Vector<double>(weight) * trace.As<T, double>());
                return;
            }
            for (int l = 0; l < Count; l++)
            {
                if (frozen[l] == T.Zero)
                    acc.ContractionIntegral[tile * Lanes + l] += weight * double.CreateTruncating(trace[l]);
            }
            return;
        }
        for (int l = 0; l < Count; l++)
        {
            if (frozen[l] != T.Zero)
                continue;
            for (int i = 0; i < n; i++)
                w.LaneState[i] = double.CreateTruncating(state[i][l]);
            int m = tile * Lanes + l;
            acc.ContractionIntegral[m] += weight * w.ReferenceField.Contraction(m, w.LaneState);
        }
    }

    private void Orthonormalise() => LaneGramSchmidt.Factor<T>(w.Q, n, k, w.R);

    private void Load(double[] soa, Vector<T>[] target)
    {
        Span<T> lanes = stackalloc T[Lanes];
        for (int i = 0; i < n; i++)
        {
            for (int l = 0; l < Lanes; l++)
                lanes[l] = T.CreateTruncating(soa[(long)i * plan.Members + Math.Min(tile * Lanes + l, plan.Members - 1)]);
            target[i] = new Vector<T>(lanes);
        }
    }
}
