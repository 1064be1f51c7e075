"""The drill server's JSON API over real HTTP on 127.0.0.1: the authorization matrix (every role
against every endpoint), malformed and oversized requests, 30 concurrent team clients, and injects
timed against the simulated clock (MSEL by time and by condition)."""
import threading

from drill_support import FIX, HGDRILL, Server, check, main, temp_dir
import os

EX = os.path.join(FIX, "grid-drill.yaml")


def start():
    d = temp_dir("api")
    return Server([EX, "--session", d], d)


def test_authorization_matrix():
    s = start()
    try:
        city, dist = s.teams["city"], s.teams["dist"]
        # (method, path, body): the expected status for no token, a wrong token, a team, the facilitator.
        # Valid bodies are used so that 2xx shows the role was let through; 403/401 come before the body.
        order = {"do": "report", "to": "city"}
        clock = {"op": "pause"}
        inject = {"to": "dist", "zh": "测试", "en": "test"}
        matrix = [
            ("GET", "/api/v1/view", None, 401, 401, 200, 200),
            ("POST", "/api/v1/orders", order, 401, 401, 202, 403),
            ("GET", "/api/v1/orders", None, 401, 401, 403, 200),
            ("POST", "/api/v1/clock", clock, 401, 401, 403, 200),
            ("POST", "/api/v1/injects", inject, 401, 401, 403, 202),
            ("GET", "/api/v1/injects", None, 401, 401, 403, 200),
        ]
        for method, path, body, none, wrong, team, fac in matrix:
            for token, want in ((None, none), ("0" * 32, wrong), (dist, team), (s.fac, fac)):
                st, j = s.call(method, path, body, token=token)
                check(st == want, "%s %s with %s: %d, expected %d (%s)" % (method, path, token and token[:4], st, want, j))
                if st >= 400:
                    check(isinstance(j, dict) and j.get("error"), "an error answer names the problem: %s" % j)
        # A token in another header form is not accepted.
        st, _ = s.call("GET", "/api/v1/view", headers={"Authorization": "Basic " + s.fac})
        check(st == 401, "Basic auth is not a bearer token")
        # A team sees itself only.
        v = s.view(city)
        check(v["role"] == "team" and v["team"]["id"] == "city", "the city token is the city team")
        check("scenario" not in v and "events" not in v and "units_truth" not in v, "no ground truth for a team")
        check(sorted(u["id"] for u in v["units"]) == ["u_1", "u_3"], "a team sees only its own units")
        f = s.view(s.fac)
        check(f["role"] == "facilitator" and len(f["teams"]) == 2 and "events" in f, "the facilitator sees everything")
        # Pages are served; nothing else from the file system.
        for path, want in (("/team", 200), ("/facilitator", 200), ("/", 200), ("/../../etc/passwd", 404),
                           ("/team/../../../etc/passwd", 404), ("/static/%2e%2e/%2e%2e/etc/passwd", 404), ("/api/v2/view", 404)):
            st, body = s.call("GET", path)
            check(st == want, "%s: %d, expected %d" % (path, st, want))
            check("root:" not in str(body), "no file content leaks")
    finally:
        s.stop()


def test_malformed_and_oversized():
    s = start()
    try:
        dist = s.teams["dist"]
        cases = [
            (b"{not json", "malformed JSON"),
            (b"[1,2]", "an order is a JSON object"),
            (b'{"to": "city"}', "an order is a JSON object"),
            (b'{"do": "set_level", "level": "I"}', 'may not take the action "set_level"'),
            (b'{"do": "launch_boats"}', "may not take the action"),
            (b'{"do": "dispatch", "count": 1, "capability": "hazmat", "target": "c"}', "none of team dist's units"),
            (b'{"do": "dispatch", "count": 1, "capability": "search_rescue", "target": "c", "units": ["u_1"]}', "is not one of team dist"),
            (b'{"do": "dispatch", "count": 1, "capability": "search_rescue", "target": "mars"}', 'unknown place "mars"'),
            (b'{"do": "evacuate", "zones": ["z_nowhere"], "shelter": "f_shelter"}', "unknown zone"),
        ]
        for raw, words in cases:
            st, j = s.call("POST", "/api/v1/orders", raw=raw, token=dist)
            check(st == 400, "%s: %d %s" % (raw, st, j))
            check(words in j["error"], "%s: error %r should say %r" % (raw, j["error"], words))
        for raw, words in ((b'{"op": "rewind"}', "op: expected"), (b'{"op": "step", "to_s": "x"}', "to_s"),
                           (b'{"op": "resume", "pace": -1}', "pace"), (b'{"op": "pause", "to_s": 5}', "only a step")):
            st, j = s.call("POST", "/api/v1/clock", raw=raw, token=s.fac)
            check(st == 400 and words in j["error"], "%s: %d %s" % (raw, st, j))
        for raw, words in ((b'{"to": "nobody", "en": "x"}', "unknown team"), (b'{"to": "dist"}', "needs a text"),
                           (b'{"msel": "m9"}', "no inject")):
            st, j = s.call("POST", "/api/v1/injects", raw=raw, token=s.fac)
            check(st == 400 and words in j["error"], "%s: %d %s" % (raw, st, j))
        # 64 KiB is the limit: a larger body is refused with 413 before it is parsed.
        big = b'{"do": "report", "to": "city", "note": "' + b"x" * (70 * 1024) + b'"}'
        st, j = s.call("POST", "/api/v1/orders", raw=big, token=dist)
        check(st == 413, "oversized body: %d" % st)
        # Nothing refused reached the journal.
        st, orders = s.call("GET", "/api/v1/orders", token=s.fac)
        check(st == 200 and orders == [], "refused orders are not journalled: %s" % orders)
    finally:
        s.stop()


def test_thirty_concurrent_team_clients():
    s = start()
    try:
        s.step_to(300)
        tokens = [s.teams["city"], s.teams["dist"]]
        acks, errors = [], []
        lock = threading.Lock()

        def client(i):
            tok = tokens[i % 2]
            try:
                for k in range(3):
                    v = s.view(tok)
                    assert v["team"]["id"] == ("city" if i % 2 == 0 else "dist")
                    st, j = s.call("POST", "/api/v1/orders", {"do": "report", "to": "province" if i % 2 == 0 else "city"}, token=tok)
                    assert st == 202, (st, j)
                    with lock:
                        acks.append((i % 2, j["id"]))
            except Exception as e:  # collected and checked below
                with lock:
                    errors.append(repr(e))

        threads = [threading.Thread(target=client, args=(i,)) for i in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(not errors, "every client succeeded: %s" % errors[:3])
        check(len(acks) == 90, "90 orders acknowledged, got %d" % len(acks))
        ids = sorted(a[1] for a in acks)
        check(len(set(ids)) == 90, "every order has its own id")
        st, orders = s.call("GET", "/api/v1/orders", token=s.fac)
        check(sorted(o["id"] for o in orders) == ids, "every acknowledged order is in the facilitator's list")
        check(all(o["t_s"] == 300 for o in orders), "orders given while paused take effect at the paused time")
        by_team = {o["id"]: o["team"] for o in orders}
        check(all(by_team[i] == ("city" if t == 0 else "dist") for t, i in acks), "each order is its sender's")
    finally:
        s.stop()


def test_inject_timing_against_the_simulated_clock():
    s = start()
    try:
        dist, city = s.teams["dist"], s.teams["city"]
        # m1 is due at 0.5 h = 1800 s. Stepping to 1500 s must not fire it.
        s.step_to(1500)
        check(not [m for m in s.view(dist)["inbox"] if m["kind"] == "inject"], "no inject before 1800 s")
        inj = s.call("GET", "/api/v1/injects", token=s.fac)[1]
        check("fired_t_s" not in inj["msel"][0], "m1 not fired at 1500 s")
        s.step_to(2400)
        inj = s.call("GET", "/api/v1/injects", token=s.fac)[1]
        check(inj["msel"][0]["fired_t_s"] == 1800.0, "m1 fired at exactly 0.5 h: %s" % inj["msel"][0])
        got = [m for m in s.view(dist)["inbox"] if m["kind"] == "inject"]
        check(len(got) == 1 and got[0]["body"]["msel"] == "m1", "the district received m1: %s" % got)
        # The report travels from the field over the government network (1 s latency in comms.yaml):
        # it arrives after 1800 s and within the minute.
        check(1800 < got[0]["t_s"] < 1860, "m1 delivered at %s" % got[0]["t_s"])
        check(got[0]["body"]["attachments"][0]["name"].startswith("报警记录"), "attachments travel with the inject")
        check(not [m for m in s.view(city)["inbox"] if m["kind"] == "inject"], "m1 went to the district only")
        # m2 fires when u_2 is dispatched: the district's order at 2400 s sets it off.
        st, j = s.call("POST", "/api/v1/orders", {"do": "dispatch", "count": 1, "capability": "search_rescue",
                                                  "target": "c", "task": "rescue", "duration_h": 0.5}, token=dist)
        check(st == 202 and j["t_s"] == 2400, "order accepted at 2400 s: %s" % j)
        s.step_to(3600)
        inj = s.call("GET", "/api/v1/injects", token=s.fac)[1]
        m2 = inj["msel"][1]
        check(m2.get("fired_t_s", -1) >= 2400, "m2 fired after the dispatch: %s" % m2)
        got = [m for m in s.view(city)["inbox"] if m["kind"] == "inject"]
        check(len(got) == 1 and got[0]["body"]["msel"] == "m2", "the city received m2")
        units = {u["id"]: u for u in s.view(dist)["units"]}
        check(units["u_2"]["state"] != "idle", "the team sees its unit working: %s" % units["u_2"])
        # A manual inject takes effect at the current simulated time.
        st, j = s.call("POST", "/api/v1/injects", {"to": ["dist"], "zh": "手动注入", "en": "manual"}, token=s.fac)
        check(st == 202 and len(j["ids"]) == 1, "manual inject accepted")
        manual = s.call("GET", "/api/v1/injects", token=s.fac)[1]["manual"]
        check(manual[-1]["t_s"] == 3600, "the manual inject is stamped with the clock: %s" % manual)
    finally:
        s.stop()


def test_https_with_given_certificate():
    import shutil
    import ssl
    import subprocess
    if not shutil.which("openssl"):
        print("skip: no openssl program to make a test certificate")
        return
    d = temp_dir("tls")
    key, crt = os.path.join(d, "k.pem"), os.path.join(d, "c.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "1",
                    "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    session = os.path.join(d, "s")
    s = Server([EX, "--session", session, "--cert", crt, "--key", key], session)
    try:
        check(s.url.startswith("https://"), "the consoles are announced over HTTPS: %s" % s.url)
        ctx = ssl.create_default_context(cafile=crt)
        ctx.check_hostname = False  # the certificate names 127.0.0.1 as CN only
        s.ssl_context = ctx
        v = s.view(s.teams["dist"])
        check(v["team"]["id"] == "dist", "a team's view over TLS")
        st, _ = s.call("GET", "/api/v1/view")
        check(st == 401, "and the same checks")
    finally:
        s.stop()
    r = subprocess.run([HGDRILL, "serve", EX, "--session", os.path.join(d, "s2"), "--listen", "127.0.0.1:0",
                        "--cert", crt], capture_output=True, text=True, timeout=60)
    check(r.returncode == 3 and "both --cert and --key" in r.stderr, "a certificate without its key is refused: %s" % r.stderr)


if __name__ == "__main__":
    main([test_https_with_given_certificate, test_authorization_matrix, test_malformed_and_oversized, test_thirty_concurrent_team_clients,
          test_inject_timing_against_the_simulated_clock])
