// Clusters here share one PostgreSQL and bind real ports; running them one at a time keeps timings honest on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
