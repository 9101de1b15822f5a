using System.Reflection;

namespace FastAttractors.Cli.Output;

/// <summary>
/// The engine's version and the git commit it was built from. The .NET SDK appends "+&lt;commit sha&gt;" to the
/// informational version when it builds inside a git checkout (SourceLink's SourceRevisionId); a build without git
/// has no suffix, and the commit reads "unknown".
/// </summary>
internal static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The version without the commit suffix, e.g. "0.1.0".</summary>
    public static string Version => Informational.Split('+', 2)[0];

    /// <summary>The full commit sha, or "unknown" when the build had no git information.</summary>
    public static string Commit => Informational.Split('+', 2) is [_, var sha] && sha.Length > 0 ? sha : "unknown";
}
