using System.CommandLine;

namespace FastAttractors.Cli.Commands;

/// <summary>
/// Options that several commands declare alike, each written once so that its name and help read the same in every
/// command. Every call makes a new option: an option belongs to the one command it is added to.
/// </summary>
internal static class CommonOptions
{
    /// <summary>--out: the directory the command writes to, <paramref name="defaultDirectory"/> unless given.</summary>
    public static Option<string> Out(string defaultDirectory, string description = "Output directory.") =>
        new("--out") { Description = description, DefaultValueFactory = _ => defaultDirectory };

    /// <summary>--backend of a command that runs on one backend; unset, the best one present or the environment's choice.</summary>
    public static Option<string?> Backend() =>
        new("--backend") { Description = $"{string.Join(" | ", BackendNames.Valid)}; default: best present or {BackendNames.EnvironmentVariable}." };

    /// <summary>--precision of the state (and tangents) of a run.</summary>
    public static Option<string?> Precision() => new("--precision") { Description = "float32 | float64 (default)." };

    /// <summary>--x0-std: the spread of the drawn initial states.</summary>
    public static Option<double?> X0Std() => new("--x0-std") { Description = "Standard deviation of the Gaussian initial states (default 1)." };
}
