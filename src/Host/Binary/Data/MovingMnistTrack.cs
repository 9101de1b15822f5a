namespace FastAttractors;

/// <summary>
/// One digit of a Moving-MNIST sequence: which image it is and where its 28 × 28 box's top-left corner lies in each
/// frame (row and column, in pixels from the frame's top-left), so plots and tests can follow it.
/// </summary>
public sealed record MovingMnistTrack(int Digit, int Index, int[] Rows, int[] Columns);

/// <summary>The frames (±1, FrameRows = frame side) and the digits that made them.</summary>
public sealed record MovingMnistSequence(BinarySequence Frames, IReadOnlyList<MovingMnistTrack> Tracks);
