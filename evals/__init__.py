"""The eval set of expected answers, its runner and the benchmarks."""
