#!/usr/bin/env python3
"""Malformed-input suite: mutates the bundled scenarios, maps, plans, rubrics and mine networks and
checks that `hgdrill validate` (and, for some, `hgdrill run`) refuses each with exit code 3 and a
message that names the file, the line of the mutation and the field.

Cases are generated from the bundled files (each class with variants), so a new bundled file or field
adds cases. Expected lines are where this script put the mutation, never read from the program.

Usage: malformed_inputs.py HGDRILL SOURCE_DIR [CLASS ...]   (classes: ranges yaml expr graph kinds)
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HGDRILL, SRC = sys.argv[1], sys.argv[2]
CLASSES = sys.argv[3:] or ["ranges", "yaml", "expr", "graph", "kinds"]

# Which file a mutated file is checked through: files included by a scenario are checked by
# validating that scenario; the others are validated themselves.
VIA = {
    "hegang/": "flood/songhua-2013.yaml",
}
UNCERTAIN_PARAMS = {"min", "max", "mode", "mean", "sd", "median", "sigma"}


def numeric_fields():
    text = open(os.path.join(SRC, "sim/io/SchemaFields.inc"), encoding="utf-8").read()
    return set(re.findall(r'"([a-z0-9_]+)"', text)) - UNCERTAIN_PARAMS


class Suite:
    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="hg-malformed-")
        self.root = os.path.join(self.tmp, "scenarios")
        shutil.copytree(os.path.join(SRC, "scenarios"), self.root)
        self.cases = 0
        self.failures = []

    def path(self, rel):
        return os.path.join(self.root, rel)

    def target(self, rel):
        for prefix, via in VIA.items():
            if rel.startswith(prefix):
                return self.path(via)
        return self.path(rel)

    def check(self, name, rel, text, line, field, args=None, code=3, words=()):
        """Writes `text` as file `rel`, runs hgdrill, restores the file, checks the outcome."""
        self.cases += 1
        p = self.path(rel)
        original = open(p, "rb").read()
        try:
            open(p, "wb").write(text if isinstance(text, bytes) else text.encode("utf-8"))
            cmd = [HGDRILL] + (args or ["validate", self.target(rel)])
            try:
                r = subprocess.run(cmd, capture_output=True, timeout=120)
            except subprocess.TimeoutExpired:
                self.failures.append(f"{name}: timed out (a hang)")
                return
            out = (r.stdout + r.stderr).decode("utf-8", "replace")
        finally:
            open(p, "wb").write(original)
        problems = []
        if r.returncode != code:
            problems.append(f"exit {r.returncode}, expected {code}")
        base = re.escape(os.path.basename(rel))
        if line is not None:
            pat = base + r":" + (str(line) if isinstance(line, int) else line) + r":\d+: error: "
            if field:
                pat += r"[^\n]*" + re.escape(field)
            if not re.search(pat, out):
                problems.append(f"no message matching /{pat}/")
        for w in words:
            if w not in out:
                problems.append(f"message lacks '{w}'")
        if problems:
            self.failures.append(f"{name}: " + "; ".join(problems) + "\n    output: " + out[-600:].replace("\n", "\n    "))

    # ---- classes -------------------------------------------------------------------------------

    def files(self, kinds=None):
        out = []
        for d, _, fs in os.walk(self.root):
            for f in sorted(fs):
                if f.endswith(".yaml"):
                    rel = os.path.relpath(os.path.join(d, f), self.root)
                    out.append(rel)
        return sorted(out)

    def ranges(self):
        """Numbers outside their field's range: huge, infinite, not-a-number, hugely negative."""
        fields = numeric_fields()
        pat = re.compile(r"(?<![a-z0-9_])([a-z][a-z0-9_]*):[ \t]*(-?[0-9][0-9.eE+-]*)(?=[ \t]*[,}\n#])")
        for rel in self.files():
            text = open(self.path(rel), encoding="utf-8").read()
            seen = set()
            picked = []
            for m in pat.finditer(text):
                key = m.group(1)
                if key in fields and key not in seen and key not in ("seed",):
                    seen.add(key)
                    picked.append(m)
                if len(picked) == 2:
                    break
            for k, m in enumerate(picked):
                line = text.count("\n", 0, m.start(2)) + 1
                for bad in (("1e17", ".inf"), (".nan", "-1e12"))[k]:
                    mutated = text[: m.start(2)] + bad + text[m.end(2):]
                    self.check(f"ranges {rel}:{line} {m.group(1)}={bad}", rel, mutated, line, m.group(1),
                               words=("expected",))

    def yaml(self):
        """Duplicate keys, alias bombs, deep nesting, huge lists, bad UTF-8, syntax errors."""
        for rel in self.files():
            text = open(self.path(rel), encoding="utf-8").read()
            lines = text.split("\n")
            n = len(lines)
            # A duplicate top-level key: the `id:` (or the first top-level scalar key) written twice.
            for i, l in enumerate(lines):
                m = re.match(r"^([a-z_]+): (\S.*)$", l)
                if m and m.group(1) != "hgdrill":
                    dup = lines[: i + 1] + [l] + lines[i + 1:]
                    self.check(f"yaml {rel} duplicate {m.group(1)}", rel, "\n".join(dup), i + 2, m.group(1),
                               words=("duplicate key",))
                    break
            # Billion laughs: nine levels of ten aliases (1e9 values if expanded).
            bomb = ["lol0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
            for k in range(1, 10):
                bomb.append(f"lol{k}: &l{k} [" + ", ".join([f"*l{k-1}"] * 10) + "]")
            first = len(text.rstrip("\n").split("\n")) + 1
            self.check(f"yaml {rel} alias bomb", rel, text.rstrip("\n") + "\n" + "\n".join(bomb) + "\n",
                       r"(" + "|".join(str(first + k) for k in range(10)) + r")", "lol", words=("aliases",))
            if rel.startswith(("flood/", "plans/", "rubrics/", "hegang/units", "mine/x")):
                # Deep nesting and a huge list, appended as new top-level keys.
                self.check(f"yaml {rel} deep nesting", rel, text.rstrip("\n") + "\ndeep: " + "[" * 200 + "]" * 200 + "\n",
                           first, "deep", words=("nested deeper",))
                self.check(f"yaml {rel} huge list", rel, text.rstrip("\n") + "\nbig: [" + "0," * 600000 + "0]\n",
                           first, "big", words=("entries",))
                # A syntax error on a known line.
                self.check(f"yaml {rel} syntax", rel, text.rstrip("\n") + "\nbroken: [1, 2\n", r"\d+", "",
                           words=("YAML syntax error",))
            # Bad UTF-8: the first non-ASCII character's first byte replaced by 0xFF.
            raw = open(self.path(rel), "rb").read()
            pos = next((i for i, b in enumerate(raw) if b >= 0x80), None)
            if pos is not None:
                line = raw.count(b"\n", 0, pos) + 1
                bad = raw[:pos] + b"\xff" + raw[pos + 1:]
                self.check(f"yaml {rel} bad UTF-8", rel, bad, line, "", words=("UTF-8",))

    def expr(self):
        """Plan conditions: empty, bare '.', out-of-range numbers, deep nesting, long sums, junk."""
        variants = [
            ('""', "empty condition"),
            ('"."', "expected a number"),
            ('"1e999 > 0"', "out of range"),
            ('"t_hours > 1.2.3"', "unexpected"),
            ('"' + "(" * 10000 + "1" + ")" * 10000 + '"', "characters long"),
            ('"' + "(" * 40 + "t_hours" + ")" * 40 + ' > 1"', "nested deeper"),
            ('"' + "not " * 900 + 'incident_reported"', "nested deeper"),
            ('"t_hours' + " + 1" * 300 + ' > 1"', "numbers and quantities"),
            ('"incident_reported and"', "condition ended"),
            ('"no_such_quantity > 1"', "unknown quantity"),
            ('"t_hours >= 1e"', "exponent"),
        ]
        for rel in self.files():
            if not rel.startswith("plans/"):
                continue
            text = open(self.path(rel), encoding="utf-8").read()
            m = re.search(r"\bwhen: (.*)$", text, re.M)
            if not m:
                continue
            line = text.count("\n", 0, m.start()) + 1
            for v, words in variants:
                mutated = text[: m.start(1)] + v + text[m.end(1):]
                self.check(f"expr {rel}:{line} {v[:30]}", rel, mutated, line, "when", words=(words,))

    def graph(self):
        """Command posts whose parents form a cycle: self, pair, triangle."""
        rel = "hegang/comms.yaml"
        text = open(self.path(rel), encoding="utf-8").read()
        # (id, start and end of the parent value) of each post that has a parent, in file order.
        posts = []
        for m in re.finditer(r"^- id: ([a-z0-9_]+)\n((?:  .*\n)*)", text, re.M):
            q = re.search(r"^  parent: ([a-z0-9_]+)", m.group(2), re.M)
            if q:
                posts.append((m.group(1), m.start(2) + q.start(1), m.start(2) + q.end(1)))
        if len(posts) < 3:
            self.failures.append("graph: fewer than 3 posts with a parent in comms.yaml")
            return

        def edit(t, changes):  # changes: [(post, new parent)], applied from the end of the file
            for post, new in sorted(changes, key=lambda c: -c[0][1]):
                t = t[: post[1]] + new + t[post[2]:]
            return t

        def line_of(post):
            return text.count("\n", 0, post[1]) + 1

        a, b, c = posts[0], posts[1], posts[2]
        self.check("graph self parent", rel, edit(text, [(a, a[0])]), line_of(a), "parent",
                   words=("cycle", a[0] + " → " + a[0]))
        self.check("graph pair", rel, edit(text, [(a, b[0]), (b, a[0])]), line_of(a), "parent",
                   words=("cycle", a[0] + " → " + b[0] + " → " + a[0]))
        self.check("graph triangle", rel, edit(text, [(a, c[0]), (c, b[0]), (b, a[0])]), line_of(a), "parent",
                   words=("cycle", a[0] + " → " + c[0] + " → " + b[0] + " → " + a[0]))

    def kinds(self):
        """Unknown kinds and malformed seeds."""
        for rel in self.files():
            text = open(self.path(rel), encoding="utf-8").read()
            if rel.startswith("plans/"):
                m = re.search(r"\bhazard: ([a-z_]+)", text)
                if m:
                    line = text.count("\n", 0, m.start()) + 1
                    self.check(f"kinds {rel} plan hazard", rel, text[: m.start(1)] + "volcano" + text[m.end(1):],
                               line, "hazard", words=("unknown hazard kind",))
            if "hgdrill: scenario/1" in text:
                m = re.search(r"^  - (\{ ?)?kind: ([a-z_]+)", text, re.M)
                if m and "hazards:" in text[: m.start()]:
                    line = text.count("\n", 0, m.start()) + 1
                    self.check(f"kinds {rel} hazard kind", rel, text[: m.start(2)] + "volcano" + text[m.end(2):],
                               line, "kind", words=("unknown hazard kind",))
                for bad in ("1e30", "-1", "1.5", "abc"):
                    m = re.search(r"^seed: (.*)$", text, re.M)
                    if m:
                        line = text.count("\n", 0, m.start()) + 1
                        t = text[: m.start(1)] + bad + text[m.end(1):]
                    else:
                        m = re.search(r"^id: .*$", text, re.M)
                        line = text.count("\n", 0, m.end()) + 2
                        t = text[: m.end()] + "\nseed: " + bad + text[m.end():]
                    self.check(f"kinds {rel} seed {bad}", rel, t, line, "seed", words=("expected",))


def main():
    s = Suite()
    try:
        for c in CLASSES:
            getattr(s, c)()
    finally:
        shutil.rmtree(s.tmp, ignore_errors=True)
    for f in s.failures:
        print("FAIL " + f)
    print(f"malformed inputs ({' '.join(CLASSES)}): {s.cases} cases, {len(s.failures)} failed")
    sys.exit(1 if s.failures or s.cases == 0 else 0)


if __name__ == "__main__":
    main()
