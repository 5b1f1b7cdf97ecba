"""Starting local servers for benchmarks and tests: a free loopback port, waiting until up."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen | None = None, timeout: float = 120.0) -> bool:
    """Poll `url` until it answers; False when `proc` exits or time runs out."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            if proc is not None and proc.poll() is not None:
                return False
            time.sleep(0.25)
    return False
