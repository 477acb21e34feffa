"""Every message on every topic, as the pipeline wrote it to a real broker, fits the topic
contract (streams/contract/asyncapi.yaml and its JSON Schemas)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import pytest

from streams import admin
from tests.conftest import SEEDS
from tests.contract import violations
from tests.integration.kafka_io import read_to_end

pytestmark = pytest.mark.integration


async def _read(bootstrap: str, topic: str) -> list[tuple[str | None, bytes]]:
    return [(record.key.decode() if record.key is not None else None, record.value)
            for record in await read_to_end(bootstrap, topic)]


def test_every_message_on_every_topic_fits_the_contract(worker, tmp_path):
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_text('{"id": "contract-1", "body": ["not", "text"]}\n')
    published = subprocess.run([sys.executable, "-m", "streams.cli", "publish", "--no-progress",
                                str(SEEDS), str(garbage)],
                               env=worker.env, capture_output=True, text=True, timeout=120)
    assert published.returncode == 0, published.stderr

    deadline = time.monotonic() + 90
    messages: dict[str, list] = {}
    while time.monotonic() < deadline:
        messages = {spec.name: asyncio.run(_read(worker.settings.broker, spec.name))
                    for spec in admin.topic_specs(worker.settings.topics)}
        letters = messages[admin.DEADLETTER]
        if all(messages.values()) and any(key == "contract-1" for key, _ in letters):
            break
    for topic, found in messages.items():
        assert found, f"nothing on {topic}"
        bad = [(key, value[:200], problems) for key, value in found
               if (problems := violations(topic, key, value))]
        assert bad == [], topic
