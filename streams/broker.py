"""A real single-node Apache Kafka broker (KRaft, broker and controller in one) on 127.0.0.1.

Kafka's jars come from Maven Central through ``docker/kafka/pom.xml`` into a cache folder, so
nothing but Java 17 and Maven is needed. Each port gets its own folder under the wirewatch home
(data, log, pid file), so tests can run their own broker beside a developer's.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from streams.admin import BrokerUnavailable, wait_until_ready

KAFKA_VERSION = "3.9.2"
POM = Path(__file__).resolve().parents[1] / "docker" / "kafka" / "pom.xml"
HOST = "127.0.0.1"
STOP_TIMEOUT = 30.0

_LOG4J = """\
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File={log}
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
"""

_SERVER = """\
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@{host}:{controller_port}
listeners=PLAINTEXT://{host}:{port},CONTROLLER://{host}:{controller_port}
advertised.listeners=PLAINTEXT://{host}:{port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs={data}
num.partitions={partitions}
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=8
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
"""


class BrokerError(RuntimeError):
    """Something the user must act on, said in one line."""


@dataclass(frozen=True, slots=True)
class Broker:
    home: Path
    port: int
    partitions: int = 4

    @property
    def controller_port(self) -> int:
        return self.port + 1

    @property
    def bootstrap(self) -> str:
        return f"{HOST}:{self.port}"

    @property
    def folder(self) -> Path:
        return self.home / f"broker-{self.port}"

    @property
    def libs(self) -> Path:
        return self.home / f"kafka-{KAFKA_VERSION}" / "libs"

    @property
    def pid_file(self) -> Path:
        return self.folder / "broker.pid"

    @property
    def log_file(self) -> Path:
        return self.folder / "broker.log"

    def pid(self) -> int | None:
        """The broker's pid if our broker process is alive."""
        try:
            pid = int(self.pid_file.read_text())
            os.kill(pid, 0)
        except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return pid
        return pid if b"kafka.Kafka" in cmdline else None


def _require(tool: str, hint: str) -> str:
    path = shutil.which(tool)
    if path is None:
        raise BrokerError(f"`{tool}` not found on PATH: {hint}")
    return path


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


def fetch_jars(broker: Broker) -> Path:
    """Kafka's jars in the cache, fetched through Maven on first use."""
    if (broker.libs / f"kafka_2.13-{KAFKA_VERSION}.jar").exists():
        return broker.libs
    mvn = _require("mvn", "install Maven (apt-get install maven) so wirewatch can fetch Kafka's jars")
    staging = broker.libs.with_name(f"libs.partial-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), "dependency:copy-dependencies",
         "-DincludeScope=runtime", f"-Dkafka.version={KAFKA_VERSION}",
         f"-DoutputDirectory={staging}"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise BrokerError(f"Maven could not fetch Kafka {KAFKA_VERSION}: {' | '.join(tail)}")
    shutil.rmtree(broker.libs, ignore_errors=True)
    staging.rename(broker.libs)
    return broker.libs


def _java_command(broker: Broker, java: str, main: str, *args: str) -> list[str]:
    return [java, "-Xms256m", "-Xmx768m", "-XX:+UseG1GC",
            f"-Dlog4j.configuration=file:{broker.folder / 'log4j.properties'}",
            "-cp", f"{broker.libs}/*", main, *args]


def _configure(broker: Broker, java: str) -> Path:
    data = broker.folder / "data"
    broker.folder.mkdir(parents=True, exist_ok=True)
    (broker.folder / "log4j.properties").write_text(_LOG4J.format(log=broker.log_file))
    config = broker.folder / "server.properties"
    config.write_text(_SERVER.format(host=HOST, port=broker.port, data=data,
                                     controller_port=broker.controller_port,
                                     partitions=broker.partitions))
    if not (data / "meta.properties").exists():
        result = subprocess.run(
            _java_command(broker, java, "kafka.tools.StorageTool", "format",
                          f"--cluster-id={_cluster_id()}", "-c", str(config), "-g"),
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise BrokerError(f"formatting Kafka storage failed: {result.stderr.strip()[-300:]}")
    return config


def _cluster_id() -> str:
    """A KRaft cluster id: 16 random bytes, URL-safe base64 without padding."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).rstrip(b"=").decode("ascii")


def _log_tail(broker: Broker, lines: int = 5) -> str:
    try:
        return " | ".join(broker.log_file.read_text(errors="replace").strip().splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def start(broker: Broker, timeout: float = 90.0) -> float:
    """Start the broker if it is not running; return once it answers metadata requests.
    Returns the seconds it took (0 when it was already running)."""
    if broker.pid() is not None:
        asyncio.run(wait_until_ready(broker.bootstrap, timeout))
        return 0.0
    java = _require("java", "install a Java 17 runtime (apt-get install openjdk-17-jre-headless)")
    for port in (broker.port, broker.controller_port):
        if _port_taken(port):
            raise BrokerError(
                f"port {port} on {HOST} is taken by another process; pick another broker port "
                "with --port (the controller uses the port after it)"
            )
    fetch_jars(broker)
    config = _configure(broker, java)
    began = time.monotonic()
    with broker.log_file.open("ab") as log:
        process = subprocess.Popen(
            _java_command(broker, java, "kafka.Kafka", str(config)),
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    broker.pid_file.write_text(str(process.pid))
    try:
        asyncio.run(_ready_while_alive(broker, process, timeout))
    except BaseException:
        stop(broker)
        raise
    return time.monotonic() - began


async def _ready_while_alive(broker: Broker, process: subprocess.Popen, timeout: float) -> None:
    waiter = asyncio.ensure_future(wait_until_ready(broker.bootstrap, timeout))
    while not waiter.done():
        if process.poll() is not None:
            waiter.cancel()
            raise BrokerError(f"Kafka exited with code {process.returncode}: {_log_tail(broker)}")
        await asyncio.sleep(0.2)
    try:
        waiter.result()
    except BrokerUnavailable as exc:
        raise BrokerError(f"{exc}; broker log: {_log_tail(broker)}") from None


def stop(broker: Broker) -> bool:
    """Stop the broker (SIGTERM, then SIGKILL after a grace period). False if not running."""
    pid = broker.pid()
    if pid is None:
        broker.pid_file.unlink(missing_ok=True)
        return False
    os.killpg(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.2)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)
    broker.pid_file.unlink(missing_ok=True)
    return True


def _alive(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)  # reaps it when it is our own child
    except ChildProcessError:
        pass
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status
