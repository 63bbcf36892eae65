using BenchmarkDotNet.Running;
using FireCommand.Bench;

// "driver <mode> …" runs the plain measurement modes used by bench/compare-routing.sh (same query
// counts as the C reference, per-query percentiles, pgRouting); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "driver")
    return await Drivers.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args);
return 0;
