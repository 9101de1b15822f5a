namespace FastAttractors;

/// <summary>The one check on a flow step size, shared by every flow solver.</summary>
internal static class StepSizes
{
    public static void Validate(double dt)
    {
        if (!double.IsFinite(dt) || dt <= 0)
            throw new ArgumentOutOfRangeException(nameof(dt), dt, $"dt must be positive and finite, got {dt}.");
    }
}
