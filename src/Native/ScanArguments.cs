namespace FastAttractors.Native;

/// <summary>
/// The C names of a scan's library properties: <see cref="ScanPlan.Create"/> names the property at fault
/// (Exponents, Dt, …); the C caller passed it as an argument (k, dt, …), so the error names that argument instead.
/// </summary>
internal static class ScanArguments
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [nameof(ScanProblem.N)] = "n",
        [nameof(ScanProblem.Connectivity)] = "connectivity",
        [nameof(ScanProblem.Axes)] = "axes",
        [nameof(ScanProblem.Members)] = "members",
        [nameof(ScanProblem.Seed)] = "seed",
        [nameof(ScanProblem.InitialStateStd)] = "x0_std",
        [nameof(ScanOptions.Dt)] = "dt",
        [nameof(ScanOptions.Transient)] = "transient",
        [nameof(ScanOptions.Duration)] = "duration",
        [nameof(ScanOptions.Every)] = "every",
        [nameof(ScanOptions.Exponents)] = "k",
        [nameof(ScanOptions.Blocks)] = "blocks",
        [nameof(ScanOptions.Tolerance)] = "tolerance",
        [nameof(ScanOptions.ChunkRows)] = "chunk",
    };

    /// <summary>
    /// The options of both scan exports from their C arguments: a real passed as NaN or an integer passed as 0 takes
    /// the library's default.
    /// </summary>
    public static ScanOptions Options(Precision precision, double dt, double transient, double duration, int every, int k, int blocks,
        double tolerance, int chunk) => new()
    {
        Dt = double.IsNaN(dt) ? null : dt,
        Transient = double.IsNaN(transient) ? null : transient,
        Duration = double.IsNaN(duration) ? null : duration,
        Every = every == 0 ? null : every,
        Exponents = k == 0 ? null : k,
        Blocks = blocks == 0 ? ScanOptions.Default.Blocks : blocks,
        Tolerance = double.IsNaN(tolerance) ? ScanOptions.Default.Tolerance : tolerance,
        Precision = precision,
        ChunkRows = chunk == 0 ? ScanOptions.Default.ChunkRows : chunk,
    };

    public static ScanPlan Plan(ScanProblem problem, ScanOptions options)
    {
        try
        {
            return ScanPlan.Create(problem, options);
        }
        catch (ArgumentException e) when (e.ParamName is { } property && Names.TryGetValue(property, out var name))
        {
            string first = e.Message.Split('\n')[0].Replace($" (Parameter '{property}')", "", StringComparison.Ordinal);
            string rest = first.StartsWith(property + ":", StringComparison.Ordinal) ? first[property.Length..] : ": " + first;
            throw new ArgumentException(name + rest, name);
        }
    }
}
