namespace FastAttractors.Cli;

/// <summary>A bad option, flag value or spec field: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
