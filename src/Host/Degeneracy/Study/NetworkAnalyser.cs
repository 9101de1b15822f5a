using FastAttractors.Training;

namespace FastAttractors.Degeneracy;

/// <summary>
/// The per-network half of a study: states on the shared analysis trials, OOD loss, the DSA operator and its
/// self-distance (against the operator of the shared second trial set), fixed points at zero input (u* = 0: between
/// pulses for flip-flop) from starts sampled on those states, the principal plane, and the driven Lyapunov spectrum
/// when asked for (on the shared drive, steps × inputs). A continuous network (<see cref="DegeneracyStudySpec.Dynamics"/>)
/// gets the same analysis of its own recurrence: its state variable h recorded, fixed points of its flow (stable when
/// every Re λ &lt; 0), and both kinds of exponents from its Euler map per step.
/// </summary>
internal sealed class NetworkAnalyser(DegeneracyStudySpec spec, TaskBatch analysisTrials, TaskBatch oodTrials, TaskBatch selfTrials, double[,]? drive)
{
    /// <summary>What pair comparisons need from one network beyond its row.</summary>
    public sealed record Features(double[,] Weights, double[,] States, double[,]? DsaOperator);

    private const int PlottedTrials = 2;

    public (NetworkAnalysis Row, Features? Features) Analyse(NetworkAnalysis row, EnsembleMemberResult trained, int index)
    {
        var final = trained.Final;
        var w = RnnStates.RecurrentWeights(final);
        var weightsBefore = RnnStates.RecurrentWeights(trained.Initial);
        row = row with { WeightNorm = Dense.FrobeniusNorm(w), WeightChange = Distance(w, weightsBefore) };
        if (!final.AllFinite())
            return (row with { Failure = row.Failure ?? "non-finite parameters" }, null);
        var dynamics = spec.Dynamics;
        double ood = new BatchedRnnGradient(final.Shape, threads: 1, dynamics).Compute(final, oodTrials, null).Mean;
        var trials = RnnStates.Record(final, analysisTrials, dynamics);
        var states = RnnStates.Stack(trials);
        row = row with { OodLoss = ood };
        double[,]? dsa = null;
        try
        {
            dsa = DynamicalSimilarity.FitOperator(trials, spec.Dsa);
        }
        catch (ArgumentException error)
        {
            // A network whose states have lower rank than the DSA rank (e.g. saturated) has no operator: its pairs get NaN.
            row = row with { Failure = $"DSA operator: {error.Message}" };
        }
        if (dsa is not null)
            row = row with { DsaSelf = SelfDistance(dsa, RnnStates.Record(final, selfTrials, dynamics), spec.Dsa) };
        if (spec.DrivenExponents > 0 && drive is not null)
            row = row with { DrivenExponents = DrivenSpectrum(final, w) };
        // The caller's estimator knows the discrete map only; a continuous network's autonomous exponents come from here.
        if (spec.Exponents > 0 && dynamics.IsContinuous)
            row = row with { Exponents = AutonomousContinuousSpectrum(final, spec, spec.Exponents) };
        if (final.Shape.Hidden >= 2)
        {
            var plane = PrincipalPlane.Fit(states);
            var starts = FixedPointFinder.SampleStarts(trials, spec.FixedPointStarts, spec.Seed + index);
            // The continuous network's fixed points are those of its flow (the Euler steps share them), with τ in steps so
            // that the eigenvalues, like the discrete map's, are per step; stable means every Re λ < 0.
            var network = dynamics.IsContinuous
                ? TanhNetwork.Continuous(w, final.B.ToArray(), dynamics.TauInSteps)
                : TanhNetwork.Discrete(w, final.B.ToArray());
            var points = FixedPointFinder.Find(network, starts, spec.FixedPoints with { MaxDegreeOfParallelism = 1, Seed = spec.Seed + index });
            var trajectory = new List<(double, double)>();
            foreach (var trial in trials.Take(PlottedTrials))
            {
                var h = new double[trial.GetLength(1)];
                for (int t = 0; t < trial.GetLength(0); t++)
                {
                    for (int j = 0; j < h.Length; j++)
                        h[j] = trial[t, j];
                    trajectory.Add(plane.Project(h));
                }
            }
            var fixedPoints = points.FixedPoints.ToArray();
            row = row with
            {
                PlaneExplained = plane.ExplainedVariance,
                Trajectory = trajectory,
                PlanePoints = [.. points.Points.Select(p => { var (a, b) = plane.Project(p.State); return new PlanePoint(a, b, p.IsFixedPoint, p.Stability); })],
                FixedPoints = fixedPoints.Length,
                StableFixedPoints = fixedPoints.Count(p => p.Stability == StabilityClass.Stable),
                SaddleFixedPoints = fixedPoints.Count(p => p.Stability == StabilityClass.Saddle),
                SlowPoints = points.SlowPoints.Count(),
            };
        }
        return (row, new Features(w, states, dsa));
    }

    /// <summary>
    /// The DSA distance between a network's operator on the analysis trials and its operator on
    /// <paramref name="secondTrials"/> (its states on another trial set): the noise floor of its pair distances.
    /// </summary>
    // The second trial set's operator can fail where the first did not (its states happen to have lower rank): the
    // floor is then unknown (NaN), which is not a failure of the network.
    public static double SelfDistance(double[,] operatorOnAnalysisTrials, IReadOnlyList<double[,]> secondTrials, DsaOptions dsa)
    {
        try
        {
            var second = DynamicalSimilarity.FitOperator(secondTrials, dsa);
            return DynamicalSimilarity.OperatorDistance(operatorOnAnalysisTrials, second, dsa with { MaxDegreeOfParallelism = 1 });
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    private double[] DrivenSpectrum(RnnParameters final, double[,] w)
    {
        int n = final.Shape.Hidden, k = Math.Min(spec.DrivenExponents, n);
        var u = InputWeights(final);
        var spectrum = spec.Dynamics.IsContinuous
            ? DrivenLyapunov.ContinuousSpectrum(w, u, final.B.ToArray(), drive!, k, DegeneracyStudy.LyapunovTransient, spec.Dynamics.Alpha)
            : DrivenLyapunov.Spectrum(w, u, final.B.ToArray(), drive!, k, DegeneracyStudy.LyapunovTransient);
        return [.. spectrum, .. Enumerable.Repeat(double.NaN, spec.DrivenExponents - spectrum.Length)];
    }

    /// <summary>
    /// The leading <paramref name="count"/> exponents per step of a continuous network's autonomous flow
    /// h ← h + α (−h + W tanh(h) + b): its Euler map (zero drive) from h₀ ~ N(0, 0.1²) drawn as the CLI's discrete
    /// estimator draws its start (counter-based, purpose RnnSpectrumStart, the study seed), transient
    /// <see cref="DegeneracyStudy.LyapunovTransient"/> steps, then <see cref="DegeneracyStudySpec.LyapunovIterations"/>;
    /// NaN beyond n.
    /// </summary>
    public static double[] AutonomousContinuousSpectrum(RnnParameters final, DegeneracyStudySpec spec, int count)
    {
        int n = final.Shape.Hidden, m = final.Shape.Inputs;
        ulong stream = CounterRandom.Stream(0, CounterRandom.Purpose.RnnSpectrumStart);
        var start = new double[n];
        for (int i = 0; i < n; i++)
            start[i] = 0.1 * CounterRandom.Normal((ulong)spec.Seed, stream, (ulong)i);
        var silence = new double[DegeneracyStudy.LyapunovTransient + spec.LyapunovIterations, m];
        var spectrum = DrivenLyapunov.ContinuousSpectrum(RnnStates.RecurrentWeights(final), InputWeights(final), final.B.ToArray(), silence,
            Math.Min(count, n), DegeneracyStudy.LyapunovTransient, spec.Dynamics.Alpha, start);
        return [.. spectrum, .. Enumerable.Repeat(double.NaN, count - spectrum.Length)];
    }

    private static double[,] InputWeights(RnnParameters parameters) =>
        Dense.FromRowMajor(parameters.U, parameters.Shape.Hidden, parameters.Shape.Inputs);

    private static double Distance(double[,] a, double[,] b)
    {
        double sum = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                sum += (a[i, j] - b[i, j]) * (a[i, j] - b[i, j]);
        return Math.Sqrt(sum);
    }
}
