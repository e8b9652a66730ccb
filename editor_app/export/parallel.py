"""JSONL built in worker processes and written in order: exporting is CPU-bound.

Each worker opens the project read-only once and encodes chunks of documents; the
caller writes the chunks in document order, so the file is the same byte for byte as
one built in a single process.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from editor_app.export.jsonl import encode_document
from editor_app.export.options import ExportOptions
from editor_app.export.records import ExportCancelled, ExportPlan, iter_documents, plan_export
from editor_app.storage import Project
from editor_app.support.processes import worker_pool

PARALLEL_FROM = 64  # documents; below this, starting workers costs more than it saves
CHUNK = 24  # documents per task


@dataclass(slots=True)
class Chunk:
    data: bytes
    documents: int
    articles: int
    raw_bytes: int
    last_name: str


def worth_parallel(plan: ExportPlan) -> bool:
    return len(plan.document_ids) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1


def encoded_chunks(
    project,
    plan: ExportPlan,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Chunk]:
    ids = plan.document_ids
    tasks = [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]
    workers = os.cpu_count() or 1
    # Clean processes, not forks: the caller may be a GUI with threads.
    pool = worker_pool(workers, _open_project, (str(project.path), plan.options))
    done = 0
    with pool:
        pending = []
        for task in tasks:
            pending.append(pool.submit(_encode, tuple(task)))
            if len(pending) >= workers * 3:  # bounded look-ahead: memory stays flat
                done = yield from _finish(pending.pop(0), done, len(ids), progress, cancelled)
        for future in pending:
            done = yield from _finish(future, done, len(ids), progress, cancelled)


def _finish(future, done, total, progress, cancelled):
    if cancelled is not None and cancelled():
        raise ExportCancelled
    chunk = future.result()
    yield chunk
    done += chunk.documents
    if progress is not None:
        progress(done, total, chunk.last_name)
    return done


_worker: dict = {}


def _open_project(path: str, options: ExportOptions) -> None:
    project = Project.open(path, read_only=True, full_check=False)
    _worker["project"] = project
    _worker["plan"] = plan_export(project, options)


def _encode(document_ids: tuple[int, ...]) -> Chunk:
    project, plan = _worker["project"], _worker["plan"]
    part = dataclasses.replace(plan, document_ids=list(document_ids))
    pieces, articles, raw_bytes, name = [], 0, 0, ""
    for document, exported, size in iter_documents(project, part):
        pieces.append(encode_document(document, exported))
        articles += len(exported)
        raw_bytes += size
        name = document.file_name
    return Chunk(b"".join(pieces), len(document_ids), articles, raw_bytes, name)
