namespace FastAttractors.Binary.Estimators;

internal sealed partial class ReferenceBinary
{
    private static EpochStats TrainHidden(TrainingPlan plan, int net, LayerWeights weights)
    {
        var o = plan.Options;
        int n = plan.N, m = plan.Hidden, transitions = plan.Transitions;
        bool learnU = o.Variant == NetworkVariant.HiddenUV, bias = o.Biases == BiasMode.Learned, zeroOne = o.HiddenCode == HiddenCode.ZeroOne;
        var (x, next) = Transitions(plan, net);
        var s = learnU ? HiddenTargetSigns.Create(plan, net) : [];
        if (learnU)
            FillNormal(weights.U, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), 0, o.InitialScale);
        else
            FillNormal(weights.U, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.FixedHiddenWeights), 0, 1);
        FillNormal(weights.V, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), (ulong)(m * n), o.InitialScale);
        double[] u = weights.U, v = weights.V, bh = weights.HiddenBias, bv = weights.VisibleBias;
        double[] du = new double[u.Length], dbh = new double[m], dv = new double[v.Length], dbv = new double[n], y = new double[m];
        List<double> hiddenGated = [], visibleGated = [];
        bool converged = false;
        for (int epoch = 0; epoch < o.MaxEpochs && !converged; epoch++)
        {
            int gh = 0, gv = 0;
            if (o.Schedule == TrainingSchedule.Batch)
            {
                if (learnU)
                {
                    Clear(du, dbh);
                    for (int t = 0; t < transitions; t++)
                        gh += MarginRule.Apply(u, bh, x[t], s.AsSpan(t * m, m), o.Kappa, o.Eta, bias, du, dbh);
                    Add(u, du, bh, dbh);
                }
                Clear(dv, dbv);
                for (int t = 0; t < transitions; t++)
                {
                    HiddenState(u, bh, x[t], zeroOne, y);
                    gv += MarginRule.Apply(v, bv, y, next[t], o.Kappa, o.Eta, bias, dv, dbv);
                }
                Add(v, dv, bv, dbv);
            }
            else
            {
                for (int t = 0; t < transitions; t++)
                {
                    if (learnU)
                        gh += MarginRule.Apply(u, bh, x[t], s.AsSpan(t * m, m), o.Kappa, o.Eta, bias, u, bh);
                    HiddenState(u, bh, x[t], zeroOne, y);
                    gv += MarginRule.Apply(v, bv, y, next[t], o.Kappa, o.Eta, bias, v, bv);
                }
            }
            hiddenGated.Add((double)gh / ((long)m * transitions));
            visibleGated.Add((double)gv / ((long)n * transitions));
            converged = gh == 0 && gv == 0;
        }
        double minHidden = double.PositiveInfinity, minVisible = double.PositiveInfinity;
        for (int t = 0; t < transitions; t++)
        {
            if (learnU)
                minHidden = Math.Min(minHidden, MarginRule.MinNormalisedMargin(u, bh, x[t], s.AsSpan(t * m, m)));
            HiddenState(u, bh, x[t], zeroOne, y);
            minVisible = Math.Min(minVisible, MarginRule.MinNormalisedMargin(v, bv, y, next[t]));
        }
        return new EpochStats(hiddenGated, visibleGated, converged, learnU ? minHidden : double.NaN, minVisible);
    }

    private static EpochStats TrainVisible(TrainingPlan plan, int net, LayerWeights weights)
    {
        var o = plan.Options;
        int n = plan.N, transitions = plan.Transitions;
        bool bias = o.Biases == BiasMode.Learned;
        var (x, next) = Transitions(plan, net);
        FillNormal(weights.W, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), 0, o.InitialScale);
        double[] w = weights.W, bv = weights.VisibleBias, dw = new double[w.Length], dbv = new double[n];
        List<double> visibleGated = [];
        bool converged = false;
        for (int epoch = 0; epoch < o.MaxEpochs && !converged; epoch++)
        {
            int gv = 0;
            bool batch = o.Schedule == TrainingSchedule.Batch;
            if (batch)
                Clear(dw, dbv);
            for (int t = 0; t < transitions; t++)
                gv += batch
                    ? MarginRule.Apply(w, bv, x[t], next[t], o.Kappa, o.Eta, bias, dw, dbv)
                    : MarginRule.Apply(w, bv, x[t], next[t], o.Kappa, o.Eta, bias, w, bv);
            if (batch)
                Add(w, dw, bv, dbv);
            visibleGated.Add((double)gv / ((long)n * transitions));
            converged = gv == 0;
        }
        var hiddenGated = visibleGated.Select(_ => 0.0).ToList();
        return new EpochStats(hiddenGated, visibleGated, converged, double.NaN, MinVisibleMargin(w, bv, x, next));
    }

    private static EpochStats Hebbian(TrainingPlan plan, int net, LayerWeights weights)
    {
        int n = plan.N, transitions = plan.Transitions;
        var (x, next) = Transitions(plan, net);
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < n; k++)
            {
                // The integer sum first, one rounding at the division: any summation order gives the same W.
                int sum = 0;
                for (int t = 0; t < transitions; t++)
                    sum += next[t][j] * (int)x[t][k];
                weights.W[j * n + k] = (double)sum / n;
            }
        }
        return new EpochStats([], [], true, double.NaN, MinVisibleMargin(weights.W, weights.VisibleBias, x, next));
    }

    private static EpochStats StoreHopfield(TrainingPlan plan, int net, LayerWeights weights)
    {
        int n = plan.N, m = plan.Hidden;
        if (plan.Options.Variant == NetworkVariant.LongSequenceHopfieldTwoLayer)
        {
            var seq = plan.Sequences;
            for (int t = 0; t < m; t++)
            {
                var pattern = seq.Pattern(net, t);
                var successor = seq.Pattern(net, seq.Successor(t));
                for (int k = 0; k < n; k++)
                {
                    weights.U[t * n + k] = pattern[k];
                    weights.V[k * m + t] = successor[k];
                }
            }
        }
        return new EpochStats([], [], true, double.NaN, double.NaN);
    }
}
