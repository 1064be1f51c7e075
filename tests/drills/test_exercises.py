"""Exercise files: errors name file, line, column and field; the bundled exercises (the three-team
songhua-2013 tabletop and the double-blind pool over two hazards) start a server whose consoles answer;
and at the end of a drill each team is scored on the MSEL's expected actions and compared with the
bundled plan on the same seed."""
import json
import os
import subprocess

from drill_support import FIX, HGDRILL, SRC, Server, check, main, temp_dir


def test_bad_exercise_is_reported_with_file_line_and_field():
    d = temp_dir("bad")
    r = subprocess.run([HGDRILL, "serve", os.path.join(FIX, "bad-exercise.yaml"), "--session", d, "--listen", "127.0.0.1:0"],
                       capture_output=True, text=True, timeout=60)
    check(r.returncode == 3, "invalid input exits 3: %d" % r.returncode)
    check("bad-exercise.yaml:8:11: error: teams[0].role: unknown role \"警察局\"" in r.stderr, r.stderr)
    check("bad-exercise.yaml:13:" in r.stderr and "launch_boats" in r.stderr, r.stderr)
    check(not os.path.exists(os.path.join(d, "tokens.json")), "nothing is served or written")
    r = subprocess.run([HGDRILL, "serve", "--check", os.path.join(FIX, "bad-exercise.yaml")], capture_output=True, text=True)
    check(r.returncode == 3 and "unknown role" in r.stderr, "--check reports the same: %s" % r.stderr)
    for name in ("songhua-2013-tabletop.yaml", "double-blind-hegang.yaml"):
        r = subprocess.run([HGDRILL, "serve", "--check", os.path.join(SRC, "scenarios", "exercises", name)],
                           capture_output=True, text=True)
        check(r.returncode == 0 and ": ok (" in r.stdout, "%s checks: %s %s" % (name, r.stdout, r.stderr))


def test_bundled_exercises_start():
    for name, teams, kinds in (("songhua-2013-tabletop.yaml", {"hq", "suibin", "luobei"}, None),
                               ("double-blind-hegang.yaml", {"hq", "dongshan"}, {"flood", "chemical"})):
        d = temp_dir("bundled")
        s = Server([os.path.join(SRC, "scenarios", "exercises", name), "--session", d], d)
        try:
            check(set(s.teams) == teams, "%s: teams %s" % (name, s.teams))
            for t, tok in s.teams.items():
                v = s.view(tok)
                check(v["team"]["id"] == t and v["units"] and v["form"]["zones"], "%s: %s console data" % (name, t))
            f = s.view(s.fac)
            if kinds:
                check(len(f["commitment"]) == 64, "the double-blind draw is committed")
                check(any(k in f["scenario"]["file"] for k in ("flood/", "chemical/")), f["scenario"]["file"])
                # Three hours of the drawn scenario: readings and reports reach the teams, and none of
                # them names the template, its hazard model, the seed or the draws.
                s.clock({"op": "step", "to_s": 3 * 3600, "pace": 0})
                s.wait(lambda v: v["clock"]["paused"] and v["clock"]["t_s"] >= 3 * 3600, "3 h", timeout=300)
                blob = json.dumps([s.view(t) for t in s.teams.values()])
                check(sum(len(s.view(t)["inbox"]) for t in s.teams.values()) > 0, "the teams received messages")
                for word in ("heli_flash_2018", "huahe_nh3", "flood_flash_heli", "chem_huahe_ammonia_night",
                             "flash-heli", "huahe-ammonia", '"draws"', '"seed"', f["scenario"]["zh"]):
                    check(word not in blob, "a team view names %r" % word)
        finally:
            s.stop()


def test_end_of_drill_scores_teams_and_compares_with_the_plan():
    d = temp_dir("end")
    s = Server([os.path.join(FIX, "grid-drill.yaml"), "--session", d, "--exit-at-end"], d)
    s.step_to(2400)
    # m1 fired at 1800 s; the district dispatches search_rescue at 2400 s (due 1800 + 0.5 h = 3600 s: met,
    # 2 points) and never evacuates (missed, 0 of 1). The city sets a level at 2400 s; m2 fires when u_2
    # is dispatched (after 2400 s), so the level came first and counts (due m2 + 1 h): 1 of 1.
    st, _ = s.call("POST", "/api/v1/orders", {"do": "dispatch", "count": 1, "capability": "search_rescue",
                                              "target": "c", "task": "rescue", "duration_h": 0.5}, token=s.teams["dist"])
    check(st == 202, "dispatch accepted")
    st, _ = s.call("POST", "/api/v1/orders", {"do": "set_level", "level": "IV"}, token=s.teams["city"])
    check(st == 202, "level accepted")
    s.clock({"op": "resume", "pace": 0})
    check(s.wait_exit() == 0, "the drill ended")
    ms = json.load(open(os.path.join(d, "msel-scores.json")))
    check(ms["teams"]["dist"]["points"] == 2 and ms["teams"]["dist"]["max"] == 3, ms["teams"]["dist"])
    check(ms["teams"]["city"]["points"] == 1 and ms["teams"]["city"]["max"] == 1, ms["teams"]["city"])
    status = {(i["inject"], i["do"]): i["status"] for i in ms["items"]}
    check(status == {("m1", "dispatch"): "met", ("m1", "evacuate"): "missed", ("m2", "set_level"): "met"}, status)
    res = json.load(open(os.path.join(d, "results.json")))
    check(res.get("plan") and res.get("compare"), "the plan ran on the same seed and was compared: %s" % res)
    plan_run = json.load(open(os.path.join(d, "plan", "run.json")))
    drill_run = json.load(open(os.path.join(d, "run", "run.json")))
    check(plan_run["seed"] == drill_run["seed"] == 7, "same seed (the exercise's)")
    check(drill_run["commanders"]["cp_dist"] == {"kind": "person", "person": "dist"}, drill_run["commanders"])
    txt = open(os.path.join(d, "compare.txt")).read()
    check(len(txt) > 100, "the comparison text")
    md = open(os.path.join(d, "msel-scores.md")).read()
    check("| m1 | dist | evacuate | 未做 missed |" in md, md)


if __name__ == "__main__":
    main([test_bad_exercise_is_reported_with_file_line_and_field, test_bundled_exercises_start,
          test_end_of_drill_scores_teams_and_compares_with_the_plan])
