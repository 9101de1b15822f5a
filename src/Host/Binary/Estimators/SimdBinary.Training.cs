using System.Numerics;

namespace FastAttractors.Binary.Estimators;

internal sealed partial class SimdBinary
{
    /// <summary>One network's learned layers in float64 (row-major as in <see cref="TrainingResult"/>) and its epoch statistics.</summary>
    private sealed class NetworkState(int n, int m)
    {
        public double[] U { get; set; } = new double[m * n];
        public double[] V { get; } = new double[n * m];
        public double[] W { get; } = new double[m == 0 ? n * n : 0];
        public double[] HiddenBias { get; } = new double[m];
        public double[] VisibleBias { get; } = new double[n];
        public List<double> HiddenGated { get; } = [];
        public List<double> VisibleGated { get; } = [];
        public bool Converged { get; set; }

        /// <summary>The hidden targets (transition-major) when U is learned, for the end-of-training margins.</summary>
        public sbyte[] Signs { get; set; } = [];

        /// <summary>Ready for the next network: the statistics cleared; every weight is overwritten by the training.</summary>
        public void Reset()
        {
            HiddenGated.Clear();
            VisibleGated.Clear();
            Converged = false;
            Signs = [];
        }
    }

    /// <summary>The float32 layers of the row-kernel path, widened into a <see cref="NetworkState"/> at the end.</summary>
    private sealed class FloatLayers(int n, int m)
    {
        public float[] U { get; } = new float[m * n];
        public float[] V { get; } = new float[n * m];
        public float[] W { get; } = new float[m == 0 ? n * n : 0];
        public float[] HiddenBias { get; } = new float[m];
        public float[] VisibleBias { get; } = new float[n];

        /// <summary>Without <paramref name="learnU"/> the state keeps its fixed float64 U.</summary>
        public void ExportTo(NetworkState state, bool learnU)
        {
            if (learnU)
                Widen(U, state.U, 0);
            Widen(V, state.V, 0);
            Widen(W, state.W, 0);
            Widen(HiddenBias, state.HiddenBias, 0);
            Widen(VisibleBias, state.VisibleBias, 0);
        }
    }

    /// <summary>
    /// The batch schedule from zero weights runs on <see cref="GramLayer"/> counts (no field recomputation); the online
    /// schedule and random initial weights keep the float32 row kernels of <see cref="RowLearner"/>.
    /// </summary>
    private static bool UsesGram(TrainingOptions o) => o.Schedule == TrainingSchedule.Batch && o.InitialScale == 0;

    private static NetworkState TrainHidden(TrainingPlan plan, int net, GramScratch scratch) =>
        UsesGram(plan.Options) ? TrainHiddenGram(plan, net, scratch) : TrainHiddenRows(plan, net);

    private static NetworkState TrainVisible(TrainingPlan plan, int net, GramScratch scratch) =>
        UsesGram(plan.Options) ? TrainVisibleGram(plan, net, scratch) : TrainVisibleRows(plan, net);

    /// <summary>
    /// Batch epochs on counts: the U layer against the fixed inputs ξ(t); the hidden code read off its fields (η &gt; 0,
    /// so sgn(η·C) = sgn(C)); the V layer's inputs follow the code by flips; then the V epoch.
    /// </summary>
    private static NetworkState TrainHiddenGram(TrainingPlan plan, int net, GramScratch scratch)
    {
        var o = plan.Options;
        int n = plan.N, m = plan.Hidden, transitions = plan.Transitions;
        bool learnU = o.Variant == NetworkVariant.HiddenUV, zeroOne = o.HiddenCode == HiddenCode.ZeroOne;
        var state = scratch.Begin();
        var (x, next) = scratch.Transitions(net);
        var y = scratch.HiddenCodes;
        var yT = scratch.HiddenCodesTransposed;
        GramLayer? hiddenLayer = null;
        if (learnU)
        {
            hiddenLayer = scratch.Layer(0, m, n, x, fixedInputs: true);
            state.Signs = ProjectionSigns.Create(plan, net, scratch.Projection);
            hiddenLayer.Targets(state.Signs, scratch.HiddenTargetRows);
            HiddenCodes(hiddenLayer, zeroOne, yT);
            BlockFields.Untranspose(yT, transitions, m, y);
        }
        else
        {
            FillNormal(state.U, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.FixedHiddenWeights), 0, 1);
            FixedHiddenStates(state.U, plan.Sequences, net, zeroOne, y);
        }
        var visibleLayer = scratch.Layer(1, n, m, y, fixedInputs: !learnU);
        visibleLayer.Targets(next, scratch.VisibleTargetRows);
        for (int epoch = 0; epoch < o.MaxEpochs && !state.Converged; epoch++)
        {
            int gh = 0;
            if (hiddenLayer != null)
            {
                gh = hiddenLayer.BatchEpoch(scratch.HiddenTargetRows);
                HiddenCodes(hiddenLayer, zeroOne, yT);
                visibleLayer.SetInputsTransposed(yT);
            }
            int gv = visibleLayer.BatchEpoch(scratch.VisibleTargetRows);
            state.HiddenGated.Add((double)gh / ((long)m * transitions));
            state.VisibleGated.Add((double)gv / ((long)n * transitions));
            state.Converged = gh == 0 && gv == 0;
        }
        hiddenLayer?.Export(state.U, state.HiddenBias);
        visibleLayer.Export(state.V, state.VisibleBias);
        return state;
    }

    private static NetworkState TrainVisibleGram(TrainingPlan plan, int net, GramScratch scratch)
    {
        var o = plan.Options;
        int n = plan.N, transitions = plan.Transitions;
        var state = scratch.Begin();
        var (x, next) = scratch.Transitions(net);
        var layer = scratch.Layer(0, n, n, x, fixedInputs: true);
        layer.Targets(next, scratch.VisibleTargetRows);
        for (int epoch = 0; epoch < o.MaxEpochs && !state.Converged; epoch++)
        {
            int gv = layer.BatchEpoch(scratch.VisibleTargetRows);
            state.VisibleGated.Add((double)gv / ((long)n * transitions));
            state.HiddenGated.Add(0);
            state.Converged = gv == 0;
        }
        layer.Export(state.W, state.VisibleBias);
        return state;
    }

    /// <summary>yT[i·Tp + t] = code(sgn(C[i, t])) of the U layer's current fields, zero padded.</summary>
    private static void HiddenCodes(GramLayer hidden, bool zeroOne, float[] yT)
    {
        var c = hidden.Fields;
        int tp = hidden.Stride, transitions = hidden.Transitions;
        for (int row = 0; row < c.Length; row += tp)
        {
            FloatSigns.Code(c.Slice(row, tp), yT.AsSpan(row, tp), zeroOne);
            yT.AsSpan(row + transitions, tp - transitions).Clear();
        }
    }

    private static NetworkState TrainHiddenRows(TrainingPlan plan, int net)
    {
        var o = plan.Options;
        int n = plan.N, m = plan.Hidden, transitions = plan.Transitions;
        bool learnU = o.Variant == NetworkVariant.HiddenUV, bias = o.Biases == BiasMode.Learned, zeroOne = o.HiddenCode == HiddenCode.ZeroOne;
        var state = new NetworkState(n, m);
        var f = new FloatLayers(n, m);
        var (x, next) = Transitions(plan, net);
        var s = learnU ? ProjectionSigns.Create(plan, net) : [];
        state.Signs = s;
        int tp = BlockFields.Padded(transitions);
        var y = new float[transitions * m];
        var xT = new float[n * tp];
        var yT = new float[m * tp];
        BlockFields.Transpose(x, transitions, n, xT);
        var hiddenFields = new float[m * tp];
        if (learnU)
        {
            FillNormal(f.U, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), 0, o.InitialScale);
        }
        else
        {
            // The fixed random U is N(0,1), off the dyadic grid: its hidden states are computed once, in float64 in the
            // Reference's order, so that they (and everything learned from them) match the Reference exactly.
            state.U = new double[m * n];
            FillNormal(state.U, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.FixedHiddenWeights), 0, 1);
            FixedHiddenStates(state.U, plan.Sequences, net, zeroOne, y);
        }
        FillNormal(f.V, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), (ulong)(m * n), o.InitialScale);
        var hiddenRule = new RowLearner(m, n, transitions, o.Kappa, o.Eta, bias);
        var visibleRule = new RowLearner(n, m, transitions, o.Kappa, o.Eta, bias);
        var visibleFields = new float[n * tp];
        if (learnU)
        {
            hiddenRule.Fields(f.U, f.HiddenBias, xT, hiddenFields);
        }
        else
        {
            BlockFields.Transpose(y, transitions, m, yT);
            visibleRule.Fields(f.V, f.VisibleBias, yT, visibleFields);
        }
        bool online = o.Schedule == TrainingSchedule.Online;
        var after = new float[Math.Max(n, m)];
        for (int epoch = 0; epoch < o.MaxEpochs && !state.Converged; epoch++)
        {
            int gh = 0, gv = 0;
            if (online)
            {
                for (int t = 0; t < transitions; t++)
                {
                    var yt = y.AsSpan(t * m, m);
                    if (learnU)
                    {
                        gh += hiddenRule.OnlineStep(f.U, f.HiddenBias, x.AsSpan(t * n, n), s.AsSpan(t * m, m), after);
                        for (int i = 0; i < m; i++)
                            yt[i] = Code(after[i], zeroOne);
                    }
                    gv += visibleRule.OnlineStep(f.V, f.VisibleBias, yt, next.AsSpan(t * n, n), after);
                }
            }
            else
            {
                if (learnU)
                {
                    // The fields after the U update are both this epoch's hidden states and next epoch's U gates.
                    gh = hiddenRule.BatchEpoch(f.U, f.HiddenBias, x, xT, s, hiddenFields);
                    for (int i = 0; i < m; i++)
                    {
                        for (int t = 0; t < transitions; t++)
                        {
                            float code = Code(hiddenFields[i * tp + t], zeroOne);
                            y[t * m + i] = code;
                            yT[i * tp + t] = code;
                        }
                    }
                    visibleRule.Fields(f.V, f.VisibleBias, yT, visibleFields);
                }
                gv = visibleRule.BatchEpoch(f.V, f.VisibleBias, y, yT, next, visibleFields);
            }
            state.HiddenGated.Add((double)gh / ((long)m * transitions));
            state.VisibleGated.Add((double)gv / ((long)n * transitions));
            state.Converged = gh == 0 && gv == 0;
        }
        f.ExportTo(state, learnU: plan.Options.Variant == NetworkVariant.HiddenUV);
        return state;
    }

    private static NetworkState TrainVisibleRows(TrainingPlan plan, int net)
    {
        var o = plan.Options;
        int n = plan.N, transitions = plan.Transitions;
        var state = new NetworkState(n, 0);
        var f = new FloatLayers(n, 0);
        var (x, next) = Transitions(plan, net);
        FillNormal(f.W, o.Seed, CounterRandom.Stream(net, CounterRandom.Purpose.BinaryInitialWeights), 0, o.InitialScale);
        var rule = new RowLearner(n, n, transitions, o.Kappa, o.Eta, o.Biases == BiasMode.Learned);
        var fields = new float[n * rule.Stride];
        var after = new float[n];
        var xT = new float[n * rule.Stride];
        BlockFields.Transpose(x, transitions, n, xT);
        // The inputs never change, so the fields left by one batch epoch are the next epoch's gates.
        rule.Fields(f.W, f.VisibleBias, xT, fields);
        for (int epoch = 0; epoch < o.MaxEpochs && !state.Converged; epoch++)
        {
            int gv = 0;
            if (o.Schedule == TrainingSchedule.Batch)
                gv = rule.BatchEpoch(f.W, f.VisibleBias, x, xT, next, fields);
            else
                for (int t = 0; t < transitions; t++)
                    gv += rule.OnlineStep(f.W, f.VisibleBias, x.AsSpan(t * n, n), next.AsSpan(t * n, n), after);
            state.VisibleGated.Add((double)gv / ((long)n * transitions));
            state.HiddenGated.Add(0);
            state.Converged = gv == 0;
        }
        f.ExportTo(state, learnU: plan.Options.Variant == NetworkVariant.HiddenUV);
        return state;
    }

    private static float Code(float field, bool zeroOne) => field >= 0 ? 1 : zeroOne ? 0 : -1;

    /// <summary>Inputs ξ(t) as float (T × N) and targets ξ(t+1) (T × N), transition-major.</summary>
    private static (float[] Inputs, sbyte[] Targets) Transitions(TrainingPlan plan, int net)
    {
        var inputs = new float[plan.Transitions * plan.N];
        var targets = new sbyte[plan.Transitions * plan.N];
        Transitions(plan, net, inputs, targets);
        return (inputs, targets);
    }

    private static void Transitions(TrainingPlan plan, int net, float[] inputs, sbyte[] targets)
    {
        var seq = plan.Sequences;
        int n = plan.N;
        for (int t = 0; t < plan.Transitions; t++)
        {
            var pattern = seq.Pattern(net, t);
            for (int k = 0; k < n; k++)
                inputs[t * n + k] = pattern[k];
            seq.Pattern(net, seq.Successor(t)).CopyTo(targets.AsSpan(t * n, n));
        }
    }

    /// <summary>code(sgn(Uξ(t))) for the fixed U, sums in index order in float64 (the Reference's arithmetic).</summary>
    private static void FixedHiddenStates(double[] u, SequenceBatch seq, int net, bool zeroOne, float[] y)
    {
        int n = seq.Visible, m = u.Length / n;
        for (int t = 0; t < seq.Transitions; t++)
        {
            var x = seq.Pattern(net, t);
            for (int i = 0; i < m; i++)
            {
                double field = 0;
                for (int k = 0; k < n; k++)
                    field += u[i * n + k] * x[k];
                y[t * m + i] = field >= 0 ? 1 : zeroOne ? 0 : -1;
            }
        }
    }

    /// <summary>The Reference's counter-based N(0,1)·scale draws (float64), rounded once to float32; zeros when scale is 0.</summary>
    private static void FillNormal(float[] target, ulong seed, ulong stream, ulong first, double scale)
    {
        if (scale == 0)
            return;
        for (int i = 0; i < target.Length; i++)
            target[i] = (float)(scale * CounterRandom.Normal(seed, stream, first + (ulong)i));
    }

    private static void FillNormal(double[] target, ulong seed, ulong stream, ulong first, double scale)
    {
        for (int i = 0; i < target.Length; i++)
            target[i] = scale * CounterRandom.Normal(seed, stream, first + (ulong)i);
    }
}
