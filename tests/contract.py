"""The topic contract (streams/contract) as validators: for a topic, the schemas its keys and
values must satisfy, with every ``$ref`` resolved the way an AsyncAPI tool would."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from streams.contract import ASYNCAPI, SCHEMAS


@cache
def document() -> dict:
    return yaml.safe_load(ASYNCAPI.read_text())


@cache
def registry() -> Registry:
    resources = [(path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT7))
                 for path in sorted(SCHEMAS.glob("*.json"))]
    return Registry().with_resources(resources)


def schema_files() -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted(SCHEMAS.glob("*.json"))]


def resolve(node: dict) -> dict:
    """Follow ``$ref``s inside the document; a reference to a schema file becomes a JSON
    Schema ``$ref`` that the registry resolves."""
    while "$ref" in node:
        ref = node["$ref"]
        if ref.startswith("#/"):
            node = document()
            for part in ref[2:].split("/"):
                node = node[part]
        else:
            file, _, pointer = ref.partition("#")
            return {"$ref": PurePosixPath(file).name + (f"#{pointer}" if pointer else "")}
    return node


@dataclass(frozen=True)
class MessageContract:
    name: str
    content_type: str
    key: Draft7Validator
    payload: Draft7Validator


def validator(schema: dict) -> Draft7Validator:
    return Draft7Validator(schema, registry=registry())


def channel_for(address: str) -> dict:
    matches = [c for c in document()["channels"].values() if c["address"] == address]
    assert len(matches) == 1, f"{len(matches)} channels have address {address}"
    return matches[0]


def messages_for(address: str) -> list[MessageContract]:
    contracts = []
    for message in channel_for(address)["messages"].values():
        message = resolve(message)
        contracts.append(MessageContract(
            name=message["name"],
            content_type=message.get("contentType", document()["defaultContentType"]),
            key=validator(resolve(message["bindings"]["kafka"]["key"])),
            payload=validator(resolve(message["payload"])),
        ))
    return contracts


def violations(address: str, key: str | None, value: bytes) -> list[str]:
    """Why this message fits none of the topic's messages ([] when it fits one)."""
    found = []
    for contract in messages_for(address):
        if contract.content_type == "application/json":
            try:
                payload = json.loads(value)
            except ValueError:
                found.append(f"{contract.name}: not JSON")
                continue
        else:
            payload = value.decode("utf-8")
        errors = [f"key: {e.message}" for e in contract.key.iter_errors(key)]
        errors += [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                   for e in contract.payload.iter_errors(payload)]
        if not errors:
            return []
        found.append(f"{contract.name}: {'; '.join(errors)}")
    return found
