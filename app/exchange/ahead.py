"""The data bundles of a large batch prepared one ahead 预先准备下一个数据包, in a worker process.

An import is about half reading and checking the bundle (``app.exchange.prepare``: decrypting, parsing, checking
every column, hashing, cutting the search text into bigrams) and half writing it. Python runs one of those at a
time in a process, so for a batch of data bundles a second process prepares bundle k+1 while this one writes
bundle k, and the import of k+1 starts from what was prepared: on two cores the batch takes about the time of
the writing alone.

The worker is a fresh interpreter (``spawn``: never a copy of a process holding the database and the windows)
with no database: it is given the enrolled branches and headquarters' key, and returns each bundle prepared
(or the reason it is refused). Anything going wrong with the worker itself (it cannot start, it dies) costs
speed only: the bundle is then prepared in this process, as for a single file.
"""
from __future__ import annotations

import collections
import functools
import gc
import logging
import multiprocessing
import pickle
import signal
import threading

from app import i18n
from app.exchange import prepare

log = logging.getLogger("complaint_desk.import")

# Below this many records in the batch's data bundles, starting the worker (a second interpreter, about half a
# second) costs more than it saves (preparing takes some 7 microseconds a record).
MIN_RECORDS = 100_000
# How long to wait for the worker before looking whether it is still alive (seconds).
POLL = 0.5


def _prepare(path: str, senders: dict, private_key: bytes, documents: bool) -> bytes:
    """The bundle at ``path`` prepared, pickled."""
    return pickle.dumps(prepare.prepare(path, senders, private_key, documents=documents), pickle.HIGHEST_PROTOCOL)


def _serve(tasks, results, language: str, senders: dict, private_key: bytes, documents: bool) -> None:
    """The worker: the messages it makes in the desk's language, no cycle collector (it makes millions of lists,
    tuples and strings and no cycles among them); then each path it is sent, prepared and sent back, until the
    task pipe closes. Anything unexpected ends it quietly: the import then prepares the bundle itself, where a
    fault is reported the way every other one is."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the import's to handle: it ends this process
    i18n.set_language(language)
    gc.disable()
    while True:
        try:
            path = tasks.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            results.send_bytes(_prepare(path, senders, private_key, documents))
        except (BrokenPipeError, OSError):  # the import is over
            return
        except Exception:  # noqa: BLE001 - the import prepares this bundle itself and says what is wrong
            return


class Ahead:
    """Prepares ``paths`` (data bundles, in the order they will be imported) one ahead in a worker process, from
    the second on (the first is prepared in place while the worker starts). ``take(path)`` gives the bundle
    prepared (or None: prepare it in place) and starts on the next one. A context manager: the worker ends with
    the block.

    The prepared bundle (about 100 MB for 20,000 cases) is read from the pipe and unpickled when the import has
    written the bundle before it: ``prefetch(path)``, called as that bundle's transaction commits, does it in a
    thread while the commit waits for the disk (SQLite leaves the interpreter free then); ``take(path)`` waits
    for that thread, or reads it itself. Read any earlier, while this process writes rows, the two threads would
    hand the interpreter lock back and forth with every row written."""

    def __init__(self, paths: list[str], senders: dict[str, prepare.Sender], private_key: bytes, *,
                 documents: bool):
        self._paths = list(paths)
        self._pending: collections.deque = collections.deque()  # paths sent to the worker, in order
        self._next = 1  # the first bundle is prepared in place while the worker starts and prepares the second
        self._taking: _Taking | None = None  # the next bundle being read in a thread (``prefetch``)
        self._process = self._tasks = self._results = None
        try:
            context = multiprocessing.get_context("spawn")  # never a copy of a process holding the database
            task_out, self._tasks = context.Pipe(duplex=False)
            self._results, result_in = context.Pipe(duplex=False)
            self._process = context.Process(
                target=_serve, name="complaint-desk-import",
                args=(task_out, result_in, i18n.language(), senders, private_key, documents), daemon=True)
            self._process.start()
            task_out.close()
            result_in.close()
        except (OSError, ValueError, RuntimeError):
            log.warning("no worker process for the import: each bundle prepared in place", exc_info=True)
            self.close()
            return
        self._submit_next()

    def __enter__(self) -> "Ahead":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        """End the worker (it stops at once if it is waiting or sending; a bundle it is preparing is dropped)."""
        self._pending.clear()
        taking, self._taking = self._taking, None
        for connection in (self._tasks, self._results):
            if connection is not None:
                connection.close()
        self._tasks = self._results = None
        if taking is not None:  # its pipe is closed: it stops at its next look (or once it has unpickled)
            taking.thread.join()
        if self._process is not None:
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.terminate()
                self._process.join(timeout=5)
            self._process = None

    def _submit_next(self) -> None:
        if self._tasks is None or self._next >= len(self._paths):
            return
        path = self._paths[self._next]
        self._next += 1
        try:
            self._tasks.send(path)
        except (OSError, ValueError):
            log.warning("the import's worker process stopped: the rest prepared in place", exc_info=True)
            self.close()
            return
        self._pending.append(path)

    def prefetch(self, path: str) -> None:
        """Start reading ``path`` prepared (if it is the batch's next data bundle) in a thread, for ``take``. Call
        it only while this process waits on something that leaves the interpreter free (a commit)."""
        if self._taking is not None or not self._pending or self._pending[0] != str(path):
            return
        self._pending.popleft()
        self._submit_next()  # queued behind the bundle the worker is sending: it starts on it once that is read
        if self._results is None:  # the worker is gone: ``take`` finds nothing and the bundle is prepared in place
            return
        self._taking = _Taking(str(path), functools.partial(_receive, self._results, self._process))

    def take(self, path: str) -> prepare.Prepared | None:
        """``path`` prepared by the worker, or None (not the batch's next data bundle, or the worker failed); the
        next data bundle is started either way. Call it for every file of the batch, in order."""
        taking = self._taking
        if taking is not None and taking.path == str(path):
            self._taking = None
            taking.thread.join()
            prepared = taking.prepared
        elif not self._pending or self._pending[0] != str(path):
            return None
        else:
            self._pending.popleft()
            data = _receive(self._results, self._process)
            if data is not None:
                self._submit_next()  # the worker starts on the next one while this one is unpickled and written
            prepared = None if data is None else pickle.loads(data)
        if prepared is None:  # it died: this one and the rest are prepared in place
            log.warning("the import's worker process failed on %s: prepared in place", path)
            self.close()
        return prepared


def _receive(results, process) -> bytes | None:
    """The next prepared bundle as the worker sent it, or None if the worker ended or the pipe was closed."""
    try:
        while not results.poll(POLL):
            if not process.is_alive():
                return None
        return results.recv_bytes()
    except (EOFError, OSError):
        return None


class _Taking:
    """A prepared bundle read from the worker and unpickled in a thread of its own (``Ahead.prefetch``)."""

    def __init__(self, path: str, receive):
        self.path, self.prepared = path, None
        self.thread = threading.Thread(target=self._run, args=(receive,), name="complaint-desk-import-take",
                                       daemon=True)
        self.thread.start()

    def _run(self, receive) -> None:
        data = receive()
        if data is None:
            return
        try:
            self.prepared = pickle.loads(data)
        except Exception:  # noqa: BLE001 - costs speed only: the bundle is then prepared in place
            log.warning("the prepared bundle %s could not be read back", self.path, exc_info=True)
