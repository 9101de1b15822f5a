using FastAttractors.Binary;

namespace FastAttractors.Cli.Sequence;

/// <summary>
/// The trajectory of recall trial 0 of network b: the start state ξ(1) with the same k bits flipped as the engine's
/// trial (same seed, network and trial), then the network's own steps, so the plotted frames are the ones scored.
/// </summary>
internal static class RecalledFrames
{
    public static sbyte[][] Trajectory(TrainingResult trained, int network, RecallOptions options, int steps)
    {
        int n = trained.Visible;
        var state = trained.Sequences.Pattern(network, 0).ToArray();
        var flipped = new int[options.FlippedBits];
        FlipNoise.Choose(options.Seed, network, 0, n, options.FlippedBits, flipped);
        foreach (int i in flipped)
            state[i] = (sbyte)-state[i];
        var step = new NetworkStep(trained, network);
        var states = new sbyte[steps + 1][];
        states[0] = state;
        for (int s = 1; s <= steps; s++)
        {
            states[s] = new sbyte[n];
            step.Next(states[s - 1], states[s]);
        }
        return states;
    }
}
