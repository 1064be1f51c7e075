"""A real crash: start the server, post decisions, kill -9 it, `serve --resume`, and check that every
acknowledged decision is there and that the log continues identically — the finished drill's event
log is byte for byte that of the same drill played without a crash."""
import os
import time

from drill_support import FIX, Server, check, main, temp_dir

EX = os.path.join(FIX, "grid-drill.yaml")


def play_first_half(s):
    """Decisions at known simulated times; returns the acknowledged order ids."""
    acked = []
    s.step_to(600)
    for body in ({"do": "dispatch", "count": 1, "capability": "search_rescue", "target": "c", "task": "rescue", "duration_h": 0.5},
                 {"do": "report", "to": "city"}):
        st, j = s.call("POST", "/api/v1/orders", body, token=s.teams["dist"])
        check(st == 202, "order acknowledged: %s" % j)
        acked.append(j["id"])
    st, j = s.call("POST", "/api/v1/orders", {"do": "set_level", "level": "III"}, token=s.teams["city"])
    check(st == 202, "order acknowledged")
    acked.append(j["id"])
    s.step_to(2400)
    st, j = s.call("POST", "/api/v1/orders", {"do": "report", "to": "province"}, token=s.teams["city"])
    acked.append(j["id"])
    st, j = s.call("POST", "/api/v1/injects", {"to": "all", "zh": "注入", "en": "inject"}, token=s.fac)
    check(st == 202, "inject acknowledged")
    return acked


def finish(s):
    s.clock({"op": "resume", "pace": 0})
    rc = s.wait_exit()
    check(rc == 0, "the drill ended cleanly (exit %s)" % rc)
    return open(os.path.join(s.session, "run", "events.jsonl"), "rb").read()


def test_kill9_then_resume():
    # The reference: the same inputs at the same simulated times, no crash.
    ref_dir = temp_dir("ref")
    ref = Server([EX, "--session", ref_dir, "--exit-at-end"], ref_dir)
    play_first_half(ref)
    ref_log = finish(ref)

    d = temp_dir("crash")
    s = Server([EX, "--session", d, "--exit-at-end"], d)
    acked = play_first_half(s)
    inbox_before = s.view(s.teams["dist"])["inbox"]
    s.kill9()
    check(s.proc.returncode == -9, "killed by SIGKILL")

    r = Server(["--resume", d, "--exit-at-end"], d)
    check(r.fac == s.fac and r.teams == s.teams, "the tokens survive the crash")
    v = r.view(r.fac)
    check(v["clock"]["paused"] and v["clock"]["t_s"] >= 2400, "resumed paused where the journal ends: %s" % v["clock"])
    st, orders = r.call("GET", "/api/v1/orders", token=r.fac)
    check(sorted(o["id"] for o in orders) == sorted(acked), "every acknowledged order is back: %s vs %s" % (orders, acked))
    inbox_after = r.view(r.teams["dist"])["inbox"]
    check(inbox_after[:len(inbox_before)] == inbox_before, "the team's inbox is as it was")
    log = finish(r)
    check(log == ref_log, "the log continues identically (%d vs %d bytes)" % (len(log), len(ref_log)))
    for name in ("msel-scores.json", "results.json", "compare.html", "run/scores.json", "plan/events.jsonl"):
        check(os.path.exists(os.path.join(d, name)), "the end of the drill wrote " + name)


if __name__ == "__main__":
    main([test_kill9_then_resume])
