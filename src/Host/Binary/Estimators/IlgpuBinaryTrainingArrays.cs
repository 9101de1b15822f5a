namespace FastAttractors.Binary.Estimators;

/// <summary>
/// The host side of a kernel training: network-major result arrays filled chunk by chunk from the device buffers, and
/// the per-epoch gate fractions formed from the kernel's integer counts as the Reference forms them.
/// </summary>
internal sealed class IlgpuBinaryTrainingArrays
{
    private readonly TrainingPlan plan;
    private readonly int firstSize, secondSize;
    private readonly double[] u, v, w, hiddenBias, visibleBias, minHidden, minVisible;
    private readonly int[] epochs;
    private readonly bool[] converged;
    private readonly double[][] hiddenGated, visibleGated;

    public IlgpuBinaryTrainingArrays(TrainingPlan plan)
    {
        this.plan = plan;
        int b = plan.Networks, n = plan.N, m = plan.Hidden;
        bool hidden = plan.HasHiddenLayer;
        firstSize = hidden ? m * n : n * n;
        secondSize = hidden ? n * m : 0;
        u = new double[hidden ? b * m * n : 0];
        v = new double[hidden ? b * n * m : 0];
        w = new double[hidden ? 0 : b * n * n];
        hiddenBias = new double[b * m];
        visibleBias = new double[b * n];
        minHidden = new double[b];
        minVisible = new double[b];
        epochs = new int[b];
        converged = new bool[b];
        hiddenGated = new double[b][];
        visibleGated = new double[b][];
    }

    public void Collect(int start, int count, double[] first, double[] second, double[] hiddenBias, double[] visibleBias,
        int[] gateCounts, int[] status, double[] margins)
    {
        int n = plan.N, m = plan.Hidden, tr = plan.Transitions, max = plan.Options.MaxEpochs;
        bool hidden = plan.HasHiddenLayer, learnU = plan.Options.Variant == NetworkVariant.HiddenUV;
        Array.Copy(first, 0, hidden ? u : w, (long)start * firstSize, (long)count * firstSize);
        if (hidden)
            Array.Copy(second, 0, v, (long)start * secondSize, (long)count * secondSize);
        Array.Copy(hiddenBias, 0, this.hiddenBias, (long)start * m, (long)count * m);
        Array.Copy(visibleBias, 0, this.visibleBias, (long)start * n, (long)count * n);
        for (int g = 0; g < count; g++)
        {
            int net = start + g, ran = status[2 * g];
            epochs[net] = ran;
            converged[net] = status[2 * g + 1] != 0;
            var h = new double[ran];
            var vis = new double[ran];
            for (int e = 0; e < ran; e++)
            {
                int at = (g * max + e) * 2;
                // The visible-only perceptron has no hidden layer: its hidden fractions are 0 (the Reference's), not 0/0.
                h[e] = hidden ? (double)gateCounts[at] / ((long)m * tr) : 0;
                vis[e] = (double)gateCounts[at + 1] / ((long)n * tr);
            }
            hiddenGated[net] = h;
            visibleGated[net] = vis;
            minHidden[net] = learnU ? margins[2 * g] : double.NaN;
            minVisible[net] = margins[2 * g + 1];
        }
    }

    public TrainingResult ToResult(Backend backend) => new(plan.Sequences, plan.Options, plan.Hidden, backend, u, v, w, hiddenBias, visibleBias,
        epochs, converged, hiddenGated, visibleGated, minHidden, minVisible);
}
