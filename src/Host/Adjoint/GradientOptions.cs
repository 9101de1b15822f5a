namespace FastAttractors;

/// <summary>How to compute gradients by the discrete adjoint (docs/explanations/rk4-and-adjoint.md). Results do not depend on the checkpointing.</summary>
public sealed record GradientOptions
{
    /// <summary>
    /// Store every C-th state in the forward pass and recompute each segment of C steps in the backward pass:
    /// memory n·(steps/C + C) per member. Null chooses C ≈ √steps, which minimises it; on the Simd backend null first
    /// tries to keep the whole trajectory's records instead (see <see cref="RecordBudgetMiB"/>). A value given here is
    /// always used as given.
    /// </summary>
    public int? CheckpointInterval { get; init; }

    /// <summary>
    /// Memory, in MiB, the Simd backend may spend on keeping every step's records (stage states, slopes and
    /// linearisations: n + stages · (2n + linearisation length) lane vectors per step) for the whole run, all worker
    /// threads together. When <see cref="CheckpointInterval"/> is null and the records fit, the first forward pass
    /// writes them and the backward pass reads them, recomputing nothing (the gradient reports C = steps); otherwise
    /// checkpoints every C ≈ √steps steps, as before. The gradients are the same bits either way. Time against memory:
    /// the recompute is one more forward pass (about a quarter of the gradient's work), while the kept records are
    /// streamed through memory once each way. The default, 256 MiB, holds 1,000 RK4 steps of a float32 TanhRnn tile
    /// (8 members) at n = 64 (35 MB) on up to 7 threads, or at n = 16 (8.7 MB) on up to 30, while staying a small share
    /// of a workstation's memory. 0 always checkpoints. The ILGPU and Reference backends always checkpoint.
    /// </summary>
    public int RecordBudgetMiB { get; init; } = 256;

    /// <summary>Record |a(t)| every this many steps (and at t = 0) per member; null records none.</summary>
    public int? AdjointNormEvery { get; init; }

    /// <summary>State, adjoint and parameter precision (the Reference backend always computes in float64).</summary>
    public Precision Precision { get; init; } = Precision.Float64;

    /// <summary>Members per device chunk; null chooses the largest that fits.</summary>
    public int? ChunkMembers { get; init; }

    /// <summary>Float64, automatic checkpointing and chunking, no adjoint norms.</summary>
    public static GradientOptions Default { get; } = new();
}
