using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastAttractors.Native;

public static unsafe partial class Exports
{
    /// <summary>
    /// fa_scan_sizes: checks a scan's family and axes (each fault named as axes[i].name, axes[i].values_len, …) and
    /// writes its rows (the product of the axis counts × members, exact) and exponent columns k (0 for n); nothing runs.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ScanSizes(int family, nint axes, int axisCount, int n, int members, int k, long* rows, int* columns,
        byte* error, int capacity)
    {
        return ErrorReport.Run(error, capacity, () =>
        {
            NativeArrays.RequirePointer(rows, "rows");
            NativeArrays.RequirePointer(columns, "k_out");
            var scanFamily = ScanAxes.Family(family);
            var definitions = ScanAxes.Read(scanFamily, (NativeScanAxis*)axes, axisCount);
            var (count, kOut) = ScanAxes.Sizes(scanFamily, definitions, n, members, k);
            *rows = count;
            *columns = kOut;
        });
    }

    /// <summary>
    /// fa_scan_f64 / _f32: Lyapunov spectra over a grid of any family (rotation-flow, rotation-map, tanh-gain) and
    /// any axes (linspace, logspace, list), the rows of
    /// <see cref="Engine.Scan(ScanProblem, ScanOptions?, IProgress{ScanProgress}?, CancellationToken)"/> bit for bit,
    /// with the per-row axis values (rows × axis_count, row-major), seeds, exponents, errors, status and, when
    /// <paramref name="diagnostics"/> is not NULL, the per-row diagnostics. Reals given as NaN and integers given as 0
    /// take the library's default; every size is checked before the scan runs.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int ScanGeneral(nint context, int dtype, int family, nint axes, int axisCount, int n, double connectivity,
        int members, long seed, double x0Std, double dt, double transient, double duration, int every, int k,
        int blocks, double tolerance, int chunk,
        double* parameters, long parametersLength, long* seeds, long seedsLength,
        double* exponents, long exponentsLength, double* errors, long errorsLength, int* status, long statusLength,
        nint diagnostics, byte* error, int capacity)
    {
        return ErrorReport.Run(context, dtype, error, capacity, (engine, type) =>
        {
            var scanFamily = ScanAxes.Family(family);
            var definitions = ScanAxes.Read(scanFamily, (NativeScanAxis*)axes, axisCount);
            NativeArrays.Count(every, "every", minimum: 0);
            NativeArrays.Count(blocks, "blocks", minimum: 0);
            NativeArrays.Count(chunk, "chunk", minimum: 0);
            var (rows, kOut) = ScanAxes.Sizes(scanFamily, definitions, n, members, k);
            long cells = ElementCounts.Product("axis_count", "the parameters are rows·axis_count", rows, axisCount);
            long spectra = ElementCounts.Product("k", "the spectra need rows·k", rows, kOut);
            NativeArrays.CheckOutput(parameters, parametersLength, cells, "parameters", $"rows·axis_count = {rows}·{axisCount}");
            NativeArrays.CheckOutput(seeds, seedsLength, rows, "seeds", "rows");
            NativeArrays.CheckOutput(exponents, exponentsLength, spectra, "exponents", $"rows·k = {rows}·{kOut}");
            NativeArrays.CheckOutput(errors, errorsLength, spectra, "errors", $"rows·k = {rows}·{kOut}");
            NativeArrays.CheckOutput(status, statusLength, rows, "status", "rows");
            var d = (NativeScanDiagnostics*)diagnostics;
            if (d != null)
            {
                NativeArrays.CheckOutput(d->ExponentSum, d->ExponentSumLength, rows, "diagnostics->exponent_sum", "rows");
                NativeArrays.CheckOutput(d->KaplanYorke, d->KaplanYorkeLength, rows, "diagnostics->kaplan_yorke", "rows");
                NativeArrays.CheckOutput(d->PositiveSum, d->PositiveSumLength, rows, "diagnostics->positive_sum", "rows");
                NativeArrays.CheckOutput(d->SumRuleResidual, d->SumRuleResidualLength, rows, "diagnostics->sum_rule_residual", "rows");
                NativeArrays.CheckOutput(d->Contraction, d->ContractionLength, rows, "diagnostics->contraction", "rows");
                NativeArrays.CheckOutput(d->FailedStep, d->FailedStepLength, rows, "diagnostics->failed_step", "rows");
            }
            var problem = new ScanProblem
            {
                Family = scanFamily,
                Axes = definitions,
                N = n == 0 ? null : n,
                Connectivity = double.IsNaN(connectivity) ? null : connectivity,
                Members = members,
                Seed = seed,
                InitialStateStd = x0Std,
            };
            var options = ScanArguments.Options(type.Precision(), dt, transient, duration, every, k, blocks, tolerance, chunk);
            var plan = ScanArguments.Plan(problem, options);

            var result = engine.Scan(plan);

            for (int a = 0; a < axisCount; a++)
            {
                var column = result.Parameter(a);
                for (int r = 0; r < result.Count; r++)
                    parameters[(long)r * axisCount + a] = column[r];
            }
            result.Seeds.CopyTo(new Span<long>(seeds, result.Count));
            NativeArrays.WriteDoubles(result.Exponents, exponents);
            NativeArrays.WriteDoubles(result.StandardErrors, errors);
            for (int r = 0; r < result.Count; r++)
                status[r] = (int)result.Status[r];
            if (d != null)
            {
                NativeArrays.WriteDoubles(result.ExponentSum, d->ExponentSum);
                NativeArrays.WriteDoubles(result.KaplanYorkeDimension, d->KaplanYorke);
                NativeArrays.WriteDoubles(result.PositiveSum, d->PositiveSum);
                NativeArrays.WriteDoubles(result.SumRuleResidual, d->SumRuleResidual);
                NativeArrays.WriteDoubles(result.Contraction, d->Contraction);
                result.FailedStep.CopyTo(new Span<long>(d->FailedStep, result.Count));
            }
        });
    }
}
