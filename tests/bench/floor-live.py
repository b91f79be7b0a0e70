#!/usr/bin/env python3
"""floor-live.py - how live the meeting floor is, measured in real terminals.

    python3 tests/bench/floor-live.py latency [SECONDS]   (default 60)
    python3 tests/bench/floor-live.py idle [SECONDS]      (default 60)
    python3 tests/bench/floor-live.py dropout             (root: a second login)

latency: four copse processes, each in its own tmux pane (80x24) on one
database, all in a meeting that is on.  Each "person" types lines at a
steady pace (a character every 120 ms, a short pause after Enter) for
SECONDS.  The script timestamps each Enter and polls every pane's
screen (capture-pane) about 20 times a second; a line's delivery latency
is the time from its Enter to its first appearance in each of the other
three panes.  Prints the median, p90 and max over every (line, other
pane) pair.

idle: one copse on the meeting floor, untouched for SECONDS; prints the
CPU it used (utime + stime from /proc/PID/stat) as a percentage.

dropout: a copse run as the user nobody (setpriv) sits in the meeting; a
second copse (this user) watches it; the first is killed with kill -9
and the script times how long the watcher still shows it.

Performance is never a pass/fail test: this prints numbers only.
Environment: COPSE_BIN (default ./copse).
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

COPSE = os.path.abspath(os.environ.get("COPSE_BIN", "copse"))
SOCK = "copse-bench-%d" % os.getpid()
DEMO_NOW = "2025-03-01T12:00:00Z"  # the demo is made then (as in the tests) ...
ON = "2025-03-06T18:10:00Z"        # ... and its next meeting is on then


def tm(*args, capture=False):
    cmd = ["tmux", "-L", SOCK, "-f", "/dev/null"] + list(args)
    if capture:
        return subprocess.run(cmd, capture_output=True, text=True).stdout
    subprocess.run(cmd, check=False)


def pane(name, command):
    tm("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command)


def wait_for(name, text, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if text in tm("capture-pane", "-p", "-t", name, capture=True):
            return True
        time.sleep(0.05)
    return False


def start_floor(name, db):
    pane(name, "env TZ=UTC LC_ALL=C.UTF-8 COPSE_NOW=%s '%s' --db '%s'" % (ON, COPSE, db))
    if not wait_for(name, "1 Home"):
        sys.exit("copse did not start in pane %s" % name)
    tm("send-keys", "-t", name, "3", "Enter")
    if not wait_for(name, "Minutes"):
        sys.exit("the meeting did not open in pane %s" % name)


def pane_pid(name):
    return int(tm("display", "-p", "-t", name, "#{pane_pid}", capture=True).strip())


def cpu_ticks(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])      # utime, stime


def percentile(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def latency(db, seconds):
    names = ["p1", "p2", "p3", "p4"]
    for n in names:
        start_floor(n, db)
    rng = random.Random(7)
    # per typist: the line being typed, how much of it is out, when next
    state = {}
    now = time.time()
    for i, n in enumerate(names):
        state[n] = {"line": None, "pos": 0, "next": now + i * 0.2, "count": 0}
    sent = {}                  # text -> (who, time of Enter)
    seen = {}                  # (text, pane) -> first time seen
    end = now + seconds
    while True:
        now = time.time()
        typing = now < end
        for n in names:
            s = state[n]
            if not typing or now < s["next"]:
                continue
            if s["line"] is None:
                s["count"] += 1
                s["line"] = "%s line %03d %s" % (n, s["count"],
                                                 "x" * rng.randint(8, 24))
                s["pos"] = 0
            if s["pos"] < len(s["line"]):
                tm("send-keys", "-t", n, "-l", s["line"][s["pos"]])
                s["pos"] += 1
                s["next"] = now + 0.12
            else:
                tm("send-keys", "-t", n, "Enter")
                sent[s["line"]] = (n, time.time())
                s["line"] = None
                s["next"] = now + 0.5
        for n in names:
            screen = tm("capture-pane", "-p", "-t", n, capture=True)
            t = time.time()
            for text, (who, at) in sent.items():
                if who != n and (text, n) not in seen and text in screen:
                    seen[(text, n)] = t
        if not typing:
            pending = [(x, n) for x, (w, _) in sent.items() for n in names
                       if n != w and (x, n) not in seen]
            if not pending or now > end + 10:
                break
        time.sleep(0.02)
    lat = [seen[(x, n)] - at for x, (w, at) in sent.items() for n in names
           if n != w and (x, n) in seen]
    lost = sum(1 for x, (w, _) in sent.items() for n in names
               if n != w and (x, n) not in seen)
    print("four sessions typing for %d s: %d lines, %d deliveries measured, %d not seen"
          % (seconds, len(sent), len(lat), lost))
    print("delivery latency: median %.2f s, p90 %.2f s, max %.2f s"
          % (percentile(lat, 0.5), percentile(lat, 0.9), max(lat) if lat else float("nan")))


def idle(db, seconds):
    start_floor("idle", db)
    pid = pane_pid("idle")             # the pane's command is copse itself
    hz = os.sysconf("SC_CLK_TCK")
    t0, c0 = time.time(), cpu_ticks(pid)
    time.sleep(seconds)
    t1, c1 = time.time(), cpu_ticks(pid)
    print("idle session on the meeting floor for %d s: %d CPU ticks (%d Hz), %.3f %% CPU"
          % (seconds, c1 - c0, hz, 100.0 * (c1 - c0) / hz / (t1 - t0)))


def dropout(db, tmp):
    if os.getuid() != 0 or not shutil.which("setpriv"):
        sys.exit("dropout needs root (to run a second copse as the user nobody)")
    import pwd
    nobody = pwd.getpwnam("nobody")
    os.chown(tmp, -1, nobody.pw_gid)
    os.chmod(tmp, 0o770)
    os.chown(db, -1, nobody.pw_gid)
    os.chmod(db, 0o660)
    home = os.path.join(tmp, "nobody")
    os.mkdir(home)
    os.chown(home, nobody.pw_uid, nobody.pw_gid)
    pane("victim", "setpriv --reuid=%d --regid=%d --clear-groups env HOME=%s "
         "XDG_STATE_HOME=%s/state TZ=UTC LC_ALL=C.UTF-8 COPSE_NOW=%s '%s' --db '%s'"
         % (nobody.pw_uid, nobody.pw_gid, home, home, ON, COPSE, db))
    wait_for("victim", "1 Home")
    tm("send-keys", "-t", "victim", "3", "Enter")
    start_floor("watcher", db)
    if not wait_for("watcher", "also here: nobody"):
        sys.exit("the watcher never saw the other session")
    pid = pane_pid("victim")
    os.kill(pid, 9)
    t0 = time.time()
    while "nobody" in tm("capture-pane", "-p", "-t", "watcher", capture=True):
        if time.time() - t0 > 60:
            break
        time.sleep(0.02)
    print("a session killed with kill -9 left the others' screens after %.2f s"
          % (time.time() - t0))


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "latency"
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    tmp = tempfile.mkdtemp(prefix="copse-floor-")
    db = os.path.join(tmp, "copse.db")
    env = dict(os.environ, TZ="UTC", COPSE_NOW=DEMO_NOW)
    subprocess.run([COPSE, "--db", db, "init", "--demo"], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    try:
        if mode == "latency":
            latency(db, seconds)
        elif mode == "idle":
            idle(db, seconds)
        elif mode == "dropout":
            dropout(db, tmp)
        else:
            sys.exit(__doc__)
    finally:
        tm("kill-server")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
