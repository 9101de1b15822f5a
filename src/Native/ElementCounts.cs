using System.Numerics;

namespace FastAttractors.Native;

/// <summary>
/// Array sizes derived from the caller's numbers (n·members, n·n·members, frames·n·members, networks·hidden·visible):
/// multiplied exactly (BigInteger, so nothing wraps in int64) and held to the largest .NET array, because the engine
/// keeps each ensemble quantity in one array. A size that does not fit is refused, naming the argument to change,
/// before any array is read or allocated.
/// </summary>
internal static class ElementCounts
{
    /// <summary>The most elements one array may have.</summary>
    public static long Largest => Array.MaxLength;

    /// <summary>
    /// The product of <paramref name="factors"/> (each already checked non-negative), or an
    /// ArgumentOutOfRangeException naming <paramref name="blame"/> when it exceeds <see cref="Largest"/>.
    /// </summary>
    public static long Product(string blame, string what, params ReadOnlySpan<long> factors)
    {
        var product = Exact(factors);
        if (product > Largest)
            throw new ArgumentOutOfRangeException(blame,
                $"{blame}: {what} = {string.Join("·", factors.ToArray())} = {product} elements, more than one array can hold ({Largest}).");
        return (long)product;
    }

    /// <summary>Whether the product fits in one array (for sizes that are one option among others).</summary>
    public static bool Fits(params ReadOnlySpan<long> factors) => Exact(factors) <= Largest;

    public static BigInteger Exact(ReadOnlySpan<long> factors)
    {
        var product = BigInteger.One;
        foreach (long factor in factors)
            product *= factor;
        return product;
    }
}
