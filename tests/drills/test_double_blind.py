"""Double-blind: the server draws the scenario in secret and publishes a SHA-256 commitment; team
endpoints never carry the hidden parameters; `hgdrill reveal` prints the draw and verifies it (exit 0),
and a changed template makes it fail (exit 1)."""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess

from drill_support import FIX, HGDRILL, SRC, Server, check, main, temp_dir

EX = os.path.join(FIX, "blind-drill.yaml")


def test_commitment_reveal_and_no_hidden_parameters():
    d = temp_dir("blind")
    s = Server([EX, "--session", d], d)
    try:
        out = "".join(s.out_lines)
        commitment = open(os.path.join(d, "commitment.txt")).read().split("sha256 ")[1].split()[0]
        check(len(commitment) == 64 and commitment in out, "the commitment is printed at start")
        fac = s.view(s.fac)
        hidden = fac["scenario"]
        check(hidden["id"] in ("drill", "drill_b"), "the facilitator sees the drawn scenario")
        check(fac["commitment"] == commitment, "and the commitment")
        secret = sqlite3.connect(os.path.join(d, "journal.sqlite")).execute(
            "SELECT value FROM meta WHERE key='secret'").fetchone()[0]
        # Walk the team's endpoints (before and after time passes) and look for anything hidden.
        s.step_to(1200)
        tok = s.teams["dist"]
        texts = []
        for method, path in (("GET", "/api/v1/view"), ("GET", "/team"), ("GET", "/")):
            st, body = s.call(method, path, token=tok)
            texts.append(json.dumps(body) if not isinstance(body, str) else body)
        st, j = s.call("POST", "/api/v1/orders", {"do": "report", "to": "city"}, token=tok)
        texts.append(json.dumps(j))
        for st_, path in ((s.call("GET", "/api/v1/orders", token=tok)), (s.call("GET", "/api/v1/injects", token=tok))):
            check(st_ == 403, "a team may not read the facilitator's lists")
        blob = "\n".join(texts)
        template = "drill-b.yaml" if hidden["id"] == "drill_b" else "drill.yaml"
        for word in (secret, hidden["file"], template, '"seed"', '"draws"', '"scenario"', "drill_b", hidden["zh"],
                     str(hidden["seed"]), commitment):
            check(word not in blob, "a team endpoint carries the hidden %r" % word)
    finally:
        s.stop()
    # After the drill: reveal prints the draw and verifies it.
    r = subprocess.run([HGDRILL, "reveal", d], capture_output=True, text=True)
    check(r.returncode == 0 and "OK" in r.stdout, "reveal verifies: %s %s" % (r.stdout, r.stderr))
    draw = r.stdout.split("draw:")[1].split("\n")[0].strip()
    # Anyone can check it by hand: sha256(draw text + secret) is the commitment.
    check(hashlib.sha256((draw + secret).encode()).hexdigest() == commitment, "sha256(draw + secret) = commitment")
    dj = json.loads(draw)
    check(dj["seed"] == hidden["seed"], "the revealed seed is the one played")
    tmpl = os.path.join(FIX, dj["template"]) if not os.path.isabs(dj["template"]) else dj["template"]
    check(hashlib.sha256(open(tmpl, "rb").read()).hexdigest() == dj["scenario_sha256"], "the template's hash")
    check("2026-06-01" <= dj["start"] < "2026-07-01", "the start is inside the window: %s" % dj["start"])
    # Neither test template names a start, so the drawn day starts at midnight, Hegang time.
    check(dj["start"].endswith("T00:00:00+08:00"), "at the template's time of day: %s" % dj["start"])
    # A template changed after the commitment breaks the verification.
    d2 = temp_dir("blind-tamper")
    for sub in ("contract/fixtures", "core/fixtures/grid", "drills/fixtures"):
        shutil.copytree(os.path.join(SRC, "tests", sub), os.path.join(d2, "tests", sub))
    ex2 = os.path.join(d2, "tests", "drills", "fixtures", "blind-drill.yaml")
    con = sqlite3.connect(os.path.join(d, "journal.sqlite"))
    con.execute("UPDATE meta SET value=? WHERE key='exercise'", (ex2,))
    con.commit()
    con.close()
    r = subprocess.run([HGDRILL, "reveal", d], capture_output=True, text=True)
    check(r.returncode == 0, "an identical copy still verifies: %s %s" % (r.stdout, r.stderr))
    t2 = os.path.join(d2, "tests", "drills", "fixtures", dj["template"])
    with open(t2, "a") as f:
        f.write("# changed after the draw\n")
    r = subprocess.run([HGDRILL, "reveal", d], capture_output=True, text=True)
    check(r.returncode == 1 and "MISMATCH" in r.stdout, "a changed template fails: %s" % r.stdout)


def test_different_secrets_draw_across_the_pool():
    # Ten sessions: both templates are drawn (each has probability 1/2; all ten alike: 2 x 2^-10).
    seen = set()
    for i in range(10):
        d = temp_dir("draw%d" % i)
        s = Server([EX, "--session", d], d)
        try:
            seen.add(s.view(s.fac)["scenario"]["id"])
        finally:
            s.stop()
        if len(seen) == 2:
            break
    check(seen == {"drill", "drill_b"}, "both templates drawn: %s" % seen)


if __name__ == "__main__":
    main([test_commitment_reveal_and_no_hidden_parameters, test_different_secrets_draw_across_the_pool])
