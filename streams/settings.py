"""Runtime settings: ``WIREWATCH_*`` environment variables over an optional settings file.

The environment is the one channel that reaches every process alike: the CLI, a worker it
spawns, the demo and the integration tests all configure a worker the same way. A settings
file (TOML, named by ``WIREWATCH_CONFIG``) suits a deployment, where a file is mounted once
and secrets stay out of the process table. Every setting has one name: ``WIREWATCH_NAME`` in
the environment, ``name`` in the file; the environment wins.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

ENV_PREFIX = "WIREWATCH_"
CONFIG_VARIABLE = ENV_PREFIX + "CONFIG"

SECURITY_PROTOCOLS = ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL")
SASL_MECHANISMS = ("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512")


class SettingsError(ValueError):
    """A setting that cannot be used, named with the variable or file that holds it."""


def default_home() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "wirewatch"


@dataclass(frozen=True)  # no slots: the class-level names are the defaults
class TopicNames:
    """The six topics, by role. A cluster shared with other teams often prefixes its topics;
    each name can be set on its own (``topic_articles``, ...)."""

    articles: str = "news.articles"
    reports: str = "news.reports"
    incidents: str = "news.incidents"
    events: str = "news.events"
    casualties: str = "news.casualties"
    deadletter: str = "news.deadletter"


@dataclass(frozen=True)  # no slots: the class-level values are the defaults
class Security:
    """How clients authenticate to the brokers and encrypt the connection; passed through
    unchanged to every Kafka client wirewatch makes (Faust's, and the plain aiokafka ones)."""

    protocol: str = "PLAINTEXT"
    sasl_mechanism: str = "PLAIN"
    sasl_username: str | None = None
    sasl_password: str | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    ssl_key_password: str | None = None

    @property
    def uses_ssl(self) -> bool:
        return self.protocol in ("SSL", "SASL_SSL")

    @property
    def uses_sasl(self) -> bool:
        return self.protocol.startswith("SASL_")


@dataclass(frozen=True)  # no slots: from_env reads the class-level defaults
class Settings:
    app_id: str = "wirewatch"
    broker: str = "127.0.0.1:9092"
    partitions: int = 4
    replication: int = 1
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    web_bind: str | None = None
    home: Path = default_home()
    data_dir: Path | None = None
    log_level: str = "info"
    standby_replicas: int = 1
    metrics_city_limit: int = 200
    topics: TopicNames = field(default_factory=TopicNames)
    security: Security = field(default_factory=Security)
    # Reliability bounds: a bigger message, or one a stage spends longer on, is dead-lettered;
    # a worker silent for session_timeout seconds loses its partitions to the others.
    max_message_bytes: int = 1_048_576
    stage_timeout: int = 10
    session_timeout: int = 30
    # An incident closes this many days (of its place's stream) after its last report: dedupe
    # and tally then keep only its settled figures, so state stays one window deep. 0: never.
    incident_window_days: int = 30
    # How long the broker may hold the worker's fetch when it has nothing new: Faust's 1500 ms
    # delays every hop of a backlog (see streams/offsets.py).
    fetch_wait_ms: int = 100
    # How long the worker's producer holds a message for others to the same partition: one
    # produce request then carries a batch, not a message (Faust's 0 sends each on its own).
    producer_linger_ms: int = 5

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        values = _file_values(env.get(CONFIG_VARIABLE))
        values.update({name[len(ENV_PREFIX):].lower(): value for name, value in env.items()
                       if name.startswith(ENV_PREFIX) and name != CONFIG_VARIABLE})
        values = {name: value for name, value in values.items() if value not in (None, "")}
        read = _Reader(values, env.get(CONFIG_VARIABLE))
        data_dir = read.text("data_dir", None)
        security = Security(
            protocol=read.choice("security_protocol", Security.protocol, SECURITY_PROTOCOLS),
            sasl_mechanism=read.choice("sasl_mechanism", Security.sasl_mechanism, SASL_MECHANISMS),
            sasl_username=read.text("sasl_username", None),
            sasl_password=read.text("sasl_password", None),
            ssl_cafile=read.text("ssl_cafile", None),
            ssl_certfile=read.text("ssl_certfile", None),
            ssl_keyfile=read.text("ssl_keyfile", None),
            ssl_key_password=read.text("ssl_key_password", None),
        )
        if security.uses_sasl and not (security.sasl_username and security.sasl_password):
            raise SettingsError(f"{ENV_PREFIX}SECURITY_PROTOCOL={security.protocol} needs "
                                f"{ENV_PREFIX}SASL_USERNAME and {ENV_PREFIX}SASL_PASSWORD")
        return cls(
            app_id=read.text("app_id", cls.app_id),
            broker=read.text("broker", cls.broker),
            partitions=read.number("partitions", cls.partitions),
            replication=read.number("replication", cls.replication),
            web_host=read.text("web_host", cls.web_host),
            web_port=read.number("web_port", cls.web_port),
            web_bind=read.text("web_bind", None),
            home=Path(read.text("home", str(default_home()))),
            data_dir=Path(data_dir) if data_dir else None,
            log_level=read.text("log_level", cls.log_level),
            standby_replicas=read.number("standby_replicas", cls.standby_replicas, low=0),
            metrics_city_limit=read.number("metrics_city_limit", cls.metrics_city_limit),
            topics=TopicNames(**{f.name: read.text(f"topic_{f.name}", f.default)
                                 for f in fields(TopicNames)}),
            security=security,
            max_message_bytes=read.number("max_message_bytes", cls.max_message_bytes),
            stage_timeout=read.number("stage_timeout", cls.stage_timeout),
            session_timeout=read.number("session_timeout", cls.session_timeout, low=6),
            incident_window_days=read.number("incident_window_days", cls.incident_window_days,
                                             low=0),
            fetch_wait_ms=read.number("fetch_wait_ms", cls.fetch_wait_ms),
            producer_linger_ms=read.number("producer_linger_ms", cls.producer_linger_ms, low=0),
        )

    @property
    def brokers(self) -> list[str]:
        """Bootstrap servers: ``WIREWATCH_BROKER`` may list several, comma-separated."""
        return [host.strip() for host in self.broker.split(",") if host.strip()]

    @property
    def worker_dir(self) -> Path:
        """Where this worker keeps its RocksDB tables; one folder per web port so that
        several workers on one host never share a store."""
        return self.data_dir or self.home / "workers" / f"{self.app_id}-{self.web_port}"

    @property
    def web_url(self) -> str:
        """Where other workers and Prometheus reach this worker."""
        return f"http://{self.web_host}:{self.web_port}"

    @property
    def broker_port(self) -> int:
        _, _, port = self.brokers[0].rpartition(":")
        try:
            return int(port)
        except ValueError:
            raise SettingsError(f"{ENV_PREFIX}BROKER={self.broker!r} has no port") from None


def _file_values(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise SettingsError(f"{CONFIG_VARIABLE}={path}: no such file") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{CONFIG_VARIABLE}={path} is not valid TOML: {exc}") from None
    known = _known_names()
    unknown = sorted(set(data) - known)
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(unknown)}; "
                            f"known: {', '.join(sorted(known))}")
    return dict(data)


def _known_names() -> set[str]:
    plain = {f.name for f in fields(Settings)} - {"topics", "security"}
    security = {"security_protocol"} | {f.name for f in fields(Security)} - {"protocol"}
    return plain | security | {f"topic_{f.name}" for f in fields(TopicNames)}


@dataclass(frozen=True, slots=True)
class _Reader:
    """Reads one setting at a time and names where a bad value came from."""

    values: dict[str, Any]
    config: str | None

    def _where(self, name: str) -> str:
        return f"{ENV_PREFIX}{name.upper()}" + (f" (or {name} in {self.config})" if self.config else "")

    def text(self, name: str, default: str | None) -> str | None:
        value = self.values.get(name)
        return default if value is None else str(value)

    def number(self, name: str, default: int, *, low: int = 1) -> int:
        raw = self.values.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise SettingsError(f"{self._where(name)}={raw!r} is not a whole number") from None
        if value < low:
            raise SettingsError(f"{self._where(name)}={value} must be at least {low}")
        return value

    def choice(self, name: str, default: str, allowed: tuple[str, ...]) -> str:
        value = str(self.values.get(name, default)).upper()
        if value not in allowed:
            raise SettingsError(f"{self._where(name)}={value!r} must be one of {', '.join(allowed)}")
        return value
