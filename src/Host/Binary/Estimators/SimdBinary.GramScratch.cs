namespace FastAttractors.Binary.Estimators;

internal sealed partial class SimdBinary
{
    /// <summary>
    /// One thread's buffers for the batch-from-zero path, allocated for the first network and reused for the rest: at
    /// W7's size a network needs about 2 MB of arrays, most above the large-object threshold, and allocating them per
    /// network made page faults and LOH collections about a fifth of the training time (perf, 256 networks).
    /// </summary>
    private sealed class GramScratch(TrainingPlan plan)
    {
        private readonly GramLayer?[] layers = new GramLayer?[2];
        private NetworkState? state;
        private float[] inputs = [];
        private sbyte[] targets = [];

        public BinaryMargins Margins { get; } = new(plan);

        public float[] HiddenCodes { get; } = new float[plan.Transitions * plan.Hidden];

        public float[] HiddenCodesTransposed { get; } = new float[plan.Hidden * BlockFields.Padded(plan.Transitions)];

        public float[] HiddenTargetRows { get; } = new float[plan.Hidden * BlockFields.Padded(plan.Transitions)];

        public float[] VisibleTargetRows { get; } = new float[plan.N * BlockFields.Padded(plan.Transitions)];

        public double[] Projection { get; } = new double[plan.Options.Targets == HiddenTargets.RandomProjection ? ProjectionSigns.ProjectionLength(plan) : 0];

        /// <summary>The network state, cleared for the next network.</summary>
        public NetworkState Begin()
        {
            state ??= new NetworkState(plan.N, plan.HasHiddenLayer ? plan.Hidden : 0);
            state.Reset();
            return state;
        }

        /// <summary>Network <paramref name="net"/>'s inputs ξ(t) and targets ξ(t+1), in this thread's buffers.</summary>
        public (float[] Inputs, sbyte[] Targets) Transitions(int net)
        {
            if (inputs.Length == 0)
            {
                inputs = new float[plan.Transitions * plan.N];
                targets = new sbyte[plan.Transitions * plan.N];
            }
            SimdBinary.Transitions(plan, net, inputs, targets);
            return (inputs, targets);
        }

        /// <summary>Layer <paramref name="slot"/> reset to zero weights and these inputs (built on first use; a slot always has one shape).</summary>
        public GramLayer Layer(int slot, int rows, int cols, ReadOnlySpan<float> initialInputs, bool fixedInputs)
        {
            var o = plan.Options;
            var layer = layers[slot];
            if (layer == null)
                return layers[slot] = new GramLayer(rows, cols, plan.Transitions, o.Kappa, o.Eta, o.Biases == BiasMode.Learned, initialInputs, fixedInputs);
            layer.Reset(initialInputs);
            return layer;
        }
    }
}
