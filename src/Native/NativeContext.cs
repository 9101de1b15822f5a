namespace FastAttractors.Native;

/// <summary>
/// One fa_context: an engine plus a try-lock. A native caller may share a context between threads; the engine is not
/// meant for concurrent calls, so a second caller gets FA_ERR_BUSY at once instead of blocking or racing.
/// </summary>
internal sealed class NativeContext(Engine engine)
{
    private int inUse;

    public Engine Engine { get; } = engine;

    /// <summary>Set once by destroy; a caller that fetched the context just before sees it and reports an invalid context.</summary>
    public volatile bool Destroyed;

    public bool TryEnter() => Interlocked.CompareExchange(ref inUse, 1, 0) == 0;

    public void Exit() => Volatile.Write(ref inUse, 0);
}
