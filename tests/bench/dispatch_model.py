#!/usr/bin/python3
"""The unit-dispatch model of dispatch_bench.cpp in SimPy 2 (Debian python3-simpy 2.3): U units at
bases, N incidents; each incident takes the idle unit with the shortest travel time from its base
(else waits in a FIFO queue); the unit drives there, works 600 s, drives back, and takes the next
queued incident. Prints: events, checksum (sum of response times), seconds of wall time.
Usage: dispatch_model.py UNITS INCIDENTS"""
import sys
import time
from SimPy.Simulation import Process, hold, passivate, reactivate, initialize, simulate, now

U = int(sys.argv[1])
N = int(sys.argv[2])


def base(u):
    return (u * 37) % 100


def place(i):
    return (i * 61) % 100


def t_incident(i):
    return i * 30.0 + ((i * 7) % 11) * 0.013


def travel(u, x):
    return abs(base(u) - x) * 10.0 + 60.0 + 0.0017 * u


state = {"events": 0, "checksum": 0.0}
idle = [True] * U
queue = []


class Unit(Process):
    def __init__(self, u):
        Process.__init__(self, name="u%d" % u)
        self.u = u
        self.job = None

    def run(self):
        while True:
            if self.job is None:
                yield passivate, self
            i = self.job
            tt = travel(self.u, place(i))
            yield hold, self, tt
            state["events"] += 1  # on scene
            state["checksum"] += now() - t_incident(i)
            yield hold, self, 600.0
            state["events"] += 1  # clear
            yield hold, self, tt
            state["events"] += 1  # back at base
            if queue:
                self.job = queue.pop(0)
            else:
                self.job = None
                idle[self.u] = True


class Dispatcher(Process):
    def run(self, units):
        for i in range(N):
            yield hold, self, t_incident(i) - now()
            state["events"] += 1  # incident
            best = -1
            for u in range(U):
                if idle[u] and (best < 0 or travel(u, place(i)) < travel(best, place(i))):
                    best = u
            if best < 0:
                queue.append(i)
            else:
                idle[best] = False
                units[best].job = i
                reactivate(units[best])


t0 = time.perf_counter()
initialize()
units = [Unit(u) for u in range(U)]
for un in units:
    from SimPy.Simulation import activate
    activate(un, un.run())
d = Dispatcher()
activate(d, d.run(units))
simulate(until=1e12)
print(state["events"], "%.6f" % state["checksum"], "%.6f" % (time.perf_counter() - t0))
