"""The orjson codec Faust uses for table keys and values and changelog topics.

Faust also registers pickle codecs, which run code on load. wirewatch never names them, and
removes them, so that no topic, table or misconfiguration can reach one.
"""

from __future__ import annotations

from typing import Any

from faust.serializers import codecs

from streams.records import dumps, loads

CODEC_NAME = "orjson"


class OrjsonCodec(codecs.Codec):
    def _dumps(self, obj: Any) -> bytes:
        return dumps(obj)

    def _loads(self, s: bytes) -> Any:
        return loads(s)


def register() -> None:
    codecs.register(CODEC_NAME, OrjsonCodec())
    for name in [name for name in codecs.codecs if "pickle" in name]:
        del codecs.codecs[name]
