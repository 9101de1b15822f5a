namespace FastAttractors.Ode.Integrators;

/// <summary>
/// Splits an ensemble into chunks that fit device memory. Members are independent and every per-member
/// quantity is a function of the member index alone, so the split never changes results.
/// </summary>
internal static class ChunkPlanner
{
    /// <summary>
    /// Device bytes one member needs: state and RK4 work vectors, model scratch, per-member parameters, status; a
    /// tableau read by the generic kernel keeps one slope per stage (<paramref name="slopes"/>) where RK4 keeps one.
    /// </summary>
    public static long BytesPerMember(RunPlan plan, int elementSize, int slopes = 1) =>
        (long)elementSize * ((4L + slopes) * plan.N + plan.Binding.DeviceParameters.Where(b => b.PerMember).Sum(b => (long)b.Length))
        + sizeof(int) + sizeof(long);

    public static int ChunkSize(RunPlan plan, int elementSize, long deviceBytes, int slopes = 1)
    {
        long shared = plan.Binding.DeviceParameters.Where(b => !b.PerMember).Sum(b => (long)b.Length) * elementSize;
        long budget = (long)(0.7 * deviceBytes) - shared;
        long perMember = BytesPerMember(plan, elementSize, slopes);
        long fits = budget / perMember;
        if (fits < 1)
            throw new ArgumentException(
                $"one member needs {perMember} bytes of device memory beyond {shared} bytes of shared parameters, "
                + $"but the device has {deviceBytes} bytes; the model is too large for this device.", "problem");
        long chunk = Math.Min(Math.Min(fits, plan.Members), int.MaxValue);
        if (plan.Options.ChunkMembers is { } requested)
            chunk = Math.Min(chunk, requested);
        return (int)chunk;
    }
}
