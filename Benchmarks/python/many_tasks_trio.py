"""Many tasks with trio: N tasks in a nursery, each sleeping a pseudo-random duration up to
10 s on trio's MockClock with autojump_threshold=0 (virtual time, like Carnet's loop).
Usage: python many_tasks_trio.py N  -> prints one JSON line."""
import json
import sys
import time

import trio
import trio.testing

from lcg import milliseconds


async def main(durations):
    async with trio.open_nursery() as nursery:
        for ms in durations:
            nursery.start_soon(trio.sleep, ms / 1000)
    return trio.current_time()


if __name__ == "__main__":
    n = int(sys.argv[1])
    start = time.perf_counter()
    durations = milliseconds(n)
    clock = trio.testing.MockClock(autojump_threshold=0)
    simulated = trio.run(main, durations, clock=clock)
    elapsed = time.perf_counter() - start
    print(json.dumps({"tasks": n, "seconds": elapsed, "simulated": round(simulated, 3)}))
