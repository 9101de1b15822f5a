using FastAttractors.Backends;

namespace FastAttractors.Adjoint.Ilgpu;

/// <summary>Chunk size and launch length of the ILGPU gradient estimator.</summary>
internal static class GradientChunks
{
    /// <summary>
    /// Device bytes per member: x, next, three RK4 stage states, four slopes, ā, four stage cotangents and one VJP
    /// (15n), the checkpoints, one segment and the segment's loss gradients, scratch and adjoint work, per-member
    /// parameters; float64 parameter cotangents and norm frames; status and failing step.
    /// </summary>
    public static long BytesPerMember(GradientPlan plan, AdjointShape shape, int lossSlots, int elementSize)
    {
        long n = plan.N;
        long values = n * (15 + plan.Checkpoints + plan.CheckpointInterval + lossSlots) + shape.ScratchLength + shape.WorkLength
            + DeviceChunks.PerMemberParameters(plan.Binding);
        return elementSize * values + sizeof(double) * (shape.ParameterLength + plan.NormFrames) + sizeof(int) + sizeof(long);
    }

    public static int Size(GradientPlan plan, AdjointShape shape, int lossSlots, int elementSize, long deviceBytes) =>
        DeviceChunks.Size(plan.Binding, plan.Members, plan.ChunkMembers, BytesPerMember(plan, shape, lossSlots, elementSize), elementSize,
            deviceBytes, $"one member's gradient work (n = {plan.N}, {plan.Checkpoints} checkpoints of interval {plan.CheckpointInterval})",
            "choose a CheckpointInterval nearer √steps or use the Simd backend.", "options");

    /// <summary>About 2²⁸ multiply–adds per member per launch (a fraction of a second on a GPU), at least one step.</summary>
    public static int StepsPerLaunch(GradientPlan plan)
    {
        const double work = 1 << 28;
        double perStep = 16.0 * plan.N * plan.N + 64.0 * plan.N;
        return (int)Math.Clamp(Math.Floor(work / perStep), 1, int.MaxValue);
    }

    /// <summary>The most distinct loss steps inside one segment [c·C, c·C + C) below the final step.</summary>
    public static int LossSlots(GradientPlan plan)
    {
        int most = 0;
        foreach (var group in plan.LossTerms.Select(t => t.Step).Where(s => s < plan.Steps).Distinct().GroupBy(s => s / plan.CheckpointInterval))
            most = Math.Max(most, group.Count());
        return most;
    }
}
