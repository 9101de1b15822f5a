namespace FastAttractors;

/// <summary>Parses backend names from options and the environment, with errors that list the valid values.</summary>
public static class BackendNames
{
    /// <summary>The environment variable that overrides the default backend choice.</summary>
    public const string EnvironmentVariable = "FASTATTRACTORS_BACKEND";

    /// <summary>The names <see cref="Parse"/> accepts, one per <see cref="Backend"/> value.</summary>
    public static IReadOnlyList<string> Valid { get; } = Enum.GetNames<Backend>();

    /// <summary>Parses a backend name (case-insensitive); throws naming <paramref name="source"/> and the bad value.</summary>
    public static Backend Parse(string value, string source)
    {
        if (Enum.TryParse<Backend>(value?.Trim(), ignoreCase: true, out var backend) && Enum.IsDefined(backend)
            && !int.TryParse(value, out _))
            return backend;
        throw new ArgumentException(
            $"{source}: unknown backend '{value}'. Valid backends: {string.Join(", ", Valid)}.", source);
    }

    /// <summary>The backend named by <see cref="EnvironmentVariable"/>, or null when it is unset or empty.</summary>
    public static Backend? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value, EnvironmentVariable);
    }
}
