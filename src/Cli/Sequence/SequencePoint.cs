namespace FastAttractors.Cli.Sequence;

/// <summary>One point of a run: its sweep name and index, T, M and the flipped-bit counts recalled after one training.</summary>
internal sealed record SequencePoint(string Sweep, int Index, int Length, int Hidden, int[] Flips);
