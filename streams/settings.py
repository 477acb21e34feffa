"""Runtime settings, read from ``WIREWATCH_*`` environment variables.

The environment is the one channel that reaches every process alike: the CLI, a worker it
spawns, the demo and the integration tests all configure a worker the same way.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_PREFIX = "WIREWATCH_"


class SettingsError(ValueError):
    """A setting that cannot be used, named with the variable that holds it."""


def _int(env: dict[str, str], name: str, default: int, *, low: int = 1) -> int:
    raw = env.get(ENV_PREFIX + name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{ENV_PREFIX}{name}={raw!r} is not a whole number") from None
    if value < low:
        raise SettingsError(f"{ENV_PREFIX}{name}={value} must be at least {low}")
    return value


def default_home() -> Path:
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "wirewatch"


@dataclass(frozen=True)  # no slots: from_env reads the class-level defaults
class Settings:
    app_id: str = "wirewatch"
    broker: str = "127.0.0.1:9092"
    partitions: int = 4
    replication: int = 1
    web_host: str = "127.0.0.1"
    web_port: int = 6066
    home: Path = default_home()
    data_dir: Path | None = None
    log_level: str = "info"
    # Reliability bounds: a bigger message, or one a stage spends longer on, is dead-lettered;
    # a worker silent for session_timeout seconds loses its partitions to the others.
    max_message_bytes: int = 1_048_576
    stage_timeout: int = 10
    session_timeout: int = 30

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        home = Path(env.get(ENV_PREFIX + "HOME") or default_home())
        data_dir = env.get(ENV_PREFIX + "DATA_DIR")
        return cls(
            app_id=env.get(ENV_PREFIX + "APP_ID") or cls.app_id,
            broker=env.get(ENV_PREFIX + "BROKER") or cls.broker,
            partitions=_int(env, "PARTITIONS", cls.partitions),
            replication=_int(env, "REPLICATION", cls.replication),
            web_host=env.get(ENV_PREFIX + "WEB_HOST") or cls.web_host,
            web_port=_int(env, "WEB_PORT", cls.web_port),
            home=home,
            data_dir=Path(data_dir) if data_dir else None,
            log_level=env.get(ENV_PREFIX + "LOG_LEVEL") or cls.log_level,
            max_message_bytes=_int(env, "MAX_MESSAGE_BYTES", cls.max_message_bytes),
            stage_timeout=_int(env, "STAGE_TIMEOUT", cls.stage_timeout),
            session_timeout=_int(env, "SESSION_TIMEOUT", cls.session_timeout, low=6),
        )

    @property
    def worker_dir(self) -> Path:
        """Where this worker keeps its RocksDB tables; one folder per web port so that
        several workers on one host never share a store."""
        return self.data_dir or self.home / "workers" / f"{self.app_id}-{self.web_port}"

    @property
    def broker_port(self) -> int:
        _, _, port = self.broker.rpartition(":")
        try:
            return int(port)
        except ValueError:
            raise SettingsError(f"{ENV_PREFIX}BROKER={self.broker!r} has no port") from None
