namespace FastAttractors;

/// <summary>Per-member outcome of a gradient computation.</summary>
public enum GradientStatus : byte
{
    /// <summary>Loss and gradients are finite.</summary>
    Ok = 0,

    /// <summary>The forward trajectory went non-finite: loss and gradients are NaN.</summary>
    ForwardDiverged = 1,

    /// <summary>The trajectory is finite but the adjoint or a gradient overflowed (an exploding learning signal).</summary>
    GradientNonFinite = 2,
}
