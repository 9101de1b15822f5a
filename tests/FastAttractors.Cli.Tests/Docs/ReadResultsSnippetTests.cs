using System.Diagnostics;
using DuckDB.NET.Data;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Docs;

/// <summary>
/// The code of "Read results with pandas, DuckDB or polars" (docs/how-to/read-results.md) is included from
/// docs/how-to/snippets, and these tests run those files on a real scan: the DuckDB queries through DuckDB's own
/// engine (DuckDB.NET bundles it), the pandas script with Debian's python3-pandas. polars has no Debian package, so
/// its script is only compiled.
/// </summary>
public sealed class ReadResultsSnippetTests : IDisposable
{
    private static readonly string Snippets = Path.Combine(Repository.Root, "docs", "how-to", "snippets");
    private readonly string root = Directory.CreateTempSubdirectory("fa-read-results-").FullName;
    private readonly string scanDir;

    public ReadResultsSnippetTests()
    {
        scanDir = Path.Combine(root, "results", "scan");
        string spec = ScanRun.SpecFile(root, ScanRun.SmallMap);
        var run = ScanRun.Scan(scanDir, "--spec", spec, "--npz", "--backend", "reference");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void DuckDbQueriesReturnTheScansRowsAndMetadata()
    {
        string[] queries = File.ReadAllText(Path.Combine(Snippets, "read_scan.sql"))
            .Replace("'results/scan/", $"'{scanDir}/", StringComparison.Ordinal)
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, queries.Length);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();

        // The first query: the ok rows with |λ1| < 1e-3, sorted. Expected from the engine's own Parquet reader.
        var table = ScanRun.ReadAll(scanDir);
        var alpha = (double[])table["alpha"];
        var theta = (double[])table["theta"];
        var lambda1 = (double[])table["lambda_1"];
        var status = (string[])table["status"];
        var expected = Enumerable.Range(0, alpha.Length)
            .Where(r => status[r] == "ok" && Math.Abs(lambda1[r]) < 1e-3)
            .Select(r => (alpha[r], theta[r], lambda1[r]))
            .OrderBy(t => t.Item1).ThenBy(t => t.Item2).ToList();
        var rows = Query(connection, queries[0]);
        Assert.NotEmpty(expected); // the small map grid has quasi-periodic points (λ1 = 0 within the threshold)
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Item1, (double)rows[i][0]);
            Assert.Equal(expected[i].Item2, (double)rows[i][1]);
            Assert.Equal(expected[i].Item3, (double)rows[i][2]);
        }

        // The second query: the fastattractors.* key-value metadata of the one shard file.
        var metadata = Query(connection, queries[1]).ToDictionary(r => (string)r[1], r => (string)r[2]);
        Assert.Equal("Reference", metadata["fastattractors.backend"]);
        Assert.Equal("float64", metadata["fastattractors.precision"]);
        Assert.Contains("fastattractors.units.lambda_1", metadata.Keys);
    }

    [Fact]
    public void PandasScriptPrintsTheGridAndTheBackend()
    {
        var (code, output, error) = Python(Path.Combine(Snippets, "read_scan_pandas.py"));
        Assert.True(code == 0, $"the pandas snippet failed (CI installs python3-pandas; install it with apt-get install python3-pandas):\n{error}");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Reference 1/iteration", lines[^1]);
        Assert.StartsWith("alpha", lines[0].Trim()); // the pivot table's header: θ rows by α columns
    }

    [Fact]
    public void NumpyScriptReadsALyapunovRun()
    {
        var run = CliHarness.Run(["lyapunov", "--model", "lorenz", "--members", "3", "--dt", "0.01", "--transient", "0", "--duration", "1",
            "--backend", "Reference", "--out", Path.Combine(root, "results", "lyapunov")]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var (code, output, error) = Python(Path.Combine(Snippets, "read_lyapunov_npz.py"));
        Assert.True(code == 0, error);
        Assert.Equal("(3, 3) (3, 3) (3,) Reference", output.Trim()); // Lorenz: k = n = 3 by default
    }

    [Fact]
    public void PolarsScriptCompiles()
    {
        var (code, _, error) = Python("-m", "py_compile", Path.Combine(Snippets, "read_scan_polars.py"));
        Assert.True(code == 0, error);
    }

    // Debian's python3 packages install for /usr/bin/python3; a python3 earlier on PATH (pyenv) may lack them.
    private (int Code, string Output, string Error) Python(params string[] arguments)
    {
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root,
        };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    private static List<object[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
