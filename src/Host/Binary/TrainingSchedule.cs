namespace FastAttractors;

/// <summary>When the gated updates are applied (batch per epoch by default, or online per transition).</summary>
public enum TrainingSchedule
{
    /// <summary>Per epoch: ΔU summed over all transitions and applied, then ΔV summed with the new U and applied.</summary>
    Batch,

    /// <summary>Per transition, in order t = 1, 2, …: ΔU(t) applied, then ΔV(t) with the new U.</summary>
    Online,
}
