"""Server mode against a real Chroma server started on 127.0.0.1 inside the test run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest

from ingest.index import IndexError_, build_index
from ingest.settings import Settings

from evals.procs import free_port, wait_until_up

from .conftest import CORPUS, ROOT

CHROMA = shutil.which("chroma") or str(ROOT / ".venv-ci" / "bin" / "chroma")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not os.path.exists(CHROMA), reason="chroma CLI not installed")]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-data")
    log = open(path.parent / "chroma.log", "w")
    proc = subprocess.Popen([CHROMA, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(path)],
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url + "/api/v2/heartbeat", proc):
        proc.kill()
        pytest.fail("chroma server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


def _host(tmp_path, name, url, corpus=CORPUS) -> Settings:
    # every search checks the server for a new generation: the tests switch generations at once
    return replace(Settings(), corpus_dir=corpus, index_dir=tmp_path / name, embedding="hash", chroma_url=url,
                   server_check_seconds=0.0)


def test_ingest_on_one_host_answer_on_others(tmp_path, chroma_url):
    from assistant.chain import Assistant

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    host_a = _host(tmp_path, "a", chroma_url, corpus)
    report = build_index(host_a, progress=False)
    assert report.generation and report.units > 150

    host_b = _host(tmp_path, "b", chroma_url)
    answer = Assistant(host_b).ask("同一笔贷款最多续贷几次？")
    assert "2次" in answer.answer and answer.citations[0].doc_id == "nongshang-renewal"
    assert (tmp_path / "b" / report.generation / "bm25.npz").exists(), "BM25 rebuilt from the server's records"

    env = dict(os.environ, POLICYQA_CHROMA_URL=chroma_url, POLICYQA_INDEX=str(tmp_path / "c"), POLICYQA_EMBEDDING="hash")
    proc = subprocess.run([sys.executable, "-m", "assistant", "ask", "--json", "同一笔贷款最多续贷几次？"],
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0 and '"doc_id": "nongshang-renewal"' in proc.stdout.decode()

    # host A changes a document; host B follows the server to the new generation
    path = corpus / "nongshang-renewal.txt"
    path.write_text(path.read_text("utf-8").replace("不得超过2次", "不得超过3次"), "utf-8")
    second = build_index(host_a, progress=False)
    assert second.updated == ["nongshang-renewal"]
    b = Assistant(host_b)
    assert "3次" in b.ask("同一笔贷款最多续贷几次？").answer


def test_server_away_without_local_copy_is_a_clear_error(tmp_path):
    from assistant.retrieve import HybridSearcher

    host = _host(tmp_path, "d", f"http://127.0.0.1:{free_port()}")
    with pytest.raises(IndexError_, match="连不上 Chroma 服务器"):
        HybridSearcher(host).search("续贷")
