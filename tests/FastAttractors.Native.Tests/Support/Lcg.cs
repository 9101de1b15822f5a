namespace FastAttractors.Native.Tests.Support;

/// <summary>The 64-bit LCG of native/examples/lyapunov.c (top 53 bits → [−1, 1)), to rebuild its inputs bit for bit.</summary>
public sealed class Lcg(ulong seed)
{
    private ulong state = seed;

    public double Uniform()
    {
        unchecked
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
        }
        return (state >> 11) * Math.ScaleB(1.0, -53) * 2.0 - 1.0;
    }
}
