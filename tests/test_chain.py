"""The request as LangChain runnables: invoke, batch and stream behave like any runnable, and a
callback attached by a user sees each step."""

from __future__ import annotations

from langchain_core.callbacks import BaseCallbackHandler

from assistant.models import Answer


class Steps(BaseCallbackHandler):
    def __init__(self) -> None:
        self.names: list[str] = []

    def on_chain_start(self, serialized, inputs, **kwargs):  # noqa: D401 - LangChain's hook
        name = kwargs.get("name") or (serialized or {}).get("name")
        if name:
            self.names.append(name)


def test_invoke_batch_and_stream(assistant):
    chain = assistant.chain()
    one = chain.invoke("质押贷款能否办理续贷通？")
    assert isinstance(one, Answer) and one.verdict == "depends" and one.citations
    many = chain.batch(["注销抵押登记多久办结？", "项目贷款可以办理续贷通吗？"])
    assert "1小时" in many[0].answer and many[1].verdict == "no"
    streamed = list(chain.stream("项目贷款可以办理续贷通吗？"))
    assert streamed and streamed[-1].verdict == "no"


def test_callbacks_see_each_step(assistant):
    steps = Steps()
    assistant.chain().invoke("项目贷款可以办理续贷通吗？", config={"callbacks": [steps]})
    assert {"read_question", "retrieve", "answer"} <= set(steps.names), steps.names
