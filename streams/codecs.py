"""The orjson codec Faust uses for table keys and values and changelog topics."""

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
