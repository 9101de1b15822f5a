// Doc comments of this folder are being written; CS1591 is enforced everywhere else in this project.
#pragma warning disable CS1591
namespace FastAttractors.Training;

/// <summary>
/// One row of a training log: after <see cref="Step"/> updates (<see cref="Epoch"/> passes over the training set), the
/// mean training loss and accuracy of the minibatches since the previous row, the test loss and accuracy, and the mean
/// gradient norm before clipping.
/// </summary>
public sealed record RnnEvaluation(long Step, double Epoch, double TrainLoss, double TrainAccuracy, double TestLoss,
    double TestAccuracy, double GradientNorm, double Seconds);
