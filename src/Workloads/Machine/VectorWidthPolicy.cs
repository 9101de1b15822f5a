using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;

namespace FastAttractors.Bench.Machine;

/// <summary>
/// Which width Vector&lt;T&gt; (every Simd path) should have. The runtime fixes it when the process starts and keeps it at
/// 256 bits on AVX-512 CPUs unless DOTNET_PreferredVectorBitWidth and DOTNET_MaxVectorTBitWidth say 512; it reads them
/// from the environment only (runtimeconfig.json properties of those names are ignored, tested on .NET 10). Measured:
/// W1 on Sapphire Rapids 1.73e7 → 2.66e7 member-steps/s at 512 bits, on Zen 4 4–29 % faster. So on a CPU whose
/// runtime accelerates 512-bit vectors, the process relaunches itself once with both variables at 512
/// (<see cref="VectorWidthRelaunch"/>); everywhere else nothing changes. <see cref="OverrideVariable"/> overrides.
/// </summary>
internal static class VectorWidthPolicy
{
    public const string OverrideVariable = "FASTATTRACTORS_VECTOR_WIDTH";

    /// <summary>Set in the relaunched child (to the width it was given): a second relaunch never happens.</summary>
    public const string RelaunchedVariable = "FASTATTRACTORS_VECTOR_WIDTH_RELAUNCHED";

    public const string PreferredVariable = "DOTNET_PreferredVectorBitWidth";

    public const string MaxVectorTVariable = "DOTNET_MaxVectorTBitWidth";

    public const string Usage = OverrideVariable + "=native|512|256|128: Vector<T>'s width for the Simd paths (unset: 512 bits on CPUs with AVX-512, the runtime's default elsewhere; native: the runtime's default)";

    /// <summary>The runtime reads its knobs under either prefix; a user's own setting of either is respected.</summary>
    private static readonly string[] RuntimeVariables =
        [PreferredVariable, MaxVectorTVariable, "COMPlus_PreferredVectorBitWidth", "COMPlus_MaxVectorTBitWidth"];

    /// <param name="hasAvx512">the runtime accelerates 512-bit vectors (Vector512.IsHardwareAccelerated): AVX-512 is
    /// present and the runtime does not consider it slower on this CPU.</param>
    /// <param name="currentBits">Vector&lt;T&gt;'s width in this process.</param>
    /// <param name="overrideValue"><see cref="OverrideVariable"/>'s value, or null when unset.</param>
    /// <param name="runtimeSetting">the user's own DOTNET_/COMPlus_ vector-width variables ("NAME=VALUE"), or null when none.</param>
    /// <param name="relaunchedBits"><see cref="RelaunchedVariable"/>'s value: non-null in a relaunched child.</param>
    /// <exception cref="ArgumentException">the override is none of native, 512, 256, 128.</exception>
    public static VectorWidthDecision Decide(bool hasAvx512, int currentBits, string? overrideValue, string? runtimeSetting, string? relaunchedBits)
    {
        int? target = ParseOverride(overrideValue, out bool native);
        string asked = target is null
            ? $"the default on CPUs with AVX-512; {OverrideVariable}=native keeps the runtime's default"
            : $"as {OverrideVariable}={target} asks";
        if (relaunchedBits is not null)
            return Stay($"relaunched with {PreferredVariable}={relaunchedBits} and {MaxVectorTVariable}={relaunchedBits}, {asked}");
        if (native)
            return Stay($"the runtime's default, as {OverrideVariable}=native asks");
        if (target is null)
        {
            if (runtimeSetting is not null)
                return Stay($"set by {runtimeSetting} in the environment");
            if (!hasAvx512)
                return Stay("the runtime's default: the runtime accelerates no 512-bit vectors on this CPU");
            if (currentBits >= 512)
                return Stay("512-bit vectors already");
            return new(512, $"the CPU has AVX-512 and Vector<T> started at {currentBits} bits");
        }
        if (target == currentBits)
            return Stay($"as {OverrideVariable}={target} asks");
        if (target < currentBits || (target == 512 && hasAvx512))
            return new(target, $"{OverrideVariable}={target} and Vector<T> started at {currentBits} bits");
        return Stay($"{OverrideVariable}={target} asks for more than this CPU's runtime accelerates; the runtime's default");
    }

    /// <summary>The decision for this process, from its CPU and environment.</summary>
    public static VectorWidthDecision ForThisProcess() => Decide(
        Vector512.IsHardwareAccelerated,
        CurrentBits,
        Environment.GetEnvironmentVariable(OverrideVariable),
        RuntimeSetting(),
        Environment.GetEnvironmentVariable(RelaunchedVariable));

    /// <summary>Vector&lt;T&gt;'s width in this process.</summary>
    public static int CurrentBits => Vector<byte>.Count * 8;

    /// <summary>"256 bits = 4 float64 lanes (why)": the width in use and the reason, for devices and bench.</summary>
    public static string InUse()
    {
        VectorWidthDecision decision;
        try
        {
            decision = ForThisProcess();
        }
        catch (ArgumentException e)
        {
            return $"{Width} ({e.Message})";
        }
        // Only the command-line entry points relaunch; a library caller or test host keeps the width it started with.
        return decision.Relaunch
            ? $"{Width} (not relaunched: this process did not start through fastattractors' entry point, which would relaunch at {decision.RelaunchBits} bits because {decision.Reason})"
            : $"{Width} ({decision.Reason})";
    }

    private static string Width => $"{CurrentBits} bits = {Vector<double>.Count} float64 lanes";

    /// <summary>The environment for a child at <paramref name="bits"/>: both runtime knobs and the loop guard.</summary>
    public static IReadOnlyList<(string Name, string Value)> ChildEnvironment(int bits)
    {
        string value = bits.ToString(CultureInfo.InvariantCulture);
        return [(PreferredVariable, value), (MaxVectorTVariable, value), (RelaunchedVariable, value)];
    }

    private static int? ParseOverride(string? value, out bool native)
    {
        native = false;
        string v = value?.Trim().ToLowerInvariant() ?? "";
        switch (v)
        {
            case "":
                return null;
            case "native":
                native = true;
                return null;
            case "512":
                return 512;
            case "256":
                return 256;
            case "128":
                return 128;
            default:
                throw new ArgumentException($"{OverrideVariable}: unknown value '{value}'; valid: native, 512, 256, 128 (unset: 512 bits on AVX-512 CPUs).");
        }
    }

    private static string? RuntimeSetting()
    {
        var set = RuntimeVariables
            .Select(n => (Name: n, Value: Environment.GetEnvironmentVariable(n)))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{p.Name}={p.Value}")
            .ToList();
        return set.Count == 0 ? null : string.Join(" ", set);
    }

    private static VectorWidthDecision Stay(string reason) => new(null, reason);
}
