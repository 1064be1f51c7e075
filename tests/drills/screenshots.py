"""Takes the pictures of docs/running-a-drill.md from the real consoles: the songhua-2013 tabletop,
played for a few decision rounds by scripted teams, seen by headless Chromium. Not a test; run
`python3 tests/drills/screenshots.py` after building (it writes docs/img/*.png)."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from drill_support import SRC, Server, temp_dir  # noqa: E402
from test_browser import Browser  # noqa: E402

OUT = os.path.join(SRC, "docs", "img")


def main():
    d = temp_dir("shots")
    s = Server([os.path.join(SRC, "scenarios", "exercises", "songhua-2013-tabletop.yaml"), "--session", d], d)
    b = Browser()
    try:
        hq, suibin = s.teams["hq"], s.teams["suibin"]
        s.clock({"op": "step", "to_s": 2 * 3600, "pace": 0})
        s.wait(lambda v: v["clock"]["paused"] and v["clock"]["t_s"] >= 7200, "2 h")
        s.call("POST", "/api/v1/orders", {"do": "set_level", "level": "IV"}, token=hq)
        s.call("POST", "/api/v1/orders", {"do": "report", "to": "province"}, token=hq)
        s.call("POST", "/api/v1/orders", {"do": "warn", "channels": ["wechat_app", "fm_radio"], "zones": ["all_at_risk"], "level": "blue"}, token=hq)
        s.clock({"op": "step", "to_s": 90 * 3600, "pace": 0})
        s.wait(lambda v: v["clock"]["paused"] and v["clock"]["t_s"] >= 90 * 3600, "90 h", timeout=600)
        s.call("POST", "/api/v1/orders", {"do": "dispatch", "count": 1, "capability": "sandbag", "target": "n_fusui_n",
                                          "task": "sandbag", "duration_h": 24}, token=suibin)
        s.call("POST", "/api/v1/orders", {"do": "evacuate", "zones": ["z_suibin"], "shelter": "f_shel_suibin"}, token=suibin)
        s.clock({"op": "step", "to_s": 102 * 3600, "pace": 0})
        s.wait(lambda v: v["clock"]["paused"] and v["clock"]["t_s"] >= 102 * 3600, "102 h", timeout=600)
        b.cmd("POST", "/url", {"url": s.url + "/team#token=" + suibin})
        b.wait_js("return document.querySelectorAll('#verb option').length > 0", "the team console")
        time.sleep(2)
        b.screenshot(os.path.join(OUT, "team-console.png"))
        b.cmd("POST", "/url", {"url": s.url + "/facilitator#token=" + s.fac})
        b.wait_js("return document.querySelectorAll('#msel tr').length > 1", "the facilitator console")
        time.sleep(3)
        b.screenshot(os.path.join(OUT, "facilitator-console.png"))
        print("wrote", OUT)
    finally:
        b.quit()
        s.stop()


if __name__ == "__main__":
    main()
