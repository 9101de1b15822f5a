using FastAttractors.Training;
using Parquet;
using Parquet.Schema;

namespace FastAttractors.Cli.Training;

/// <summary>Reads a train.parquet written by <see cref="TrainOutputs"/> back into its rows and metadata.</summary>
internal static class TrainLogReader
{
    public static (IReadOnlyList<RnnEvaluation> Rows, IReadOnlyDictionary<string, string> Metadata) Read(string path) =>
        ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(IReadOnlyList<RnnEvaluation>, IReadOnlyDictionary<string, string>)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name);
        foreach (var name in TrainOutputs.Columns)
        {
            if (!fields.ContainsKey(name))
                throw new UsageException($"--runs: '{path}' has no column '{name}'; it is not a train log.");
        }
        using var group = reader.OpenRowGroupReader(0);
        int rows = (int)group.RowCount;
        var steps = new long[rows];
        await group.ReadAsync<long>(fields["step"], steps.AsMemory());
        var columns = new Dictionary<string, double[]>();
        foreach (var name in TrainOutputs.Columns.Skip(1))
        {
            columns[name] = new double[rows];
            await group.ReadAsync<double>(fields[name], columns[name].AsMemory());
        }
        var list = Enumerable.Range(0, rows).Select(i => new RnnEvaluation(steps[i], columns["epoch"][i], columns["train_loss"][i], columns["train_accuracy"][i],
            columns["test_loss"][i], columns["test_accuracy"][i], columns["grad_norm"][i], columns["seconds"][i])).ToArray();
        return (list, new Dictionary<string, string>(reader.CustomMetadata));
    }
}
