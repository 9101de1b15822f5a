using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>Compares two gradient results member by member, relative to the largest entry of each block.</summary>
public static class GradientAssert
{
    /// <summary>
    /// Loss, ∂L/∂x(0), every parameter block and the adjoint norms agree within <paramref name="tolerance"/> times the
    /// member's largest reference entry of that block, or its largest |a(t)| where larger (single entries may cancel). With
    /// <paramref name="exactStatus"/> statuses and failed steps must agree too; otherwise members that failed on either
    /// side are skipped (an escaping orbit may overflow a step earlier in float32).
    /// </summary>
    public static void Match(EnsembleGradients expected, EnsembleGradients actual, double tolerance, string label, bool exactStatus)
    {
        int members = expected.Members;
        Assert.Equal(members, actual.Members);
        for (int m = 0; m < members; m++)
        {
            if (exactStatus)
            {
                Assert.True(expected.Status[m] == actual.Status[m], $"{label}: member {m} status {actual.Status[m]}, reference {expected.Status[m]}");
                Assert.True(expected.FailedStep[m] == actual.FailedStep[m], $"{label}: member {m} failed at {actual.FailedStep[m]}, reference {expected.FailedStep[m]}");
            }
            if (expected.Status[m] != GradientStatus.Ok || actual.Status[m] != GradientStatus.Ok)
            {
                if (actual.Status[m] != GradientStatus.Ok)
                    Assert.True(double.IsNaN(actual.Loss[m]) && double.IsNaN(actual.InitialStates[m]), $"{label}: failed member {m} must read NaN");
                continue;
            }
            // Entries that cancel far below the terms they sum (Jᵀa, a xᵀ) are rounded relative to those terms: the
            // scale is floored at the largest recorded |a(t)| (the state and J being O(1)), or at 1e-4 without norms.
            double floor = 1e-4;
            if (expected.AdjointNorms is { } recorded)
                for (long f = 0; f < recorded.Length / members; f++)
                    floor = Math.Max(floor, recorded[f * members + m]);
            Block(expected.Loss, actual.Loss, 1, members, m, tolerance, floor, $"{label} member {m} loss");
            Block(expected.InitialStates, actual.InitialStates, expected.Dimension, members, m, tolerance, floor, $"{label} member {m} dL/dx0");
            for (int b = 0; b < expected.Parameters.Count; b++)
            {
                var e = expected.Parameters[b];
                Block(e.Values, actual.Parameters[b].Values, e.Length, members, m, tolerance, floor, $"{label} member {m} dL/d{e.Name}");
            }
            if (expected.AdjointNorms is { } norms)
                Block(norms, actual.AdjointNorms!, norms.Length / members, members, m, tolerance, floor, $"{label} member {m} |a(t)|");
        }
    }

    private static void Block(double[] expected, double[] actual, long length, int members, int m, double tolerance, double floor, string label)
    {
        double scale = 0;
        for (long p = 0; p < length; p++)
            scale = Math.Max(scale, Math.Abs(expected[p * members + m]));
        double allowed = tolerance * Math.Max(scale, floor);
        for (long p = 0; p < length; p++)
        {
            double e = expected[p * members + m], a = actual[p * members + m];
            Assert.True(Math.Abs(a - e) <= allowed, $"{label}[{p}]: {a} vs reference {e} (allowed {allowed:E2})");
        }
    }
}
