namespace FastAttractors.Kernels.Numerics;

/// <summary>
/// sech²(x) = 1 − tanh²(x), the derivative every tanh model's Jacobian needs, as 4 / (eˣ + e⁻ˣ)²: a sum of positive
/// terms, accurate to a few ulps at any x (and exactly 0 once eˣ overflows). The textbook 1 − t² with a rounded
/// t = tanh(x) cancels: in float32 it keeps under 1 % of relative accuracy at |x| = 6 and returns 0 from |x| ≈ 9 on.
/// </summary>
public static class Sech2
{
    /// <summary>sech²(x) as 4 / (eˣ + e⁻ˣ)², accurate at any x and 0 once eˣ overflows.</summary>
    public static T Of<T>(T x) where T : unmanaged, IReal<T>
    {
        var s = T.Exp(x) + T.Exp(-x);
        return T.FromDouble(4.0) / (s * s);
    }
}
