#!/usr/bin/env python3
"""Bounded load test for `townhall serve`: N requests at concurrency C over keep-alive
connections, from a second process on loopback. Prints one JSON object with the figures."""
import argparse, http.client, json, threading, time

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--base", default="/")
    p.add_argument("--requests", type=int, default=20000)
    p.add_argument("--concurrency", type=int, default=64)
    p.add_argument("--timeout", type=float, default=120.0, help="stop after this many seconds")
    a = p.parse_args()
    paths = [a.base, a.base + "handbook/", a.base + "no-such-page/", a.base + "robots.txt"]
    lock = threading.Lock()
    state = {"next": 0, "ok": 0, "failed": 0, "latencies": []}
    deadline = time.monotonic() + a.timeout

    def worker():
        conn = None
        while time.monotonic() < deadline:
            with lock:
                i = state["next"]
                if i >= a.requests:
                    break
                state["next"] += 1
            path = paths[i % len(paths)]
            expected = 404 if "no-such-page" in path else 200
            start = time.monotonic()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                r = conn.getresponse()
                r.read()
                good = r.status == expected
                if r.getheader("Connection", "").lower() == "close":
                    conn.close(); conn = None
            except Exception:
                good = False
                if conn: conn.close()
                conn = None
            elapsed = time.monotonic() - start
            with lock:
                state["ok" if good else "failed"] += 1
                state["latencies"].append(elapsed)
        if conn: conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(a.concurrency)]
    for t in threads: t.start()
    for t in threads: t.join()
    total = time.monotonic() - t0
    lat = sorted(state["latencies"]) or [0]
    done = state["ok"] + state["failed"]
    print(json.dumps({
        "requests": done, "ok": state["ok"], "failed": state["failed"] + (a.requests - done),
        "concurrency": a.concurrency, "seconds": round(total, 2),
        "requests_per_second": round(done / total, 1) if total else 0,
        "p50_ms": round(lat[len(lat) // 2] * 1000, 1), "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 1),
    }))

if __name__ == "__main__":
    main()
