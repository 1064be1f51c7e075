"""Helpers for the drill-server tests: start `hgdrill serve` on a free loopback port, talk to its
JSON API over real HTTP (standard library only), and stop it. Every test is a plain script run by
ctest; a failed check raises AssertionError and the script exits non-zero."""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

SRC = os.environ.get("HG_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
HGDRILL = os.environ.get("HGDRILL", os.path.join(SRC, "build", "bin", "hgdrill"))
FIX = os.path.join(SRC, "tests", "drills", "fixtures")


def temp_dir(name):
    d = tempfile.mkdtemp(prefix="hgdrill-" + name + "-")
    return d


class Server:
    """A running `hgdrill serve`; .url, .fac (facilitator token), .teams {id: token}."""

    ssl_context = None  # set for an HTTPS server with a self-signed certificate

    def __init__(self, args, session, expect_ok=True):
        self.session = session
        self.stderr_path = os.path.join(os.path.dirname(session.rstrip("/")), os.path.basename(session.rstrip("/")) + ".stderr")
        self.proc = subprocess.Popen([HGDRILL, "serve"] + args + ["--listen", "127.0.0.1:0"],
                                     stdout=subprocess.PIPE, stderr=open(self.stderr_path, "a"), text=True)
        self.url = None
        self.teams = {}
        self.fac = None
        self.out_lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.out_lines.append(line)
            m = re.search(r"facilitator: (https?://[0-9.:]+)/facilitator#token=([0-9a-f]+)", line)
            if m:
                self.url, self.fac = m.group(1), m.group(2)
            m = re.search(r"team (\w+) .*: (https?://[0-9.:]+)/team#token=([0-9a-f]+)", line)
            if m:
                self.teams[m.group(1)] = m.group(3)
            if self.url and len(self.teams) == self._team_count():
                break
        if expect_ok and not self.url:
            self.proc.kill()
            raise AssertionError("server did not start: " + "".join(self.out_lines) + open(self.stderr_path).read())
        # Keep reading what the server prints, so that it never blocks on a full pipe.
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self):
        for line in self.proc.stdout:
            self.out_lines.append(line)

    def _team_count(self):
        tokens = os.path.join(self.session, "tokens.json")
        try:
            return len(json.load(open(tokens))["teams"])
        except Exception:
            return 10 ** 6

    def call(self, method, path, body=None, token=None, raw=None, headers=None):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if token:
            req.add_header("Authorization", "Bearer " + token)
        req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=60, context=self.ssl_context) as r:
                txt = r.read().decode()
                return r.status, (json.loads(txt) if txt and r.headers.get_content_type() == "application/json" else txt)
        except urllib.error.HTTPError as e:
            txt = e.read().decode()
            try:
                return e.code, json.loads(txt)
            except ValueError:
                return e.code, txt

    def view(self, token):
        st, v = self.call("GET", "/api/v1/view", token=token)
        assert st == 200, (st, v)
        return v

    def clock(self, body):
        st, v = self.call("POST", "/api/v1/clock", body, token=self.fac)
        assert st == 200, (st, v)
        return v

    def wait(self, pred, what, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            v = self.view(self.fac)
            if pred(v):
                return v
            time.sleep(0.05)
        raise AssertionError("timed out waiting for " + what)

    def step_to(self, t_s):
        self.clock({"op": "step", "to_s": t_s})
        return self.wait(lambda v: v["clock"]["paused"] and v["clock"]["t_s"] >= t_s - 1e-6, "the clock at %g s" % t_s)

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def wait_exit(self, timeout=600):
        self.proc.wait(timeout=timeout)
        return self.proc.returncode


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def main(tests):
    failed = 0
    for t in tests:
        t0 = time.monotonic()
        try:
            t()
            print("ok   %s (%.1f s)" % (t.__name__, time.monotonic() - t0), flush=True)
        except Exception as e:  # report and go on, so one run shows every failure
            failed += 1
            import traceback
            traceback.print_exc()
            print("FAIL %s: %s" % (t.__name__, e), flush=True)
    sys.exit(1 if failed else 0)
