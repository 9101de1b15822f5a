namespace FastAttractors.Training;

/// <summary>
/// One row of a training log: after <see cref="Step"/> updates (<see cref="Epoch"/> passes over the training set), the
/// mean training loss and accuracy of the minibatches since the previous row, the test loss and accuracy, and the mean
/// gradient norm before clipping.
/// </summary>
/// <param name="Step">Updates taken so far.</param>
/// <param name="Epoch">Passes over the training set so far (fractional).</param>
/// <param name="TrainLoss">Mean training loss of the minibatches since the previous row (NaN when there were none).</param>
/// <param name="TrainAccuracy">Mean training accuracy of those minibatches, in [0, 1] (NaN when there were none).</param>
/// <param name="TestLoss">Mean loss on the test set.</param>
/// <param name="TestAccuracy">Accuracy on the test set, in [0, 1].</param>
/// <param name="GradientNorm">Mean gradient norm before clipping since the previous row (NaN when no update was taken).</param>
/// <param name="Seconds">Wall-clock seconds spent training so far.</param>
public sealed record RnnEvaluation(long Step, double Epoch, double TrainLoss, double TrainAccuracy, double TestLoss,
    double TestAccuracy, double GradientNorm, double Seconds);
