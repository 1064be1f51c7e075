"""A headless Chromium opens a team console (Debian chromium driven through chromium-driver's
WebDriver protocol, standard library only), places an order from the form, and sees its effect: the
order is acknowledged and, once the facilitator advances the clock, the team's unit is shown working.
With HG_SCREENSHOTS=DIR it also saves the pictures used in docs/running-a-drill.md."""
import base64
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request

from drill_support import FIX, Server, check, main, temp_dir

EX = os.path.join(FIX, "grid-drill.yaml")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Browser:
    def __init__(self):
        self.port = free_port()
        self.proc = subprocess.Popen([DRIVER, "--port=%d" % self.port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(200):
            try:
                self._req("GET", "/status")
                break
            except Exception:
                time.sleep(0.05)
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--user-data-dir=" + temp_dir("chrome")]}}}}
        self.sid = self._req("POST", "/session", caps)["sessionId"]

    def _req(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read().decode()).get("value")

    def cmd(self, method, path, body=None):
        return self._req(method, "/session/%s%s" % (self.sid, path), body)

    def js(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def wait_js(self, script, what, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            v = self.js(script)
            if v:
                return v
            time.sleep(0.1)
        raise AssertionError("browser: timed out waiting for " + what)

    def screenshot(self, path):
        png = base64.b64decode(self.cmd("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)

    def quit(self):
        try:
            self.cmd("DELETE", "")
        finally:
            self.proc.terminate()
            self.proc.wait(timeout=30)


def test_team_console_places_an_order_and_sees_it():
    d = temp_dir("browser")
    s = Server([EX, "--session", d], d)
    shots = os.environ.get("HG_SCREENSHOTS")
    b = Browser()
    try:
        s.step_to(2400)  # past m1 (0.5 h)
        b.cmd("POST", "/url", {"url": s.url + "/team#token=" + s.teams["dist"]})
        b.wait_js("return document.querySelectorAll('#verb option').length > 0", "the order form")
        check(b.js("return [...document.querySelectorAll('#verb option')].map(o => o.value)") == ["dispatch", "evacuate", "report"],
              "the form offers exactly the team's actions")
        check(b.js("return [...document.querySelectorAll('#units tr[data-unit]')].map(r => r.dataset.unit)") == ["u_2"],
              "the console lists the team's own unit only")
        b.wait_js("return document.querySelector('#inbox').innerText.includes('丙村群众报告有人被困')", "the inject in the inbox")
        # Fill the dispatch form as a person would, and send it.
        b.js("document.getElementById('verb').value='dispatch'; fields();"
             "document.getElementById('a-capability').value='search_rescue';"
             "document.getElementById('a-target').value='c';"
             "document.getElementById('a-task').value='rescue';")
        b.js("document.getElementById('submit').click()")
        txt = b.wait_js("const t = document.getElementById('order-result').innerText; return t.includes('#') ? t : ''",
                        "the order's acknowledgement")
        check("#" in txt and "0.67 h" in txt, "acknowledged with its number at T+2400 s = 0.67 h: %s" % txt)
        st, orders = s.call("GET", "/api/v1/orders", token=s.fac)
        check(len(orders) == 1 and orders[0]["action"]["capability"] == "search_rescue" and orders[0]["team"] == "dist",
              "the server holds the order placed in the page: %s" % orders)
        check(orders[0]["action"]["units"] == ["u_2"], "a team's dispatch is limited to its own units")
        s.step_to(3000)
        state = b.wait_js("const r = document.querySelector('#units tr[data-unit=\"u_2\"] td:nth-child(2)');"
                          "return r && r.innerText !== 'idle' ? r.innerText : ''", "the unit leaving")
        check(state in ("assigned", "en_route", "on_scene"), "the unit is working: %s" % state)
        check(b.js("return document.querySelectorAll('#orders tr').length") == 2, "the order shows in the team's list")
        if shots:
            os.makedirs(shots, exist_ok=True)
            b.screenshot(os.path.join(shots, "team-console.png"))
            b.cmd("POST", "/url", {"url": s.url + "/facilitator#token=" + s.fac})
            b.wait_js("return document.querySelectorAll('#msel tr').length > 1", "the facilitator console")
            time.sleep(1.6)
            b.screenshot(os.path.join(shots, "facilitator-console.png"))
    finally:
        b.quit()
        s.stop()


if __name__ == "__main__":
    main([test_team_console_places_an_order_and_sees_it])
