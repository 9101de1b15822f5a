using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>
    /// fa_scan_rotation_f64 / _f32: Lyapunov spectra over an α × θ grid of the rotation-block flow or map
    /// (<see cref="Engine.Scan(ScanProblem, ScanOptions?, IProgress{ScanProgress}?, CancellationToken)"/>), the same rows
    /// as the CLI's <c>scan</c> of the same spec. Reals given as NaN and integers given as 0 take the library's default.
    /// Rows run α-major, then θ, then member; every output is checked before the scan runs.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ScanRotation(nint context, int dtype, int family,
        double alphaStart, double alphaStop, int alphaCount, double thetaStart, double thetaStop, int thetaCount,
        int members, long seed, double x0Std, double dt, double transient, double duration, int every, int k,
        int blocks, double tolerance, int chunk,
        double* alpha, long alphaLength, double* theta, long thetaLength, long* seeds, long seedsLength,
        double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var scanFamily = family switch
            {
                0 => ScanFamily.RotationFlow,
                1 => ScanFamily.RotationMap,
                _ => throw new ArgumentOutOfRangeException(nameof(family), family, $"family: 0 (FA_SCAN_ROTATION_FLOW) or 1 (FA_SCAN_ROTATION_MAP), got {family}."),
            };
            NativeArrays.Count(alphaCount, "alpha_count");
            NativeArrays.Count(thetaCount, "theta_count");
            NativeArrays.Count(members, "members");
            NativeArrays.Count(every, "every", minimum: 0);
            NativeArrays.Count(k, "k", minimum: 0);
            if (k > 2)
                throw new ArgumentOutOfRangeException(nameof(k), k, $"k: the rotation-block networks are 2-D, so 1 or 2 exponents (0 for both), got {k}.");
            NativeArrays.Count(blocks, "blocks", minimum: 0);
            NativeArrays.Count(chunk, "chunk", minimum: 0);
            var problem = new ScanProblem
            {
                Family = scanFamily,
                Axes = [ScanAxis.Linspace("alpha", alphaStart, alphaStop, alphaCount), ScanAxis.Linspace("theta", thetaStart, thetaStop, thetaCount)],
                Members = members,
                Seed = seed,
                InitialStateStd = x0Std,
            };
            var options = ScanArguments.Options(type.Precision(), dt, transient, duration, every, k, blocks, tolerance, chunk);
            // Sizes first, before the plan (which refuses a chunk that does not fit in memory) and the run.
            long rows = ElementCounts.Product("members", "the rows are alpha_count·theta_count·members", alphaCount, thetaCount, members);
            int kOut = k == 0 ? 2 : k;
            long spectra = ElementCounts.Product("k", "the spectra need rows·k", rows, kOut);
            NativeArrays.CheckOutput(alpha, alphaLength, rows, "alpha", "rows");
            NativeArrays.CheckOutput(theta, thetaLength, rows, "theta", "rows");
            NativeArrays.CheckOutput(seeds, seedsLength, rows, "seeds", "rows");
            NativeArrays.CheckOutput(exponents, exponentsLength, spectra, "exponents", $"rows·k = {rows}·{kOut}");
            NativeArrays.CheckOutput(errors, errorsLength, spectra, "errors", $"rows·k = {rows}·{kOut}");
            NativeArrays.CheckOutput(status, statusLength, rows, "status", "rows");
            foreach (var (axis, name) in new[] { (problem.Axes[0], "alpha"), (problem.Axes[1], "theta") })
            {
                if (axis.Problem() is { } problemText)
                    throw new ArgumentException($"{name}_start, {name}_stop, {name}_count: {problemText}.", name + "_count");
            }
            var plan = ScanArguments.Plan(problem, options);

            var result = engine.Scan(plan);

            NativeArrays.WriteDoubles(result.Parameter("alpha"), alpha);
            NativeArrays.WriteDoubles(result.Parameter("theta"), theta);
            result.Seeds.CopyTo(new Span<long>(seeds, result.Count));
            NativeArrays.WriteDoubles(result.Exponents, exponents);
            NativeArrays.WriteDoubles(result.StandardErrors, errors);
            for (int r = 0; r < result.Count; r++)
                status[r] = (int)result.Status[r];
        });
    }
}
