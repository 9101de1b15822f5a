using System.Collections.Concurrent;

namespace FastAttractors.Tests.Support;

/// <summary>One engine per backend for the whole test run: ILGPU kernels compile once per specialisation.</summary>
public static class EngineCache
{
    private static readonly ConcurrentDictionary<Backend, Engine> Engines = new();

    public static Engine Get(Backend backend) => Engines.GetOrAdd(backend, b => Engine.Create(b));
}
