/// Runs `pass` repeatedly for about `seconds` and returns (operations, elapsed seconds).
/// `pass` does one sweep over the inputs and returns how many operations it did.
func measure(seconds: Double, _ pass: () -> Int) -> (operations: Int, elapsed: Double) {
    let clock = ContinuousClock()
    _ = pass()  // warm-up: lexicon, caches, page faults
    let start = clock.now
    let budget = Duration.milliseconds(Int64(seconds * 1000))
    var operations = 0
    while clock.now - start < budget {
        operations += pass()
    }
    let elapsed = clock.now - start
    let components = elapsed.components
    return (operations, Double(components.seconds) + Double(components.attoseconds) / 1e18)
}

/// Keeps results alive so the optimiser cannot drop the work being timed.
@inline(never)
func blackHole<T>(_ value: T) {}
