namespace FastAttractors.Cli;

/// <summary>The request was valid but could not be carried out here (no such device, unwritable directory): exit code 1.</summary>
public sealed class RuntimeFailure(string message, Exception? inner = null) : Exception(message, inner);
