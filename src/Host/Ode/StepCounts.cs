namespace FastAttractors;

/// <summary>
/// Step and interval counts derived from user numbers (a time over a step, a sum of counts), computed so that they
/// can never wrap or saturate into a wrong but plausible run. A C# cast of a too-large double to <c>long</c> saturates,
/// and a sum of two saturated counts wraps negative past any "at least one step" check: a run asked for 10¹⁹ time
/// units once returned λ = 0 with status "ok" without taking a step. Every count here is refused instead, with the
/// argument named, before anything is allocated.
/// </summary>
internal static class StepCounts
{
    /// <summary>
    /// The most steps (or QR intervals, or iterations) one run may count: 2⁵³, the largest integer a float64 holds
    /// exactly, so that a time t = step · dt and the count derived back from it stay exact. At 10⁹ steps per second a
    /// single member would need 104 days to take them.
    /// </summary>
    public const long Max = 1L << 53;

    /// <summary>
    /// The whole number of <paramref name="step"/>s nearest to <paramref name="time"/>; throws, naming
    /// <paramref name="argument"/>, when the quotient is not finite or exceeds <see cref="Max"/>.
    /// </summary>
    public static long Round(double time, double step, string argument) =>
        Checked(Math.Round(time / step), time, step, argument);

    /// <summary>
    /// The whole number of <paramref name="step"/>s that covers <paramref name="time"/>, rounding up but ignoring a
    /// relative excess of <paramref name="slack"/> steps (so that 100 / 0.1 counts 1,000 although the quotient is
    /// 1000.0000000000001); refused like <see cref="Round"/>.
    /// </summary>
    public static long Ceiling(double time, double step, string argument, double slack = 1e-9) =>
        Checked(Math.Ceiling(time / step - slack), time, step, argument);

    /// <summary><paramref name="a"/> + <paramref name="b"/>, refused (naming <paramref name="argument"/>) beyond <see cref="Max"/>.</summary>
    public static long Add(long a, long b, string argument)
    {
        long sum = a + b; // both are in [0, Max], so the sum cannot wrap
        Validate(a, argument);
        Validate(b, argument);
        if (sum > Max)
            throw new ArgumentOutOfRangeException(argument, sum, $"{argument}: {a} + {b} = {sum} steps is more than one run may take ({Max}).");
        return sum;
    }

    /// <summary><paramref name="count"/> × <paramref name="factor"/>, refused (naming <paramref name="argument"/>) beyond <see cref="Max"/>.</summary>
    public static long Multiply(long count, long factor, string argument)
    {
        Validate(count, argument);
        Validate(factor, argument);
        if (factor != 0 && count > Max / factor)
            throw new ArgumentOutOfRangeException(argument, count,
                $"{argument}: {count} × {factor} steps is more than one run may take ({Max}).");
        return count * factor;
    }

    /// <summary>Throws, naming <paramref name="argument"/>, when <paramref name="steps"/> is negative or above <see cref="Max"/>.</summary>
    public static long Validate(long steps, string argument)
    {
        if (steps < 0 || steps > Max)
            throw new ArgumentOutOfRangeException(argument, steps,
                $"{argument} = {steps}: a step count must be between 0 and {Max} (2⁵³, where float64 times stop being exact).");
        return steps;
    }

    private static long Checked(double quotient, double time, double step, string argument)
    {
        if (quotient < 0)
            throw new ArgumentOutOfRangeException(argument, time, $"{argument} must not be negative, got {time}.");
        if (!double.IsFinite(quotient) || quotient > Max)
            throw new ArgumentOutOfRangeException(argument, time,
                $"{argument} = {time} is {time / step:G4} steps of {step}, more than one run may take ({Max}, i.e. 2⁵³); "
                + "use a shorter time or a longer step.");
        return (long)quotient;
    }
}
