namespace FastAttractors;

/// <summary>How to compute gradients by the discrete adjoint (docs/explanations/rk4-and-adjoint.md). Results do not depend on the checkpointing.</summary>
public sealed record GradientOptions
{
    /// <summary>
    /// Store every C-th state in the forward pass and recompute each segment of C steps in the backward pass:
    /// memory n·(steps/C + C) per member. Null chooses C ≈ √steps, which minimises it.
    /// </summary>
    public int? CheckpointInterval { get; init; }

    /// <summary>Record |a(t)| every this many steps (and at t = 0) per member; null records none.</summary>
    public int? AdjointNormEvery { get; init; }

    /// <summary>State, adjoint and parameter precision (the Reference backend always computes in float64).</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>Members per device chunk; null chooses the largest that fits.</summary>
    public int? ChunkMembers { get; init; }

    /// <summary>Float64, automatic checkpointing and chunking, no adjoint norms.</summary>
    public static GradientOptions Default { get; } = new();
}
