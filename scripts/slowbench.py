# Opens N slow-body POST connections to a local Daily Papers (e.g. ./dailypapers serve --port 18089, demo data),
# trickles a byte to each every 5 s, and meanwhile times GET /health and GET / every 0.5 s (docs/SECURITY.md).
# Usage: python3 scripts/slowbench.py PORT N SECONDS. Loopback only.
import socket, sys, time, threading, http.client, statistics
port, n, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    path = "/digest/subscribe" if i % 2 == 0 else "/papers/2406.09414/upvote"
    s.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\ne".encode())
    socks.append(s)
stop = time.time() + secs
def trickle():
    while time.time() < stop:
        time.sleep(5)
        for s in socks:
            try: s.send(b"m")
            except OSError: pass
threading.Thread(target=trickle, daemon=True).start()
times, fails = {"/health": [], "/": []}, 0
while time.time() < stop:
    for p in ("/health", "/"):
        t0 = time.time()
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5); c.request("GET", p); r = c.getresponse(); r.read()
            if r.status != 200: fails += 1
        except Exception: fails += 1
        times[p].append((time.time() - t0) * 1000)
    time.sleep(0.5)
for p, t in times.items():
    t.sort()
    print(f"{p}: {len(t)} requests, p50 {statistics.median(t):.1f} ms, p95 {t[int(len(t)*0.95)-1]:.1f} ms, max {t[-1]:.1f} ms")
print(f"failures: {fails}; slow connections opened: {len(socks)}")
