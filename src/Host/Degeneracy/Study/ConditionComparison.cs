namespace FastAttractors.Degeneracy;

/// <summary>
/// The across-network half of a study: every pair of usable networks of one condition (or, for
/// <see cref="DegeneracyPairs.All"/>, of two conditions) at every level, the MDS map of each condition's distance
/// matrices, and the summaries.
/// </summary>
internal static class ConditionComparison
{
    public static IReadOnlyList<NetworkPair> Pairs(IReadOnlyList<NetworkAnalysis> rows, IReadOnlyList<NetworkAnalyser.Features> features,
        DegeneracyStudySpec spec, int threads)
    {
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < rows.Count; i++)
            for (int j = i + 1; j < rows.Count; j++)
                pairs.Add((i, j));
        return Compare(pairs, rows, features, rows, features, spec, threads);
    }

    /// <summary>Every pair of one network of the first condition with one of the second (first-condition network outer).</summary>
    public static IReadOnlyList<NetworkPair> CrossPairs(IReadOnlyList<NetworkAnalysis> firstRows, IReadOnlyList<NetworkAnalyser.Features> firstFeatures,
        IReadOnlyList<NetworkAnalysis> secondRows, IReadOnlyList<NetworkAnalyser.Features> secondFeatures, DegeneracyStudySpec spec, int threads)
    {
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < firstRows.Count; i++)
            for (int j = 0; j < secondRows.Count; j++)
                pairs.Add((i, j));
        return Compare(pairs, firstRows, firstFeatures, secondRows, secondFeatures, spec, threads);
    }

    private static NetworkPair[] Compare(List<(int I, int J)> pairs, IReadOnlyList<NetworkAnalysis> firstRows, IReadOnlyList<NetworkAnalyser.Features> firstFeatures,
        IReadOnlyList<NetworkAnalysis> secondRows, IReadOnlyList<NetworkAnalyser.Features> secondFeatures, DegeneracyStudySpec spec, int threads)
    {
        var result = new NetworkPair[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, p =>
        {
            var (i, j) = pairs[p];
            var (x, y) = (firstRows[i], secondRows[j]);
            var (a, b) = (firstFeatures[i], secondFeatures[j]);
            // The operators are rank × rank whatever the width, so DSA compares networks of different widths as it does equal ones.
            double dsa = a.DsaOperator is null || b.DsaOperator is null ? double.NaN
                : DynamicalSimilarity.OperatorDistance(a.DsaOperator, b.DsaOperator, spec.Dsa with { MaxDegreeOfParallelism = 1 });
            double frobenius = double.NaN, perParameter = double.NaN, relative = double.NaN;
            bool exact = false;
            if (x.Width == y.Width)
            {
                var weights = PermutationWeightDistance.Compute(a.Weights, b.Weights, Math.Min(spec.ExactWeightDistanceUpTo, a.Weights.GetLength(0)));
                double scale = 0.5 * (x.WeightNorm + y.WeightNorm);
                (frobenius, perParameter, relative, exact) = (weights.Frobenius, weights.PerParameter, scale > 0 ? weights.Frobenius / scale : double.NaN, weights.IsExact);
            }
            result[p] = new NetworkPair(x.Condition, x.Index, y.Index, Math.Abs(x.OodLoss - y.OodLoss), dsa, frobenius, perParameter, relative, exact, Cka(a.States, b.States))
            {
                SecondCondition = y.Condition, DsaSelfMax = Math.Max(x.DsaSelf, y.DsaSelf),
            };
        });
        return result;
    }

    // CKA is undefined for a representation constant across samples (a fully saturated network): NaN, not an error.
    private static double Cka(double[,] x, double[,] y)
    {
        try
        {
            return LinearCka.Of(x, y);
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    /// <summary>The rows with their 2-D MDS coordinates at each level (distances among this condition's usable networks).</summary>
    public static IReadOnlyList<NetworkAnalysis> WithMds(IReadOnlyList<NetworkAnalysis> rows, IReadOnlyList<NetworkPair> pairs)
    {
        if (rows.Count < 2)
            return rows;
        var position = rows.Select((r, k) => (r.Index, k)).ToDictionary(x => x.Index, x => x.k);
        (double, double)[]? Embed(Func<NetworkPair, double> distance)
        {
            var d = new double[rows.Count, rows.Count];
            foreach (var p in pairs)
            {
                double v = distance(p);
                if (!double.IsFinite(v))
                    return null;
                d[position[p.First], position[p.Second]] = d[position[p.Second], position[p.First]] = v;
            }
            var c = ClassicalMds.Embed(d, 2).Coordinates;
            return [.. Enumerable.Range(0, rows.Count).Select(k => (c[k, 0], c[k, 1]))];
        }
        var behaviour = Embed(p => p.Behaviour);
        var dynamics = Embed(p => p.Dsa);
        var weights = Embed(p => p.WeightRelative);
        var representation = Embed(p => 1 - p.Cka);
        (double, double) At((double, double)[]? map, int k) => map is null ? (double.NaN, double.NaN) : map[k];
        return [.. rows.Select((r, k) => r with { MdsBehaviour = At(behaviour, k), MdsDynamics = At(dynamics, k), MdsWeights = At(weights, k), MdsRepresentation = At(representation, k) })];
    }

    public static ConditionSummary Summary(string condition, int width, string regulariser, IReadOnlyList<NetworkAnalysis> all, IReadOnlyList<NetworkPair> pairs)
    {
        var usable = all.Where(r => r.Usable).ToArray();
        var ood = usable.Select(r => r.OodLoss).ToArray();
        double mean = ood.Length == 0 ? double.NaN : ood.Average();
        double sd = ood.Length < 2 ? double.NaN : Math.Sqrt(ood.Sum(x => (x - mean) * (x - mean)) / (ood.Length - 1));
        int Count(Training.EnsembleMemberStatus s) => all.Count(r => r.Status == s);
        return new ConditionSummary(condition, width, regulariser, all.Count, Count(Training.EnsembleMemberStatus.Converged), Count(Training.EnsembleMemberStatus.Completed),
            Count(Training.EnsembleMemberStatus.Diverged), Count(Training.EnsembleMemberStatus.Failed), usable.Length, mean, sd,
            Mean(pairs.Select(p => p.Dsa)), Mean(pairs.Select(p => p.WeightPerParameter)), Mean(pairs.Select(p => p.WeightRelative)),
            Mean(pairs.Select(p => 1 - p.Cka)), Mean(usable.Select(r => (double)r.FixedPoints)), Mean(usable.Select(r => (double)r.StableFixedPoints)),
            Mean(usable.Select(r => r.FinalTestLoss)))
        {
            MeanDsaSelf = Mean(usable.Select(r => r.DsaSelf)), DsaAboveSelf = AboveSelf(pairs),
        };
    }

    /// <summary>The pairs between two conditions summarised.</summary>
    public static CrossConditionSummary CrossSummary(string first, string second, IReadOnlyList<NetworkPair> pairs) =>
        new(first, second, pairs.Count, Mean(pairs.Select(p => p.Behaviour)), Mean(pairs.Select(p => p.Dsa)), AboveSelf(pairs),
            Mean(pairs.Select(p => p.WeightRelative)), Mean(pairs.Select(p => 1 - p.Cka)));

    private static double Mean(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }

    // Only pairs where the distance and both floors are known count, so a network without a second operator does not
    // bias the fraction either way.
    private static double AboveSelf(IReadOnlyList<NetworkPair> pairs)
    {
        var known = pairs.Where(p => p.DsaAboveSelf is not null).ToArray();
        return known.Length == 0 ? double.NaN : (double)known.Count(p => p.DsaAboveSelf == true) / known.Length;
    }
}
