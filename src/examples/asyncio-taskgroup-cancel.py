"""TaskGroup.cancel() (Python 3.15+) ends a task group early, and
without an error, once its goal is met: three mirrors race, and the
first to answer cancels the others."""
import asyncio

DELAYS = {"eu": 0.5, "us": 0.1, "asia": 0.3}  # seconds to answer

async def fetch(mirror: str, group: asyncio.TaskGroup,
                answers: list[str]) -> None:
    try:
        await asyncio.sleep(DELAYS[mirror])
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise
    answers.append(mirror)
    print(f"{mirror}: answered, cancelling the group")
    group.cancel()  # the goal is met: stop the others

async def main() -> None:
    answers: list[str] = []
    async with asyncio.TaskGroup() as group:
        for mirror in DELAYS:
            group.create_task(fetch(mirror, group, answers))
    print(f"the group ended without an error; answers: {answers}")

asyncio.run(main())
