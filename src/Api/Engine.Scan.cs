namespace FastAttractors;

public sealed partial class Engine
{
    /// <summary>
    /// Lyapunov spectra over a grid of networks (<see cref="ScanProblem"/>): every row of the plan, computed chunk by
    /// chunk (<see cref="ScanOptions.ChunkRows"/> rows as one ensemble). The same rows as the CLI's <c>scan</c> of the
    /// same spec, bit for bit. <paramref name="progress"/> hears after each chunk; <paramref name="cancellation"/> is
    /// checked between chunks.
    /// <code>
    /// var problem = new ScanProblem
    /// {
    ///     Family = ScanFamily.RotationFlow,
    ///     Axes = [ScanAxis.Linspace("alpha", 0, 10, 64), ScanAxis.Linspace("theta", 0, Math.PI, 64)],
    /// };
    /// var scan = engine.Scan(problem, new ScanOptions { Transient = 100, Duration = 200 });
    /// double lambda1 = scan.Exponents[0 * scan.K];           // row 0: alpha = 0, theta = 0
    /// </code>
    /// </summary>
    public ScanResult Scan(ScanProblem problem, ScanOptions? options = null, IProgress<ScanProgress>? progress = null, CancellationToken cancellation = default) =>
        Scan(ScanPlan.Create(problem, options), progress, cancellation);

    /// <summary>Every row of <paramref name="plan"/>, chunk by chunk; see <see cref="Scan(ScanProblem, ScanOptions?, IProgress{ScanProgress}?, CancellationToken)"/>.</summary>
    public ScanResult Scan(ScanPlan plan, IProgress<ScanProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parts = new List<ScanResult>(plan.Chunks);
        long done = 0;
        for (int chunk = 0; chunk < plan.Chunks; chunk++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (start, end) = plan.ChunkRange(chunk);
            parts.Add(ScanRows(plan, start, end));
            done += end - start;
            progress?.Report(new ScanProgress(done, plan.Rows));
        }
        return ScanResult.Concat(plan, parts);
    }

    /// <summary>
    /// Rows [<paramref name="startRow"/>, <paramref name="endRow"/>) of <paramref name="plan"/> as one ensemble: what a
    /// resumable writer calls per chunk (<see cref="ScanPlan.ChunkRange"/>), or a shard per process
    /// (<see cref="ScanPlan.ShardRows"/>). A row's result depends on the plan and its index only.
    /// </summary>
    public ScanResult ScanRows(ScanPlan plan, long startRow, long endRow)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (startRow < 0 || endRow < startRow || endRow > plan.Rows)
            throw new ArgumentOutOfRangeException(nameof(startRow), startRow, $"startRow, endRow: [{startRow}, {endRow}) is not a range of the plan's rows 0 … {plan.Rows}.");
        if (endRow - startRow > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(endRow), endRow, $"endRow: {endRow - startRow} rows are more than one ensemble may hold; run them in chunks.");
        var rows = new long[endRow - startRow];
        for (int j = 0; j < rows.Length; j++)
            rows[j] = startRow + j;
        return ScanRowRunner.Run(this, plan, rows);
    }

    /// <summary>Any rows of <paramref name="plan"/>, in the order given, as one ensemble (e.g. a subsample of the grid).</summary>
    public ScanResult ScanRows(ScanPlan plan, IReadOnlyList<long> rows) => ScanRowRunner.Run(this, plan, rows);
}
