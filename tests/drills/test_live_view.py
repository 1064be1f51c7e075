"""The SFML viewer attaches to a running drill as a wall display (`hgdrill view --live URL --token T`):
here its headless twin renders a picture from the live event feed (under xvfb-run), and a team's
token is refused (the wall display shows ground truth, so it needs the facilitator's)."""
import os
import shutil
import subprocess

from drill_support import FIX, HGDRILL, Server, check, main, temp_dir

VIZ = os.path.join(os.path.dirname(HGDRILL), "hgdrill-viz")


def test_render_from_a_live_drill():
    if not os.path.exists(VIZ) or not shutil.which("xvfb-run"):
        print("skip: hgdrill-viz or xvfb-run missing")
        return
    d = temp_dir("live")
    s = Server([os.path.join(FIX, "grid-drill.yaml"), "--session", d], d)
    try:
        s.step_to(2400)
        png = os.path.join(d, "live.png")
        r = subprocess.run(["xvfb-run", "-a", VIZ, "render", "--live", s.url, "--token", s.fac, "--out", png, "--size", "800x500"],
                           capture_output=True, text=True, timeout=300)
        check(r.returncode == 0, "render --live: %s %s" % (r.stdout, r.stderr))
        check(os.path.getsize(png) > 10000, "a picture was drawn")
        check("T+00:40:00" in r.stdout, "drawn at the drill clock, 2400 s = T+00:40:00: %s" % r.stdout)
        r = subprocess.run(["xvfb-run", "-a", VIZ, "render", "--live", s.url, "--token", s.teams["dist"], "--out", png],
                           capture_output=True, text=True, timeout=300)
        check(r.returncode == 1 and "this is a team's token" in r.stderr, "a team token is refused: %s" % r.stderr)
        r = subprocess.run(["xvfb-run", "-a", VIZ, "render", "--live", s.url, "--token", "0" * 32, "--out", png],
                           capture_output=True, text=True, timeout=300)
        check(r.returncode == 1 and "refused the token (401)" in r.stderr, "a wrong token is refused: %s" % r.stderr)
    finally:
        s.stop()


if __name__ == "__main__":
    main([test_render_from_a_live_drill])
