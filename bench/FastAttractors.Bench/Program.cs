using BenchmarkDotNet.Running;
using FastAttractors.Bench.Benchmarks;
using FastAttractors.Bench.Compare;
using FastAttractors.Bench.Machine;

// FastAttractors benchmarks (docs/benchmarks.md):
//   dotnet run -c Release --project bench/FastAttractors.Bench -- compare [--size small|gpu] [--runs 5] [--out FILE]
//   dotnet run -c Release --project bench/FastAttractors.Bench -- --filter '*'      (BenchmarkDotNet suite)
//   dotnet run -c Release --project bench/FastAttractors.Bench -- --filter '*StateRepresentation*'   (binary states: ±1 float32 vs sbyte vs bits)
//   dotnet run -c Release --project bench/FastAttractors.Bench -- w6 [--runs 5] [--duration 200] [--precision f32|f64|both]
//   dotnet run -c Release --project bench/FastAttractors.Bench -- gradient [--runs 3] [--backend simd,ilgpucpu] [--members M] [--workload n16|n64|all]
//   dotnet run -c Release --project bench/FastAttractors.Bench -- w7 [--runs 3] [--networks 256] [--reference-networks 8] [--epochs 500] [--trials 10] [--backend reference,simd]
//   dotnet run -c Release --project bench/FastAttractors.Bench -- w8 [--networks 256] [--width 64] [--iterations 20] [--length 100] [--batch 64] [--peer PATH|none]
//   probe W1 RUNS                                                                  (child of compare; internal)
try
{
    // Vector<T>'s width is fixed when the runtime starts: on AVX-512 CPUs the runner runs again at 512 bits
    // (VectorWidthPolicy; FASTATTRACTORS_VECTOR_WIDTH=native keeps the runtime's default). BenchmarkDotNet's and the
    // probe's child processes inherit the environment the relaunch set.
    if (VectorWidthRelaunch.RunIfWanted(args) is { } relaunchedExit)
        return relaunchedExit;
    if (args.Length > 0 && args[0] == "compare")
        return CompareRunner.Run(CompareOptions.Parse(args[1..]));
    if (args.Length > 0 && args[0] == "w6")
        return FastAttractors.Bench.W6.W6Runner.Run(args[1..]);
    if (args.Length > 0 && args[0] == "gradient")
        return FastAttractors.Bench.Gradient.GradientRunner.Run(args[1..]);
    if (args.Length > 0 && args[0] == "w7")
        return FastAttractors.Bench.W7.W7Runner.Run(args[1..]);
    if (args.Length > 0 && args[0] == "w8")
        return FastAttractors.Bench.W8.W8Runner.Run(args[1..]);
    if (args.Length > 0 && args[0] == "probe")
        return VectorWidthProbe.RunChild(args[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
BenchmarkSwitcher.FromAssembly(typeof(MacroConfig).Assembly).Run(args, MacroConfig.Create());
return 0;
