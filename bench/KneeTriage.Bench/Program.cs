using BenchmarkDotNet.Running;

// Pass BenchmarkDotNet's own arguments through, e.g. --job short --filter *Assess*.
BenchmarkSwitcher.FromAssembly(typeof(KneeTriage.Bench.AssessmentBenchmarks).Assembly).Run(args);
