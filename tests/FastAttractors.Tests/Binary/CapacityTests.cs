using Xunit;
using Xunit.Abstractions;

namespace FastAttractors.Tests.Binary;

/// <summary>A small capacity check (docs/results/sequence-capacity.md): at N = 40, M = 200 recall under noise falls as the sequence grows.</summary>
public class CapacityTests(ITestOutputHelper output)
{
    [Fact]
    public void Success_falls_with_sequence_length()
    {
        var rates = new List<double>();
        foreach (int length in new[] { 10, 20, 30, 120 })
        {
            var nets = BinaryCases.Reference.TrainSequences(BinaryCases.Random(4, length, 40, seed: (ulong)length),
                new TrainingOptions { Hidden = 200, Eta = 1.0 / 64, MaxEpochs = 200 });
            var recall = BinaryCases.Reference.Recall(nets, new RecallOptions { FlippedBits = 4, Trials = 10 });
            rates.Add(recall.OverallSuccessRate());
            output.WriteLine($"T = {length}: converged {nets.Converged.Count(c => c)}/4, success {recall.OverallSuccessRate():P0}");
        }
        // Short sequences are recalled almost always, the longest far less: a drop of at least half the trials.
        Assert.True(rates[0] >= 0.9, $"T = 10 success {rates[0]}");
        Assert.True(rates[0] >= rates[1] && rates[1] >= rates[2] && rates[2] >= rates[3], string.Join(", ", rates));
        Assert.True(rates[0] - rates[3] >= 0.5, string.Join(", ", rates));
    }
}
