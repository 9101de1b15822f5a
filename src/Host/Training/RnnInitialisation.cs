namespace FastAttractors.Training;

/// <summary>How the recurrent weights W start (all other blocks start as <see cref="Default"/>).</summary>
public enum RnnInitialisation
{
    /// <summary>PyTorch's nn.RNN default: every weight and bias uniform in ±1/√n.</summary>
    Default,

    /// <summary>W = Q of the QR factorisation of a standard Gaussian matrix, signs fixed so Q is Haar-distributed.</summary>
    Orthogonal,

    /// <summary>Eq. 19: W = blockdiag(α_i R(θ_i)), (α_i, θ_i) uniform over a <see cref="PtaRegion"/>.</summary>
    Pta,
}
