using Xunit;

namespace FastAttractors.Tests.Binary;

/// <summary>Exact comparison of two trainings (tolerance 0: the dyadic setting, where every sum is exact).</summary>
internal static class BinaryAssert
{
    public static void SameTraining(TrainingResult expected, TrainingResult actual)
    {
        Assert.Equal(expected.U, actual.U);
        Assert.Equal(expected.V, actual.V);
        Assert.Equal(expected.W, actual.W);
        Assert.Equal(expected.HiddenBias, actual.HiddenBias);
        Assert.Equal(expected.VisibleBias, actual.VisibleBias);
        Assert.Equal(expected.Epochs, actual.Epochs);
        Assert.Equal(expected.Converged, actual.Converged);
        Assert.Equal(expected.MinHiddenMargin, actual.MinHiddenMargin);
        Assert.Equal(expected.MinVisibleMargin, actual.MinVisibleMargin);
        for (int b = 0; b < expected.Networks; b++)
        {
            Assert.Equal(expected.HiddenGateFraction(b).ToArray(), actual.HiddenGateFraction(b).ToArray());
            Assert.Equal(expected.VisibleGateFraction(b).ToArray(), actual.VisibleGateFraction(b).ToArray());
        }
    }
}
