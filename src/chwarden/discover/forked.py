"""Pure CPU work split across forked copies of this process, for the moment the engine has answered.

discover validates a column's distinct candidate rows with the Python rules after the engine's
query ends; the engine then sits idle, and so do the other cores. A forked copy already holds the
rows, the compiled rules and the phone metadata, so only its answers travel back (a pipe, pickled:
the matched values stay inside chwarden's own processes, as in the one that forked them).

Forking is used only where it is safe and worth it: on Linux (macOS forks badly with its system
libraries), from a process with one thread (a thread holding a lock at the fork would hold it in
the copy for ever; watch and serve run threads, so they validate in one process), and for work that
costs far more than a fork (``MIN_WORK``). A copy that fails or dies is not a wrong answer: its
part is computed again here.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 8
# Work below this (candidate detectors times the characters of their rows) takes a core less than
# ~40 ms: a fork and its pickled answer cost ~10 ms (the bench's 10,124 rows: 0.30 s split in two against
# 0.29 s for the slower part alone), too much of so little.
MIN_WORK = 200_000


def cores() -> int:
    """CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def parts_for(items: int, work: int) -> int:
    """How many parts to cut ``items`` into (1: no fork), for ``work`` in ``MIN_WORK``'s units."""
    if work < MIN_WORK or items < 2 or not can_fork():
        return 1
    return min(cores(), MAX_WORKERS, items)


def _slices(n: int, parts: int) -> list[range]:
    """``parts`` interleaved ranges covering ``range(n)`` (item i goes to part i mod parts): neighbours in a
    sorted list often cost alike (rows of one shape), so every part gets its share of the costly ones."""
    return [range(k, n, parts) for k in range(min(parts, n))]


def _child(fn: Callable[[Sequence[T]], list[R]], part: Sequence[T], write_fd: int) -> None:
    """In the forked copy: answer, then leave without running the parent's exit handlers or flushing
    its buffers (they are the parent's to flush, once)."""
    code = 1
    try:
        data = pickle.dumps(fn(part), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def _place(out: list[R | None], part: range, answer: list[R]) -> None:
    for index, result in zip(part, answer, strict=True):
        out[index] = result


def _read_all(read_fd: int) -> bytes:
    with os.fdopen(read_fd, "rb") as pipe:
        return pipe.read()


def map_parts(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], parts: int) -> list[R]:
    """``fn`` over ``items`` cut into ``parts`` interleaved slices (``_slices``), answered in item order.

    ``fn`` answers one result per item of the slice it is given. The first slice is computed here,
    the others in forked copies at the same time; a copy that dies, or answers what does not unpickle
    into one result per item, has its slice computed here instead. No copy outlives this call.
    """
    slices = _slices(len(items), parts)
    if len(slices) <= 1:
        return fn(items)
    out: list[R | None] = [None] * len(items)
    children: list[tuple[int, int, range]] = []
    try:
        for part in slices[1:]:
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the copy
                os.close(read_fd)
                _child(fn, [items[i] for i in part], write_fd)
            os.close(write_fd)
            children.append((pid, read_fd, part))
        _place(out, slices[0], fn([items[i] for i in slices[0]]))
        while children:
            pid, read_fd, part = children.pop(0)
            data = _read_all(read_fd)
            _, status = os.waitpid(pid, 0)
            answer: list[R] | None = None
            if os.waitstatus_to_exitcode(status) == 0:
                with contextlib.suppress(Exception):  # a copy that died mid-answer: computed again below
                    answer = pickle.loads(data)  # our own fork's answer, from our own pipe
            if not isinstance(answer, list) or len(answer) != len(part):
                answer = fn([items[i] for i in part])
            _place(out, part, answer)
        return out  # type: ignore[return-value]  # every index placed: the parts cover range(len(items))
    finally:
        for pid, read_fd, _ in children:  # interrupted: no copy may outlive the call
            with contextlib.suppress(OSError):
                os.close(read_fd)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
