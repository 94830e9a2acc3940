"""Worked exercise: 16 requests to a slow server with asyncio, at
most 4 in flight at once.

The server runs on the same event loop as the requests: one thread
serves and fetches at once, because everything that waits, awaits.
An asyncio.Semaphore lets at most LIMIT requests through at a time.
"""
import asyncio
import time

REQUESTS = 16
LIMIT = 4
LATENCY = 0.05  # seconds the server waits before each answer

async def serve(reader: asyncio.StreamReader,
                writer: asyncio.StreamWriter) -> None:
    city = await reader.readline()
    await asyncio.sleep(LATENCY)
    writer.write(b"report for " + city)
    await writer.drain()
    writer.close()
    await writer.wait_closed()

class Requests:
    def __init__(self, port: int) -> None:
        self.port = port
        self.limit = asyncio.Semaphore(LIMIT)
        self.in_flight = 0
        self.most_in_flight = 0

    async def fetch(self, city: str) -> bytes:
        async with self.limit:  # waits while LIMIT are in flight
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight,
                                      self.in_flight)
            reader, writer = await asyncio.open_connection(
                "127.0.0.1", self.port)
            writer.write(city.encode() + b"\n")
            report = await reader.readline()
            writer.close()
            await writer.wait_closed()
            self.in_flight -= 1
            return report

async def main() -> None:
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    requests = Requests(server.sockets[0].getsockname()[1])
    async with server:
        start = time.perf_counter()
        reports = await asyncio.gather(
            *(requests.fetch(f"city {n}") for n in range(REQUESTS)))
        took = time.perf_counter() - start
    print(reports[0].decode().strip())
    print(f"{len(reports)} reports, "
          f"at most {requests.most_in_flight} in flight")
    rounds = REQUESTS / LIMIT
    print(f"took {took:.2f} s; {rounds:g} rounds of {LATENCY} s "
          f"take at least {rounds * LATENCY:.2f} s")

asyncio.run(main())
