"""The compose stack as a host with Docker would run it: no engine runs here, so these tests
read the files the engine would read and check that they parse, and that every path, port,
host name and command they name exists and agrees with the others and with wirewatch."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import dockerfile
import pytest
import yaml
from click.testing import CliRunner

from streams.broker import KAFKA_VERSION
from streams.cli import main
from streams.settings import Settings
from tests.conftest import ROOT

DOCKER = ROOT / "docker"
COMPOSE = yaml.safe_load((DOCKER / "compose.yaml").read_text())
SERVICES = COMPOSE["services"]
WORKERS = {name: service for name, service in SERVICES.items() if "build" in service}


def _dockerfile() -> dict[str, list[tuple[str, ...]]]:
    path = ROOT / next(iter(WORKERS.values()))["build"]["dockerfile"]
    instructions: dict[str, list[tuple[str, ...]]] = {}
    for command in dockerfile.parse_file(str(path)):
        instructions.setdefault(command.cmd, []).append(command.value)
    return instructions


def _image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for pairs in _dockerfile()["ENV"]:
        env.update(zip(pairs[::2], pairs[1::2]))
    return env


def _worker_settings(service: dict) -> Settings:
    return Settings.from_env({**_image_env(), **service["environment"]})


def _container_port(mapping: str) -> int:
    return int(mapping.rsplit(":", 1)[1])


def _mounts(service: dict) -> dict[str, Path]:
    """Container path -> host path, for bind mounts (named volumes are the engine's)."""
    found = {}
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        if source.startswith("."):
            found[target] = (DOCKER / source).resolve()
    return found


def test_several_workers_are_built_from_the_repository_with_the_worker_dockerfile():
    assert len(WORKERS) >= 2
    for name, service in WORKERS.items():
        context = (DOCKER / service["build"]["context"]).resolve()
        assert context == ROOT, name
        assert (context / service["build"]["dockerfile"]).is_file(), name


def test_the_image_copies_files_that_exist_and_runs_the_real_worker_command():
    instructions = _dockerfile()
    for *sources, _target in instructions["COPY"]:
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the build context"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert not {"streams", "agents", "pyproject.toml", "README.md"} & set(ignored)

    command = [*instructions["ENTRYPOINT"][-1], *instructions["CMD"][-1]]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts[command[0]] == "streams.cli:main"
    result = CliRunner().invoke(main, [*command[1:], "--help"])
    assert result.exit_code == 0 and "Run a Faust worker" in result.output


def test_each_worker_is_reachable_under_the_name_and_port_it_advertises():
    exposed = {int(port) for ports in _dockerfile()["EXPOSE"] for port in ports}
    host_ports = []
    for name, service in WORKERS.items():
        settings = _worker_settings(service)
        # Other workers route reads to web_url and Prometheus scrapes it.
        assert settings.web_url == f"http://{name}:{settings.web_port}"
        assert service["hostname"] == name
        assert settings.web_bind == "0.0.0.0"
        assert {_container_port(port) for port in service["ports"]} == {settings.web_port}
        assert settings.web_port in exposed
        volumes = [Path(volume.split(":")[1]) for volume in service["volumes"]]
        assert any(settings.worker_dir.is_relative_to(volume) for volume in volumes), name
        host_ports += [port.split(":")[0] for port in service["ports"]]
    assert len(host_ports) == len(set(host_ports))


def test_kafka_runs_in_kraft_mode_and_advertises_the_address_workers_use():
    kafka = SERVICES["kafka"]
    assert kafka["image"] == f"apache/kafka:{KAFKA_VERSION}"
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    listeners = dict(item.split("://") for item in env["KAFKA_LISTENERS"].split(","))
    advertised = dict(item.split("://") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    protocols = dict(item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert set(listeners) == set(protocols)
    node, controller = env["KAFKA_CONTROLLER_QUORUM_VOTERS"].split("@")
    assert node == env["KAFKA_NODE_ID"]
    assert controller.split(":")[1] == listeners[env["KAFKA_CONTROLLER_LISTENER_NAMES"]].lstrip(":")
    internal = advertised[env["KAFKA_INTER_BROKER_LISTENER_NAME"]]
    for name, service in WORKERS.items():
        assert Settings.from_env(service["environment"]).brokers == [internal], name
        assert service["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert f"kafka:{listeners['INTERNAL'].lstrip(':')}" == internal
    external = advertised["EXTERNAL"].split(":")[1]
    assert f"{external}:{listeners['EXTERNAL'].lstrip(':')}" in kafka["ports"]


def test_prometheus_scrapes_every_worker_and_loads_the_mounted_rules():
    service = SERVICES["prometheus"]
    mounts = _mounts(service)
    assert all(path.exists() for path in mounts.values()), mounts
    config_path = next(arg.split("=", 1)[1] for arg in service["command"]
                       if arg.startswith("--config.file="))
    config = yaml.safe_load(mounts[config_path].read_text())
    assert mounts[config_path] == DOCKER / "prometheus" / "prometheus.yml"
    for rule_file in config["rule_files"]:
        assert str(Path(config_path).parent / rule_file) in mounts, rule_file
    targets = {target for job in config["scrape_configs"] if job["job_name"] == "wirewatch"
               for group in job["static_configs"] for target in group["targets"]}
    assert targets == {f"{settings.web_host}:{settings.web_port}"
                       for settings in map(_worker_settings, WORKERS.values())}
    assert "9090:9090" in service["ports"]


def test_grafana_reads_prometheus_and_the_mounted_dashboard():
    service = SERVICES["grafana"]
    mounts = _mounts(service)
    assert all(path.exists() for path in mounts.values()), mounts
    provisioning = mounts["/etc/grafana/provisioning"]
    datasource = yaml.safe_load((provisioning / "datasources" / "prometheus.yml").read_text())
    source = datasource["datasources"][0]
    prometheus_port = _container_port(SERVICES["prometheus"]["ports"][0])
    assert source["url"] == f"http://prometheus:{prometheus_port}"
    provider = yaml.safe_load((provisioning / "dashboards" / "wirewatch.yml").read_text())
    folder = provider["providers"][0]["options"]["path"]
    dashboards = mounts[folder]
    home = service["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home.startswith(folder + "/") and (dashboards / Path(home).name).is_file()
    dashboard = json.loads((dashboards / Path(home).name).read_text())
    uids = {target["datasource"]["uid"] for panel in dashboard["panels"]
            for target in panel["targets"]}
    assert uids == {source["uid"]}


@pytest.mark.parametrize("panel", ["Casualties by city", "Throughput by stage",
                                   "Consumer lag by topic", "Publish-to-tally latency"])
def test_the_dashboard_has_the_panels_ops_asked_for(panel):
    dashboard = json.loads((DOCKER / "grafana" / "dashboards" / "wirewatch.json").read_text())
    titles = {p["title"]: p for p in dashboard["panels"]}
    assert panel in titles
    assert all(re.search(r"wirewatch_\w+", t["expr"]) for t in titles[panel]["targets"])
