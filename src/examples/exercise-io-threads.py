"""Exercise 1, worked: the same downloads one after another, with
threads and with processes.

There is no outside network at build time, so the example starts its
own HTTP server on 127.0.0.1. The server waits LATENCY seconds before
each answer, standing in for a remote service (a weather API, say):
the client really waits on its socket, as it would over a network.
"""
import concurrent.futures
import http.server
import multiprocessing
import threading
import time
import urllib.request

DOWNLOADS = 16
WORKERS = 8
LATENCY = 0.05  # seconds the server waits before each answer
REPEATS = 3  # each timing is the fastest of 3 tries

class SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(LATENCY)
        body = f"report for {self.path}\n".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:
        pass  # keep the server's access log out of the output

def download(url: str) -> int:
    with urllib.request.urlopen(url) as response:
        return len(response.read())

def sequential(urls: list[str]) -> int:
    return sum(download(url) for url in urls)

def pooled(executor_class, urls: list[str], **options) -> int:
    with executor_class(max_workers=WORKERS, **options) as executor:
        return sum(executor.map(download, urls))

WAYS = {
    "sequential": sequential,
    "threads": lambda urls: pooled(
        concurrent.futures.ThreadPoolExecutor, urls),
    # spawn: this process runs the server's threads, and forking a
    # process while other threads run can deadlock the child.
    "processes": lambda urls: pooled(
        concurrent.futures.ProcessPoolExecutor, urls,
        mp_context=multiprocessing.get_context("spawn")),
}

if __name__ == "__main__":
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), SlowHandler)
    threading.Thread(
        target=server.serve_forever, name="server", daemon=True
    ).start()
    port = server.server_address[1]
    urls = [f"http://127.0.0.1:{port}/city/{n}"
            for n in range(DOWNLOADS)]
    tries = {way: [] for way in WAYS}
    try:
        # Take turns, so that a burst of load from other programs
        # slows all three ways alike, and rotate the order each round.
        order = list(WAYS)
        for round_number in range(REPEATS):
            turn = round_number % len(order)
            for way in order[turn:] + order[:turn]:
                start = time.perf_counter()
                received = WAYS[way](urls)
                tries[way].append(time.perf_counter() - start)
                assert received > 0
    finally:
        server.shutdown()
        server.server_close()
    print(f"{DOWNLOADS} downloads, {LATENCY * 1000:.0f} ms server "
          f"latency each, {WORKERS} workers, "
          f"fastest of {REPEATS} tries")
    # Other programs can only slow a try down, never speed it up.
    for way, times in tries.items():
        print(f"{way + ':':<12} {min(times):.3f} s")
