namespace FastAttractors.Binary;

/// <summary>
/// Which visible bits a recall trial flips: a partial Fisher–Yates shuffle of 0…N−1 whose j-th swap partner is
/// j + ⌊u_j·(N − j)⌋, u_j the 64 bits Bits(seed, Stream(network, RecallFlips), trial·2³² + j) read as a fraction
/// (multiply-high). A pure function of (seed, network, trial, N, k): every backend flips the same bits.
/// </summary>
internal static class FlipNoise
{
    public static void Choose(ulong seed, int network, int trial, int n, int k, Span<int> flipped)
    {
        if (flipped.Length < k)
            throw new ArgumentException($"flipped holds {flipped.Length} indices, {k} needed.", nameof(flipped));
        Span<int> order = n <= 1024 ? stackalloc int[n] : new int[n];
        for (int i = 0; i < n; i++)
            order[i] = i;
        ulong stream = CounterRandom.Stream(network, CounterRandom.Purpose.RecallFlips);
        for (int j = 0; j < k; j++)
        {
            ulong bits = CounterRandom.Bits(seed, stream, ((ulong)trial << 32) | (uint)j);
            int pick = j + (int)(ulong)(((UInt128)bits * (ulong)(n - j)) >> 64);
            (order[j], order[pick]) = (order[pick], order[j]);
            flipped[j] = order[j];
        }
    }
}
