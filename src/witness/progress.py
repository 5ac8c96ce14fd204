"""Progress of long work, one stage at a time (read, NLP, write, index), and what it said.

The pipeline only calls a small interface — ``stages.stage(name, total, unit)`` returns a
`Stage` with ``advance()``, ``grow()`` and ``finish()`` — and never prints.  `Stages` keeps
the counts and timings (the summary is made from them); `RichStages` also shows one bar per
stage on stderr with rich (count, rate, elapsed time, ETA).  A caller that wants its own
display passes its own `Stages`.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "file")`` → "1 file", ``plural(3, "file")`` → "3 files" (with thousands commas)."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def size(nbytes: float) -> str:
    """Bytes for people: 812 B, 3.4 kB, 12.5 MB, 1.2 GB (powers of 1000, as disks are sold)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if nbytes >= scale:
            value = nbytes / scale
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{int(nbytes)} B"


def number(r: float) -> str:
    """A measured quantity with as many digits as it needs: 240, 12.5, 1.5, 0.35, 0.042."""
    if r >= 100:
        return f"{r:,.0f}"
    if r >= 10:
        return f"{r:.1f}"
    if r >= 1:
        return f"{r:.1f}"
    if r >= 0.1:
        return f"{r:.2f}"
    return f"{r:.3f}" if r else "0"


def rate(n: float, seconds: float, unit: str) -> str:
    """A rate: "1.5 files/s", "240 files/s", "0.35 MB/s" (never a misleading 0.0)."""
    if seconds <= 0:
        return f"– {unit}/s"
    return f"{number(n / seconds)} {unit}/s"


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


@dataclass
class Stage:
    """One stage's counts and timing.  `total` may grow while an earlier stage feeds it."""
    name: str
    total: int | None = None
    unit: str = "document"
    done: int = 0
    started: float | None = None
    ended: float | None = None
    final_total: bool = True         # False while the total may still grow
    _owner: "Stages | None" = field(default=None, repr=False, compare=False)

    @property
    def seconds(self) -> float:
        if self.started is None:
            return 0.0
        return (self.ended or time.perf_counter()) - self.started

    def _touch(self) -> None:
        if self.started is None:
            self.started = time.perf_counter()

    def advance(self, n: int = 1) -> None:
        self._touch()
        self.done += n
        if self._owner is not None:
            self._owner.changed(self)

    def grow(self, n: int = 1) -> None:
        """More work arrived for this stage (an earlier stage handed it on): it has started."""
        self._touch()
        self.total = (self.total or 0) + n
        if self._owner is not None:
            self._owner.changed(self)

    def settle(self) -> None:
        """The total is now known: nothing more will arrive."""
        self.final_total = True
        if self._owner is not None:
            self._owner.changed(self)

    def start(self) -> None:
        self._touch()
        if self._owner is not None:
            self._owner.changed(self)

    def finish(self) -> None:
        self._touch()
        if self.ended is None:
            self.ended = time.perf_counter()
        self.final_total = True
        if self.total is None or self.total < self.done:
            self.total = self.done
        if self._owner is not None:
            self._owner.changed(self)

    def line(self) -> str:
        """ "NLP: 101 documents in 55.2 s (1.8 documents/s)" """
        units = self.unit + "s"
        return f"{plural(self.done, self.unit)} in {duration(self.seconds)} ({rate(self.done, self.seconds, units)})"


class Stages:
    """Records stages without showing anything (the library default, and `--quiet`)."""

    def __init__(self) -> None:
        self.stages: list[Stage] = []

    def stage(self, name: str, total: int | None = None, *, unit: str = "document",
              growing: bool = False) -> Stage:
        """A new stage.  growing=True: `total` is what is known so far and grows with `grow()`."""
        s = Stage(name, total, unit, final_total=not growing, _owner=self)
        self.stages.append(s)
        self.added(s)
        return s

    def get(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name == name), None)

    # display hooks
    def added(self, stage: Stage) -> None:
        pass

    def changed(self, stage: Stage) -> None:
        pass

    def close(self) -> None:
        for s in self.stages:
            if s.started is not None:
                s.finish()

    def __enter__(self) -> "Stages":
        return self

    def __exit__(self, *exc) -> bool:
        self.close()
        return False


class RichStages(Stages):
    """One rich progress bar per stage on stderr: done/total, rate, elapsed, ETA."""

    def __init__(self, file=None) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        console = Console(file=file or sys.stderr)
        self._progress = Progress(
            TextColumn("{task.description:<6}"), BarColumn(bar_width=32), MofNCompleteColumn(),
            TextColumn("{task.fields[unit]}"), TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=console, refresh_per_second=4, transient=False)
        self._tasks: dict[int, int] = {}
        self._last: dict[int, float] = {}
        self._progress.start()

    def added(self, stage: Stage) -> None:
        self._tasks[id(stage)] = self._progress.add_task(
            stage.name, total=stage.total, start=False, unit=stage.unit + "s", rate="")

    def changed(self, stage: Stage) -> None:
        task = self._tasks.get(id(stage))
        if task is None:
            return
        now = time.perf_counter()
        # Updating the display costs more than the work of one fast item: at most 20 a second.
        if stage.ended is None and now - self._last.get(task, 0.0) < 0.05:
            return
        self._last[task] = now
        if stage.started is not None and not self._progress.tasks[task].started:
            self._progress.start_task(task)
        # While an earlier stage still feeds this one, the total (and so the ETA) is not known.
        total = stage.total if stage.final_total else None
        self._progress.update(task, completed=stage.done, total=total,
                              rate=f"{number(stage.done / stage.seconds)}/s"
                              if stage.done and stage.seconds > 0 else "")
        if stage.ended is not None:
            self._progress.stop_task(task)

    def close(self) -> None:
        super().close()
        self._progress.stop()


def stages_for(progress) -> Stages:
    """`progress` as the pipeline takes it: True → bars on stderr, False/None → none, or a Stages."""
    if isinstance(progress, Stages):
        return progress
    return RichStages() if progress else Stages()


def summary_lines(summary) -> list[str]:
    """What an ingest or a reprocess did, stage by stage (pipeline.IngestSummary)."""
    by = {s.name: s for s in summary.stages}
    skipped = sum(summary.skipped.values())
    failed = len(summary.failed)
    stored = summary.new + summary.updated
    out: list[str] = []
    if summary.kind == "reprocess":
        out.append(f"Re-annotated {plural(summary.files, 'document')} in {duration(summary.seconds)}: "
                   f"{summary.updated:,} changed (stored as a new version), {summary.unchanged:,} unchanged.")
    else:
        out.append(f"{plural(summary.files, 'file')} ({size(summary.bytes)}) in {duration(summary.seconds)}: "
                   f"{summary.new:,} new, {summary.updated:,} updated (a new version), "
                   f"{summary.unchanged:,} unchanged, {skipped:,} skipped, {failed:,} failed.")
    read, write = by.get("read"), by.get("write")
    if read is not None:
        docs = (write.total or 0) if write is not None else 0
        same = max(read.done - docs - skipped - failed, 0)
        out.append(f"  read   {plural(read.done, 'file')} in {duration(read.seconds)} "
                   f"({rate(read.done, read.seconds, 'files')}, {rate(summary.bytes / 1e6, read.seconds, 'MB')}): "
                   f"{plural(docs, 'document')} read, {same:,} unchanged since the last ingest "
                   f"(same sha256, not read again), {skipped:,} skipped, {failed:,} failed")
    for name in ("creators", "NLP"):
        stage = by.get(name)
        if stage is not None:
            out.append(f"  {name:<6} {stage.line()}")
    if write is not None:
        if summary.kind == "reprocess":
            what = f"{summary.updated:,} with new annotations, {summary.unchanged:,} as they were"
        else:
            what = f"{plural(stored, 'document')} stored ({summary.new:,} new, {summary.updated:,} updated)"
        out.append(f"  write  {plural(write.done, 'document')} in {duration(write.seconds)}: {what}")
    index = by.get("index")
    if index is not None and not index.done:
        out.append("  index  nothing new to index (the search index was already current)")
    elif index is not None:
        out.append(f"  index  {plural(index.done, 'document')} added to the search index in {duration(index.seconds)}")
    dup = getattr(summary, "duplicates", None)
    if dup is not None:
        took = by.get("duplicates")
        out.append(f"  {dup.line()}" + (f" ({duration(took.seconds)})" if took is not None else ""))
    for reason, n in summary.skipped.most_common(8):
        out.append(f"  skipped {n:>5}  {reason}")
    for relpath, reason in summary.failed[:20]:
        out.append(f"  FAILED {relpath}: {reason}")
    if failed > 20:
        out.append(f"  … and {plural(failed - 20, 'more failure')} (see `witness stats`)")
    return out

