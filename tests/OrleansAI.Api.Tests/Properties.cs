// Each factory co-hosts a silo; one at a time keeps a 2-core machine from starving their timers.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
