"""A small OpenAI-compatible chat server for the LLM tests, run as its own process:
`python tests/fake_openai_server.py` prints its port and serves POST /v1/chat/completions
with canned replies, as plain text, as JSON-schema structured output, or as a tool call,
and refuses (400) the structured-output kinds it is told not to support, as older vLLM,
Ollama or gateway versions do.

Test control: POST /_control {"reply": str, "structured": {...} | null, "status": int,
"supports": ["json_schema", "tools"]}; GET /_requests returns every chat request received."""

from __future__ import annotations

import json
import re
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = {"reply": "不可以。[1]", "structured": None, "status": 200, "supports": ["json_schema", "tools"]}
REQUESTS: list[dict] = []


def _structured() -> dict:
    if STATE["structured"] is not None:
        return STATE["structured"]
    return {"verdict": "none", "answer": STATE["reply"],
            "citations": [int(n) for n in re.findall(r"\[(\d+)\]", STATE["reply"])]}


def _completion(model: str, message: dict) -> dict:
    return {"id": f"chatcmpl-{len(REQUESTS)}", "object": "chat.completion", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "message": message,
                                         "finish_reason": "tool_calls" if message.get("tool_calls") else "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}}


class Handler(BaseHTTPRequestHandler):
    def _send(self, status: int, payload) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802
        if self.path == "/_requests":
            return self._send(200, REQUESTS)
        return self._send(404, {"error": {"message": "not found"}})

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if self.path == "/_control":
            STATE.update(body)
            REQUESTS.clear()
            return self._send(200, {"ok": True})
        if self.path != "/v1/chat/completions":
            return self._send(404, {"error": {"message": f"no route {self.path}"}})
        REQUESTS.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if STATE["status"] != 200:
            return self._send(STATE["status"], {"error": {"message": "server error", "type": "server_error"}})
        model = body.get("model", "")
        fmt = (body.get("response_format") or {}).get("type")
        if fmt == "json_schema":
            if "json_schema" not in STATE["supports"]:
                return self._send(400, {"error": {"message": "response_format json_schema is not supported",
                                                  "type": "invalid_request_error"}})
            content = json.dumps(_structured(), ensure_ascii=False)
            return self._send(200, _completion(model, {"role": "assistant", "content": content}))
        if body.get("tools"):
            if "tools" not in STATE["supports"]:
                return self._send(400, {"error": {"message": "tools are not supported",
                                                  "type": "invalid_request_error"}})
            name = body["tools"][0]["function"]["name"]
            call = {"id": "call_1", "type": "function",
                    "function": {"name": name, "arguments": json.dumps(_structured(), ensure_ascii=False)}}
            return self._send(200, _completion(model, {"role": "assistant", "content": None, "tool_calls": [call]}))
        return self._send(200, _completion(model, {"role": "assistant", "content": STATE["reply"]}))

    def log_message(self, *args):
        pass


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
    sys.exit(0)
