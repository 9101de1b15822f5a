namespace FastAttractors;

/// <summary>
/// One coordinate of a point moving at constant speed between walls at 0 and <c>limit</c>, reflected elastically: a
/// step that would cross a wall lands as far inside as it would have gone past, and the velocity changes sign.
/// </summary>
internal static class Bounce
{
    /// <summary>Positions at steps 0 … steps − 1; |velocity| must be below <paramref name="limit"/> (one reflection per step).</summary>
    public static double[] Positions(double start, double velocity, double limit, int steps)
    {
        if (!(start >= 0 && start <= limit))
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Start must lie in [0, {limit}]; got {start}.");
        if (!(Math.Abs(velocity) < limit))
            throw new ArgumentOutOfRangeException(nameof(velocity), velocity, $"|velocity| must be below the limit {limit}; got {velocity}.");
        var positions = new double[steps];
        double x = start, v = velocity;
        for (int t = 0; t < steps; t++)
        {
            positions[t] = x;
            x += v;
            if (x < 0)
            {
                x = -x;
                v = -v;
            }
            else if (x > limit)
            {
                x = 2 * limit - x;
                v = -v;
            }
        }
        return positions;
    }
}
