"""kb.store._parsed_in_order: the rows of parsed plans come back in the files' order, with a bounded number of chunks
sent to the workers and not yet written (the memory of a first build of 1,000 plans did not depend on it before: every
file was sent at once, and parsed rows waited whenever the writer was the slower)."""

from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor

import pytest

import kb.store as store


class CountingPool:
    """Runs each chunk at once (in this process) and counts the chunks submitted but not yet taken."""

    def __init__(self) -> None:
        self.untaken = 0
        self.most_untaken = 0

    def submit(self, fn, chunk):
        self.untaken += 1
        self.most_untaken = max(self.most_untaken, self.untaken)
        future = Future()
        future.set_result(fn(chunk))
        real_result = future.result

        def result(timeout=None):
            self.untaken -= 1
            return real_result(timeout)

        future.result = result
        return future


def fake_jobs(n: int) -> list:
    # (arguments _parse_job passes to parse_file: a missing file's name makes a one-line error, in order)
    return [(f"/nonexistent/plan-{i}.txt", f"plan-{i}", b"", "0" * 64, "rules") for i in range(n)]


# (files, workers → why), written before running
CASES = [
    (0, 2, "no file: nothing sent"),
    (1, 2, "one file: one chunk"),
    (4, 1, "exactly one chunk"),
    (5, 1, "a chunk and one file"),
    (17, 2, "more chunks than the window"),
    (40, 4, "four workers"),
]


@pytest.mark.parametrize("files,workers,why", CASES)
def test_rows_come_back_in_order_with_a_bounded_window(monkeypatch, files, workers, why):
    monkeypatch.setattr(store, "parse_file", lambda path, *rest: {"plan": (path,)})
    pool = CountingPool()
    got = list(store._parsed_in_order(pool, fake_jobs(files), workers))
    assert got == [{"plan": (f"/nonexistent/plan-{i}.txt",)} for i in range(files)], why
    chunks = -(-files // store.PARSE_CHUNK)
    assert pool.most_untaken == min(chunks, workers * store.CHUNKS_IN_FLIGHT), why
    assert pool.untaken == 0


def test_a_file_that_cannot_be_read_is_its_one_line_in_its_place():
    """Real worker processes: the error of each unreadable file comes back as its line, in the files' order."""
    jobs = fake_jobs(9)
    with ProcessPoolExecutor(max_workers=2) as pool:
        got = list(store._parsed_in_order(pool, jobs, 2))
    assert len(got) == 9 and all(isinstance(line, str) for line in got)
    assert [next(f"plan-{i}" for i in range(9) if f"plan-{i}.txt" in line) for line in got] == \
        [f"plan-{i}" for i in range(9)]
