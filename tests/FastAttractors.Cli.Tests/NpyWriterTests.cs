using System.Diagnostics;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

public class NpyWriterTests
{
    [Theory]
    [InlineData(new long[] { 0 })]
    [InlineData(new long[] { 3 })]
    [InlineData(new long[] { 2, 3 })]
    [InlineData(new long[] { 4, 1, 2 })]
    [InlineData(new long[] { 123456789, 1000, 100000 })]
    public void Header_is_padded_to_64_bytes_and_ends_with_newline(long[] shape)
    {
        var header = NpyWriter.Header("<f8", shape);
        Assert.Equal(0, header.Length % 64);
        Assert.Equal((byte)'\n', header[^1]);
        string text = System.Text.Encoding.ASCII.GetString(header, 10, header.Length - 10);
        Assert.Contains(shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})", text);
    }

    [Fact]
    public void Values_round_trip_through_the_independent_reader()
    {
        double[] doubles = [0.0, -0.0, 1.5, double.NaN, double.PositiveInfinity, -1e-300];
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, doubles, 2, 3);
        var array = NpyArray.Read(stream.ToArray());
        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(doubles.Select(BitConverter.DoubleToInt64Bits), array.Doubles().Select(BitConverter.DoubleToInt64Bits));

        stream.SetLength(0);
        NpyWriter.Write(stream, new long[] { -1, long.MaxValue }, 2);
        Assert.Equal([-1, long.MaxValue], NpyArray.Read(stream.ToArray()).Int64s());
    }

    /// <summary>numpy itself reads the file (CI installs python3-numpy; without it there is nothing to compare against).</summary>
    [Fact]
    public void Numpy_loads_the_npz_when_it_is_installed()
    {
        if (!NumpyAvailable())
            return;
        using var dir = new TempDirectory();
        var result = CliHarness.Run("integrate", "--model", "lorenz", "--members", "3", "--dt", "0.01", "--steps", "8", "--record-every", "4",
            "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var ours = NpyArray.ReadNpz(dir.File("integrate.npz"));
        string script =
            "import json, numpy as np, sys; z = np.load(sys.argv[1]); "
            + "data = [k for k in sorted(z.files) if not k.startswith('param_') and k != 'meta_json']; "
            + "print(';'.join(f'{k}:{z[k].dtype.str}:{z[k].shape}:{z[k].flags.c_contiguous}' for k in data)); "
            + "print(repr(float(z['final_states'][2, 1]))); "
            + "meta = json.loads(str(z['meta_json'])); print(meta['commit'], meta['backend'], meta['parameters']['rho']); "
            + "print(z['param_rho'].dtype.str, z['param_rho'].shape, z['param_seed'].dtype.str)";
        var (code, output) = Python(script, dir.File("integrate.npz"));
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("failed_step:<i8:(3,):True;final_states:<f8:(3, 3):True;status:<i4:(3,):True;times:<f8:(3,):True;trajectory:<f8:(3, 3, 3):True", lines[0]);
        Assert.Equal(ours["final_states"].Doubles()[2 * 3 + 1], double.Parse(lines[1], System.Globalization.CultureInfo.InvariantCulture));
        // The metadata beside the arrays loads without pickling: meta_json as a 0-d string, param_NAME one value per member.
        Assert.Equal($"{Output.BuildInfo.Commit} Reference 28", lines[2]);
        Assert.Equal("<f8 (3,) <i8", lines[3]);
    }

    private static bool NumpyAvailable()
    {
        try
        {
            return Python("import numpy", "").Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no python3 at all
        }
    }

    // Debian's python3-numpy installs for /usr/bin/python3; a python3 earlier on PATH (pyenv) may lack numpy.
    private static string PythonPath => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static (int Code, string Output) Python(string script, string argument)
    {
        var start = new ProcessStartInfo(PythonPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
