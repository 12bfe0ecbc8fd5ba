"""Many tasks with asyncio: N tasks gathered, each awaiting asyncio.sleep(0) (asyncio has no
virtual clock: this is its bare scheduling cost). The same durations are still drawn, so both
Python programs pay for the LCG alike.
Usage: python many_tasks_asyncio.py N  -> prints one JSON line."""
import asyncio
import json
import sys
import time

from lcg import milliseconds


async def main(durations):
    await asyncio.gather(*(asyncio.sleep(0) for _ in durations))


if __name__ == "__main__":
    n = int(sys.argv[1])
    start = time.perf_counter()
    durations = milliseconds(n)
    asyncio.run(main(durations))
    elapsed = time.perf_counter() - start
    print(json.dumps({"tasks": n, "seconds": elapsed, "simulated": 0.0}))
