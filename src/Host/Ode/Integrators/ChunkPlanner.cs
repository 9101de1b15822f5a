using FastAttractors.Backends;

namespace FastAttractors.Ode.Integrators;

/// <summary>Chunk size of the ILGPU integrator (<see cref="DeviceChunks"/> splits the ensemble).</summary>
internal static class ChunkPlanner
{
    /// <summary>
    /// Device bytes one member needs: state and RK4 work vectors, model scratch, per-member parameters, status; a
    /// tableau read by the generic kernel keeps one slope per stage (<paramref name="slopes"/>) where RK4 keeps one.
    /// </summary>
    public static long BytesPerMember(RunPlan plan, int elementSize, int slopes = 1) =>
        (long)elementSize * ((4L + slopes) * plan.N + DeviceChunks.PerMemberParameters(plan.Binding)) + sizeof(int) + sizeof(long);

    public static int ChunkSize(RunPlan plan, int elementSize, long deviceBytes, int slopes = 1) =>
        DeviceChunks.Size(plan.Binding, plan.Members, plan.Options.ChunkMembers, BytesPerMember(plan, elementSize, slopes), elementSize,
            deviceBytes, "one member", "the model is too large for this device.", "problem");
}
