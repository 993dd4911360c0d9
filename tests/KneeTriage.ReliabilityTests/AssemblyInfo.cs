// The crash and load tests each drive a real app process as hard as the machine allows; run
// them one at a time so neither measures the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
