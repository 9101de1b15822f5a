namespace FastAttractors.Lyapunov.Ilgpu;

/// <summary>Chunk size and launch length of the ILGPU Lyapunov estimator.</summary>
internal static class LyapunovChunks
{
    /// <summary>
    /// Device bytes per member: x and its RK4 work (4n), scratch, linearisation, Q with its stage and next frames
    /// (3nk), one J v column (n), per-member parameters; float64 block sums (B·k), contraction and its offset;
    /// status and failing step. The tableau kernel (<paramref name="stages"/> given) keeps per stage the state, slope,
    /// linearisation and one tangent slope, and no stage frame: (3 + 3S)n + S·lin + 2nk.
    /// </summary>
    public static long BytesPerMember(LyapunovPlan plan, TangentShape shape, int elementSize, int? stages = null)
    {
        long n = plan.N, k = plan.K;
        long parameters = plan.Binding.DeviceParameters.Where(b => b.PerMember).Sum(b => (long)b.Length);
        long values = stages is { } st
            ? (3 + 3L * st) * n + shape.ScratchLength + st * (long)shape.LinearisationLength + 2 * n * k + parameters
            : 5 * n + shape.ScratchLength + shape.LinearisationLength + 3 * n * k + parameters;
        return elementSize * values + sizeof(double) * ((long)plan.Blocks * k + 2) + sizeof(int) + sizeof(long);
    }

    public static int Size(LyapunovPlan plan, TangentShape shape, int elementSize, long deviceBytes, int? stages = null)
    {
        long shared = plan.Binding.DeviceParameters.Where(b => !b.PerMember).Sum(b => (long)b.Length) * elementSize;
        long budget = (long)(0.7 * deviceBytes) - shared;
        long perMember = BytesPerMember(plan, shape, elementSize, stages);
        long fits = budget / perMember;
        if (fits < 1)
            throw new ArgumentException(
                $"one member's Lyapunov work (n = {plan.N}, k = {plan.K}) needs {perMember} bytes of device memory beyond {shared} bytes "
                + $"of shared parameters, but the device has {deviceBytes} bytes; lower Exponents or use the Simd backend.", "problem");
        long chunk = Math.Min(Math.Min(fits, plan.Members), int.MaxValue);
        if (plan.ChunkMembers is { } requested)
            chunk = Math.Min(chunk, requested);
        return (int)chunk;
    }

    /// <summary>About 2²⁸ multiply–adds per member per launch (a fraction of a second on a GPU), at least one interval.</summary>
    public static int IntervalsPerLaunch(LyapunovPlan plan)
    {
        const double work = 1 << 28;
        double perStep = 4.0 * plan.N * plan.N * (plan.K + 1) + 16;
        double intervals = Math.Floor(work / (perStep * plan.Every));
        return (int)Math.Clamp(intervals, 1, int.MaxValue);
    }
}
