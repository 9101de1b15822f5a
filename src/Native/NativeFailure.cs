namespace FastAttractors.Native;

/// <summary>A failure the exports report with a specific code (the engine's own exceptions are mapped by type).</summary>
internal sealed class NativeFailure(ErrorCode code, string message) : Exception(message)
{
    public ErrorCode Code { get; } = code;
}
