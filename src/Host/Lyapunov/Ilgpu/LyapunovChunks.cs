using FastAttractors.Backends;

namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>Chunk size and launch length of the ILGPU Lyapunov estimator.</summary>
internal static class LyapunovChunks
{
    /// <summary>
    /// Device bytes per member: x, next x and one stage input column (3n); per stage of the flow's tableau
    /// (<paramref name="stages"/>; 1 for maps) the state, slope, linearisation and one tangent slope; scratch; Q and
    /// the next frame (2nk); per-member parameters; float64 block sums (B·k), contraction and its offset; status and
    /// failing step.
    /// </summary>
    public static long BytesPerMember(LyapunovPlan plan, TangentShape shape, int elementSize, int stages)
    {
        long n = plan.N, k = plan.K;
        long values = (3 + 3L * stages) * n + shape.ScratchLength + stages * (long)shape.LinearisationLength + 2 * n * k
            + DeviceChunks.PerMemberParameters(plan.Binding);
        return elementSize * values + sizeof(double) * ((long)plan.Blocks * k + 2) + sizeof(int) + sizeof(long);
    }

    public static int Size(LyapunovPlan plan, TangentShape shape, int elementSize, long deviceBytes, int stages) =>
        DeviceChunks.Size(plan.Binding, plan.Members, plan.ChunkMembers, BytesPerMember(plan, shape, elementSize, stages), elementSize,
            deviceBytes, $"one member's Lyapunov work (n = {plan.N}, k = {plan.K})", "lower Exponents or use the Simd backend.", "problem");

    /// <summary>About 2²⁸ multiply–adds per member per launch (a fraction of a second on a GPU), at least one interval.</summary>
    public static int IntervalsPerLaunch(LyapunovPlan plan)
    {
        const double work = 1 << 28;
        double perStep = 4.0 * plan.N * plan.N * (plan.K + 1) + 16;
        double intervals = Math.Floor(work / (perStep * plan.Every));
        return (int)Math.Clamp(intervals, 1, int.MaxValue);
    }
}
