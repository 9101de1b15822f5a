using System.Runtime.InteropServices;

namespace FastAttractors.Native;

/// <summary>fa_scan_axis of fastattractors.h: an axis's name (UTF-8, NUL-terminated), kind and values.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeScanAxis
{
    public byte* Name;
    public int Kind;
    public double* Values;
    public long ValuesLength;
}

/// <summary>fa_scan_diagnostics of fastattractors.h: six per-row output arrays, each with its length.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeScanDiagnostics
{
    public double* ExponentSum;
    public long ExponentSumLength;
    public double* KaplanYorke;
    public long KaplanYorkeLength;
    public double* PositiveSum;
    public long PositiveSumLength;
    public double* SumRuleResidual;
    public long SumRuleResidualLength;
    public double* Contraction;
    public long ContractionLength;
    public long* FailedStep;
    public long FailedStepLength;
}

/// <summary>
/// The C caller's family and axes as the library's <see cref="ScanFamily"/> and <see cref="ScanAxis"/> list, every
/// fault named by the argument at fault (family, axis_count, axes[i].name, axes[i].values_len, …), before anything of
/// the grid's size is allocated.
/// </summary>
internal static unsafe class ScanAxes
{
    /// <summary>The most values a list axis may hold (as a linspace's count).</summary>
    private const long MaxValues = 1 << 24;

    public static ScanFamily Family(int family) => family switch
    {
        0 => ScanFamily.RotationFlow,
        1 => ScanFamily.RotationMap,
        2 => ScanFamily.TanhGain,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family,
            $"family: 0 (FA_SCAN_ROTATION_FLOW), 1 (FA_SCAN_ROTATION_MAP) or 2 (FA_SCAN_TANH_GAIN), got {family}."),
    };

    public static ScanAxis[] Read(ScanFamily family, NativeScanAxis* axes, int count)
    {
        var names = ScanFamilies.AxisNames(family);
        if (count < 1 || count > names.Count)
            throw new ArgumentOutOfRangeException("axis_count", count,
                $"axis_count: family '{ScanFamilies.Name(family)}' takes the axes {string.Join(" and ", names)}, so {names.Count}, got {count}.");
        NativeArrays.RequirePointer(axes, "axes");
        var result = new ScanAxis[count];
        for (int i = 0; i < count; i++)
        {
            var axis = axes[i];
            string at = $"axes[{i}]";
            NativeArrays.RequirePointer(axis.Name, at + ".name");
            string name = Marshal.PtrToStringUTF8((nint)axis.Name) ?? "";
            if (ScanFamilies.AxisProblem(family, name) is { } nameProblem)
                throw new ArgumentException($"{at}.name: {nameProblem}.", at + ".name");
            if (Array.Exists(result, a => a is not null && a.Name == name))
                throw new ArgumentException($"{at}.name: the axis '{name}' is given twice.", at + ".name");
            if (axis.Kind is < 0 or > 2)
                throw new ArgumentOutOfRangeException(at + ".kind", axis.Kind,
                    $"{at}.kind: 0 (FA_SCAN_LINSPACE), 1 (FA_SCAN_LOGSPACE) or 2 (FA_SCAN_LIST), got {axis.Kind}.");
            var kind = (ScanAxisKind)axis.Kind;
            if (kind == ScanAxisKind.List ? axis.ValuesLength is < 1 or > MaxValues : axis.ValuesLength != 3)
                throw new ArgumentOutOfRangeException(at + ".values_len", axis.ValuesLength, kind == ScanAxisKind.List
                    ? $"{at}.values_len: a list holds 1 to {MaxValues} values, got {axis.ValuesLength}."
                    : $"{at}.values_len: {ScanAxis.KindNames[axis.Kind]} takes 3 values (start, stop, count), got {axis.ValuesLength}.");
            NativeArrays.RequirePointer(axis.Values, at + ".values");
            var definition = new ScanAxis(name, kind, new ReadOnlySpan<double>(axis.Values, (int)axis.ValuesLength).ToArray());
            if (definition.Problem() is { } problem)
                throw new ArgumentException($"{at}.values: {problem}.", at + ".values");
            result[i] = definition;
        }
        var missing = names.Where(n => !Array.Exists(result, a => a.Name == n)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"axes: family '{ScanFamilies.Name(family)}' needs the axis {string.Join(" and ", missing)}.", "axes");
        return result;
    }

    /// <summary>Rows (product of the axis counts × members, exactly) and exponent columns k of a scan.</summary>
    public static (long Rows, int K) Sizes(ScanFamily family, ScanAxis[] axes, int n, int members, int k)
    {
        bool rotation = family != ScanFamily.TanhGain;
        if (rotation && n is not 0 and not 2)
            throw new ArgumentOutOfRangeException(nameof(n), n, $"n: the rotation-block families are 2-D (give 0 or 2), got {n}.");
        if (!rotation)
            NativeArrays.Count(n, "n");
        NativeArrays.Count(members, "members");
        NativeArrays.Count(k, "k", minimum: 0);
        int dimension = rotation ? 2 : n;
        if (rotation && k > 2)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k: the rotation-block networks are 2-D, so 1 or 2 exponents (0 for both), got {k}.");
        if (k > dimension)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k: at most n = {dimension} exponents (0 for all), got {k}.");
        Span<long> factors = stackalloc long[axes.Length + 1];
        for (int i = 0; i < axes.Length; i++)
            factors[i] = axes[i].Count;
        factors[^1] = members;
        long rows = ElementCounts.Product("members", "the rows are the product of the axis counts × members", factors);
        return (rows, k == 0 ? dimension : k);
    }
}
