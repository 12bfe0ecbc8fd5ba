"""The pseudo-random durations of the "many tasks" scenario: the same 64-bit LCG as
`LCG.nextMilliseconds()` in Sources/carnet-bench/BenchExamples.swift (seed 42, Knuth's MMIX
constants), so Python and Swift sleep exactly the same durations."""

MASK = (1 << 64) - 1


def milliseconds(count):
    """The first `count` durations, in milliseconds, each in 0..10000."""
    state = 42
    out = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        out.append((state >> 33) % 10001)
    return out
