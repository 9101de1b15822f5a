using System.Diagnostics;

namespace FastAttractors.Cli.Tests.Packaging;

/// <summary>Runs the dotnet SDK (or an installed tool) as a child process with a time limit, for the packaging tests.</summary>
public static class DotnetProcess
{
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>Asserts success and shows the child's output when it failed (a packaging failure is only debuggable from it).</summary>
        public Result EnsureSuccess(string what)
        {
            if (ExitCode != 0)
                throw new Xunit.Sdk.XunitException($"{what} failed with exit {ExitCode}:\n{Output}");
            return this;
        }
    }

    /// <summary>The dotnet host that runs these tests (DOTNET_HOST_PATH under <c>dotnet test</c>), else dotnet on PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Result Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        // `dotnet test` leaves MSBuild variables in the test host's environment that would steer a nested build to the
        // outer one's SDK paths and nodes; the child must behave as a user's shell would.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Own worker nodes, ended with the child: a reused node belongs to whatever build started it (on a shared
        // machine, another user's), and one that goes away mid-build fails ours with MSB4166.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Result(124, $"timed out after {timeout.TotalSeconds:0} s: {file} {string.Join(' ', args)}\n{stdout.Result}{stderr.Result}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result + stderr.Result);
    }
}
