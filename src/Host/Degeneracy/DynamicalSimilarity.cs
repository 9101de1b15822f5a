namespace FastAttractors.Degeneracy;

/// <summary>
/// Dynamical Similarity Analysis (Ostrow et al., NeurIPS 2023) between systems given by their state trajectories:
/// each system's trials (each time × n; systems may differ in n) are reduced to an r × r operator by
/// <see cref="DmdOperator"/> (delay embedding + reduced-rank DMD), and two operators are compared by
/// <see cref="OrthogonalSimilarity"/>: min over orthogonal C of ‖A_x − C A_y Cᵀ‖_F (or its angular form).
/// <para>Invariances: an orthogonal change of state coordinates (y = Q h) leaves the distance 0 up to the optimiser's
/// tolerance; a general invertible change does not (the distance is over orthogonal, not all, similarities).</para>
/// <para>Exact vs approximate: the operators are exact least-squares fits; the minimum over C is a best local minimum
/// from several starts (an upper bound on the true distance). Symmetric in the two systems.</para>
/// </summary>
public static class DynamicalSimilarity
{
    /// <summary>The DSA operator of one system's trials.</summary>
    public static double[,] FitOperator(IReadOnlyList<double[,]> trials, DsaOptions? options = null)
    {
        options ??= new DsaOptions();
        options.Validate();
        return DmdOperator.Fit(trials, options.Delays, options.Rank, options.Ridge);
    }

    /// <summary>Distance between two already fitted operators (same size).</summary>
    public static double OperatorDistance(double[,] ax, double[,] ay, DsaOptions? options = null)
    {
        options ??= new DsaOptions();
        options.Validate();
        var fit = OrthogonalSimilarity.Fit(ax, ay, options.RandomStarts, options.MaxIterations, options.Seed);
        return options.Metric == DsaMetric.Angular ? fit.AngularDistance : fit.Distance;
    }

    /// <summary>Distance between two systems given by their trials.</summary>
    public static double Distance(IReadOnlyList<double[,]> x, IReadOnlyList<double[,]> y, DsaOptions? options = null) =>
        OperatorDistance(FitOperator(x, options), FitOperator(y, options), options);

    /// <summary>
    /// The symmetric matrix of distances between all pairs of <paramref name="systems"/> (each a list of trials), zero
    /// on the diagonal: one operator fit per system, then all pairs in parallel.
    /// </summary>
    public static double[,] PairwiseDistances(IReadOnlyList<IReadOnlyList<double[,]>> systems, DsaOptions? options = null)
    {
        Require.NotNull(systems, nameof(systems));
        options ??= new DsaOptions();
        options.Validate();
        int count = systems.Count;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var operators = new double[count][,];
        Parallel.For(0, count, parallel, k => operators[k] = FitOperator(systems[k], options));
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < count; i++)
            for (int j = i + 1; j < count; j++)
                pairs.Add((i, j));
        var distances = new double[count, count];
        Parallel.For(0, pairs.Count, parallel, p =>
        {
            var (i, j) = pairs[p];
            distances[i, j] = distances[j, i] = OperatorDistance(operators[i], operators[j], options);
        });
        return distances;
    }

    /// <summary>
    /// The null distribution of DSA: for each system k, the distance between the operator fitted on
    /// <paramref name="firstTrials"/>[k] and the one fitted on <paramref name="secondTrials"/>[k], two different trial sets
    /// of the same network. Distances between networks are meaningful only where they exceed these.
    /// </summary>
    public static double[] NullDistances(IReadOnlyList<IReadOnlyList<double[,]>> firstTrials, IReadOnlyList<IReadOnlyList<double[,]>> secondTrials, DsaOptions? options = null)
    {
        Require.Matching(firstTrials, secondTrials, nameof(firstTrials), nameof(secondTrials), "one trial set per system");
        options ??= new DsaOptions();
        options.Validate();
        var result = new double[firstTrials.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(0, result.Length, parallel, k => result[k] = Distance(firstTrials[k], secondTrials[k], options));
        return result;
    }
}
