using ScottPlot;

namespace FastAttractors.Cli.Output;

/// <summary>
/// Ticks at whole numbers only, for axes that count things (exponent index i, member, iteration): a tick at 1.5 on
/// an index axis reads as an index that does not exist.
/// </summary>
internal static class IndexAxis
{
    public static void Apply(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
}
