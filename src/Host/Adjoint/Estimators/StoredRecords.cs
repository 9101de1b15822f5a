using FastAttractors.Backends;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// Whether the Simd gradient keeps the whole trajectory's step records from its first forward pass (one segment of
/// C = steps, so the backward pass recomputes nothing) instead of checkpointing every C ≈ √steps steps. Why: the
/// recompute is a second forward pass, about a quarter of the gradient's work; keeping the records costs memory
/// instead, bounded by GradientOptions.RecordBudgetMiB. The recompute reproduces the first pass bit for bit, so the
/// choice changes time and memory, never the gradients.
/// </summary>
internal static class StoredRecords
{
    private const double Mebibyte = 1024.0 * 1024.0;

    /// <summary>
    /// Share of the memory this process may use that the kept records may take, whatever the budget says: the
    /// checkpointed path needs almost none, so a budget set above what the machine has falls back to it instead of
    /// ending in an OutOfMemoryException.
    /// </summary>
    private const double AvailableShare = 0.25;

    /// <summary>
    /// True when the caller left the interval to the library and <paramref name="workers"/> buffers of every step's
    /// record (<paramref name="recordLength"/> lane vectors of <paramref name="vectorBytes"/> bytes per step) fit the
    /// budget, a quarter of the available memory and one array each.
    /// </summary>
    public static bool Fit(GradientPlan plan, int workers, int recordLength, int vectorBytes)
    {
        if (plan.IntervalGiven || plan.Steps > int.MaxValue || (double)plan.Steps * recordLength > Array.MaxLength)
            return false;
        double bytes = (double)workers * plan.Steps * recordLength * vectorBytes;
        return bytes <= plan.RecordBudgetMiB * Mebibyte && bytes <= AvailableShare * HostMemory.AvailableBytes;
    }
}
