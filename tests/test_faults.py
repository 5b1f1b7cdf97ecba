"""Faults: ingest killed with SIGKILL at random points, an ingest while queries run."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest

from assistant.retrieve import HybridSearcher
from ingest.index import IndexError_, build_index, current_generation
from ingest.settings import Settings

from .conftest import CORPUS, ROOT


@pytest.fixture
def setup(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = replace(Settings(), corpus_dir=corpus, index_dir=tmp_path / "index", embedding="hash")
    build_index(settings, progress=False)
    env = dict(os.environ, POLICYQA_CORPUS=str(corpus), POLICYQA_INDEX=str(settings.index_dir), POLICYQA_EMBEDDING="hash")
    return settings, env


def _edit(settings: Settings, n: int) -> None:
    path = settings.corpus_dir / "renewal-rules-template.txt"
    text = path.read_text("utf-8")
    marker = "本续贷实施细则自发布之日起生效。"
    head, _, _tail = text.partition(marker)
    path.write_text(head + marker + f"\n（修订{n}）\n", "utf-8")


@pytest.mark.slow
def test_sigkill_at_random_points_never_breaks_the_index(setup):
    settings, env = setup
    rng = random.Random(11)
    survived = 0
    for n in range(10):
        _edit(settings, n)
        proc = subprocess.Popen([sys.executable, "-m", "ingest", "--rebuild"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 3.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        gen = current_generation(settings.index_dir)
        assert gen is not None and (gen / "manifest.json").exists()
        hits = HybridSearcher(settings).search("质押贷款能否办理续贷通", k=3)
        assert hits, "the previous complete index answers"
        survived += 1
    final = subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert final.returncode == 0, final.stderr.decode()
    units = (current_generation(settings.index_dir) / "units.jsonl").read_text("utf-8")
    assert "（修订9）" in units
    assert len([p for p in settings.index_dir.glob("gen-*") if p.is_dir()]) <= 2
    print(f"survived {survived} SIGKILLs")


def test_queries_keep_working_while_ingest_swaps(setup):
    settings, env = setup
    searcher = HybridSearcher(settings)
    old_gen = searcher.index.gen
    errors: list[BaseException] = []
    seen_new = threading.Event()
    stop = threading.Event()

    def ask_loop():
        while not stop.is_set():
            try:
                hits = searcher.search("续贷实施细则生效", k=3)
                assert hits
                if searcher.index.gen != old_gen:
                    seen_new.set()
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)
                return

    thread = threading.Thread(target=ask_loop)
    thread.start()
    _edit(settings, 99)
    done = subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, capture_output=True, timeout=300)
    deadline = time.time() + 20
    while not seen_new.is_set() and time.time() < deadline:
        time.sleep(0.1)
    stop.set()
    thread.join()
    assert done.returncode == 0 and not errors, errors
    assert seen_new.is_set(), "the running process sees the new index after the swap"
    assert any("（修订99）" in u.text for u in searcher.index.units)


def test_unreadable_pointer_is_a_clear_error(setup):
    settings, _env = setup
    current = settings.index_dir / "CURRENT"
    current.unlink()
    current.mkdir()  # reading it fails like an unreadable file would, even for root
    with pytest.raises(IndexError_, match="rebuild"):
        HybridSearcher(settings).search("续贷")
