"""The Python rules made ready while the engine reads: a thread that judges every detector's own examples.

Python compiles a regex the first time it is used, and phonenumbers loads a region's metadata the
same way: a ``discover`` command paid about 0.4 s of it on its first column, after the engine had
answered (cProfile of the whole command on 18.16: 415 regex compilations). The engine's read takes
longer than that, and chwarden's process only waits on it (the socket read, or the embedded
engine's worker process, releases the GIL), so a thread does the same work meanwhile: it judges a
row holding every detector's example and negatives, which reaches the patterns, the value regexes
and the validators' checks as a real row does.

The caller joins the thread before judging: ``forked`` copies of this process are made only from one
thread. Once per process; a failure here only leaves the work to the first real row.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from chwarden.discover.rules import Detector
from chwarden.discover.verdict import RowGroup, row_findings

_lock = threading.Lock()
_done = False


def start(ordered: Sequence[Detector], specific: Sequence[Detector]) -> threading.Thread | None:
    """The warming thread, started; None once a process has warmed (or is warming) already."""
    global _done
    with _lock:
        if _done:
            return None
        _done = True
    thread = threading.Thread(target=_warm, args=(list(ordered), list(specific)), name="chwarden-warm", daemon=True)
    thread.start()
    return thread


def _warm(ordered: list[Detector], specific: list[Detector]) -> None:
    texts = tuple(t for d in ordered for t in (d.example, *d.negatives))
    group = RowGroup(tuple(range(1, len(ordered) + 1)), texts, 1)
    try:
        row_findings(group, ordered, frozenset(), specific)
    except Exception:  # a warm-up only: the first real row meets (and reports) the same failure
        return
