namespace FastAttractors.Binary.Estimators;

internal sealed partial class ReferenceBinary
{
    /// <summary>Inputs ξ(t) as float64 and targets ξ(t+1), one per transition.</summary>
    private static (double[][] Inputs, sbyte[][] Targets) Transitions(TrainingPlan plan, int net)
    {
        var seq = plan.Sequences;
        var inputs = new double[plan.Transitions][];
        var targets = new sbyte[plan.Transitions][];
        for (int t = 0; t < plan.Transitions; t++)
        {
            inputs[t] = [.. seq.Pattern(net, t).ToArray().Select(v => (double)v)];
            targets[t] = seq.Pattern(net, seq.Successor(t)).ToArray();
        }
        return (inputs, targets);
    }

    /// <summary>ζ = code(sgn(Uξ + b)): the actual hidden state the V rule gates on (docs/explanations/binary-margin-rule.md).</summary>
    private static void HiddenState(double[] u, double[] bias, double[] x, bool zeroOne, double[] y)
    {
        int n = x.Length;
        for (int i = 0; i < y.Length; i++)
        {
            double field = bias[i];
            for (int k = 0; k < n; k++)
                field += u[i * n + k] * x[k];
            y[i] = field >= 0 ? 1 : zeroOne ? 0 : -1;
        }
    }

    private static double MinVisibleMargin(double[] w, double[] bias, double[][] x, sbyte[][] next)
    {
        double min = double.PositiveInfinity;
        for (int t = 0; t < x.Length; t++)
            min = Math.Min(min, MarginRule.MinNormalisedMargin(w, bias, x[t], next[t]));
        return min;
    }

    /// <summary>scale·N(0,1) from counters first, first + 1, …; zeros (no draws) when scale is 0.</summary>
    private static void FillNormal(double[] target, ulong seed, ulong stream, ulong first, double scale)
    {
        if (scale == 0)
            return;
        for (int i = 0; i < target.Length; i++)
            target[i] = scale * CounterRandom.Normal(seed, stream, first + (ulong)i);
    }

    private static void Clear(double[] a, double[] b)
    {
        Array.Clear(a);
        Array.Clear(b);
    }

    private static void Add(double[] w, double[] dw, double[] bias, double[] dbias)
    {
        for (int i = 0; i < w.Length; i++)
            w[i] += dw[i];
        for (int i = 0; i < bias.Length; i++)
            bias[i] += dbias[i];
    }
}
