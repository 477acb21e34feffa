"""The ``wirewatch`` command line.

Options are written into ``WIREWATCH_*`` environment variables before the Faust app is
imported, so a worker, and any worker the demo spawns, reads one configuration.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import click
import orjson

from streams import admin, broker as kafka_broker
from streams.metrics import STAGES
from streams.settings import ENV_PREFIX, Settings, SettingsError


def _set_env(**values: object) -> None:
    for name, value in values.items():
        if value is not None:
            os.environ[ENV_PREFIX + name.upper()] = str(value)


def _settings() -> Settings:
    try:
        return Settings.from_env()
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from None


def _local_broker(port: int | None) -> kafka_broker.Broker:
    settings = _settings()
    return kafka_broker.Broker(settings.home, port or settings.broker_port, settings.partitions)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirewatch")
@click.option("--broker", "bootstrap", metavar="HOST:PORT",
              help="Kafka bootstrap server [env WIREWATCH_BROKER; default 127.0.0.1:9092].")
@click.option("--home", type=click.Path(path_type=Path),
              help="Cache folder for Kafka's jars, broker data and worker tables "
                   "[env WIREWATCH_HOME; default ~/.cache/wirewatch].")
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Settings file (TOML); environment variables override it "
                   "[env WIREWATCH_CONFIG].")
def main(bootstrap: str | None, home: Path | None, config: Path | None) -> None:
    """wirewatch: casualty claims from live wire copy, merged into incidents and per-city
    tallies, on Kafka."""
    _set_env(broker=bootstrap, home=home, config=config.resolve() if config else None)


@main.group()
def broker() -> None:
    """A local single-node Apache Kafka (KRaft) on 127.0.0.1."""


@broker.command("start")
@click.option("--port", type=int, help="Broker port (the controller takes the next one).")
def broker_start(port: int | None) -> None:
    """Start the broker; returns once it answers metadata requests."""
    node = _local_broker(port)
    try:
        seconds = kafka_broker.start(node)
    except kafka_broker.BrokerError as exc:
        raise click.ClickException(str(exc)) from None
    state = f"started in {seconds:.1f}s" if seconds else "already running"
    click.echo(f"Kafka {kafka_broker.KAFKA_VERSION} {state} at {node.bootstrap} "
               f"(pid {node.pid()}, data in {node.folder})")


@broker.command("fetch")
def broker_fetch() -> None:
    """Fetch Kafka's jars from Maven Central into the cache (start does this when needed)."""
    node = _local_broker(None)
    try:
        libs = kafka_broker.fetch_jars(node)
    except kafka_broker.BrokerError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Kafka {kafka_broker.KAFKA_VERSION} jars in {libs}")


@broker.command("stop")
@click.option("--port", type=int, help="Port of the broker to stop.")
def broker_stop(port: int | None) -> None:
    """Stop the broker."""
    node = _local_broker(port)
    click.echo(f"stopped broker at {node.bootstrap}" if kafka_broker.stop(node)
               else f"no broker of ours running at {node.bootstrap}")


@broker.command("status")
@click.option("--port", type=int, help="Port of the broker to ask about.")
def broker_status(port: int | None) -> None:
    """Say whether the broker runs; exit 1 when it does not."""
    node = _local_broker(port)
    pid = node.pid()
    if pid is None:
        click.echo(f"not running at {node.bootstrap}")
        sys.exit(1)
    click.echo(f"running at {node.bootstrap} (pid {pid}, data in {node.folder})")


@main.command()
@click.option("--partitions", type=int, help="Partitions per topic [env WIREWATCH_PARTITIONS; 4].")
@click.option("--web-host", help="Host name other workers and Prometheus reach this worker "
                                  "by [127.0.0.1].")
@click.option("--web-port", type=int, help="Port of the web server and /metrics [6066].")
@click.option("--web-bind", help="Address the web server listens on [the web host].")
@click.option("--data-dir", type=click.Path(path_type=Path), help="Where the tables live.")
@click.option("--loglevel", help="Log level: debug, info, warning [info].")
def worker(partitions, web_host, web_port, web_bind, data_dir, loglevel) -> None:
    """Run a Faust worker with all four agents (start more to scale out)."""
    _set_env(partitions=partitions, web_host=web_host, web_port=web_port, web_bind=web_bind,
             data_dir=data_dir, log_level=loglevel)
    settings = _settings()
    try:
        asyncio.run(admin.wait_until_ready(settings.broker, timeout=30,
                                           security=settings.security))
        created = asyncio.run(admin.ensure_topics(settings, tables=True))
    except admin.BrokerUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    if created:
        click.echo(f"created topics: {', '.join(created)}", err=True)
    from agents.enrich.gazetteer import load_gazetteer

    load_gazetteer()  # compiled before any message, outside its deadline (see agents.pipeline)
    from faust.worker import Worker

    from streams.app import app

    app.finalize()
    app.discover()
    missing = set(STAGES) - set(app.agents)
    if missing:
        raise click.ClickException(
            f"stage agent(s) {', '.join(sorted(missing))} failed to load; the worker log's "
            "'Autodiscovery importing module' warning names the error")
    worker = Worker(app, loglevel=settings.log_level)
    # At warning and above Faust animates a terminal spinner: it sets the root logger to DEBUG
    # and feeds the spinner every record, so each message sent built a few debug records that
    # nothing printed (3% of a worker's CPU through a backlog).
    worker.spinner = None
    worker.execute_from_commandline()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--topic", help="Topic to send to [the articles topic, news.articles].")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def publish(paths: tuple[Path, ...], topic: str | None, progress: bool) -> None:
    """Send wire copy (JSONL articles, plain-text files, or folders of them) to Kafka."""
    from tqdm import tqdm

    from streams.clients import publish as send_all
    from streams.inputs import count_messages, read_messages

    settings = _settings()
    topic = topic or settings.topics.articles
    files = list(paths)
    try:
        asyncio.run(admin.wait_until_ready(settings.broker, timeout=30,
                                           security=settings.security))
        asyncio.run(admin.ensure_topics(settings))
    except admin.BrokerUnavailable as exc:
        raise click.ClickException(str(exc)) from None
    with tqdm(total=count_messages(files), unit="article", disable=not progress,
              file=sys.stderr) as bar:
        sent = asyncio.run(send_all(settings.broker, topic, read_messages(files),
                                    on_sent=lambda: bar.update(), security=settings.security))
    click.echo(f"published {sent} article(s) to {topic} at {settings.broker}", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for reports.jsonl, incidents.jsonl, tallies.jsonl, deadletters.jsonl.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes that read articles ahead (0: one per core); the outputs are the same.")
def process(paths: tuple[Path, ...], out_dir: Path, jobs: int) -> None:
    """Run the same four stages in-process, without a broker."""
    from agents.pipeline import process as run

    summary = run(list(paths), out_dir, jobs=jobs)
    click.echo(f"{summary.articles} article(s): {summary.reports} report(s), "
               f"{summary.incidents} incident(s), {summary.places} place(s), "
               f"{summary.dead_letters} dead letter(s) -> {out_dir}", err=True)
    languages = ", ".join(f"{code} {n}" for code, n in summary.languages.items())
    click.echo(f"languages: {languages or 'none'}", err=True)


@main.command()
def gazetteer() -> None:
    """Compile the gazetteer's index now (the first use on a machine otherwise does it)."""
    from agents.enrich import index
    from agents.enrich.gazetteer import NOT_PLACE_NAMES, load_gazetteer

    places = load_gazetteer()
    click.echo(f"gazetteer: {len(places)} places in "
               f"{index.folder(_settings().home, NOT_PLACE_NAMES)}", err=True)


@main.command()
@click.argument("topic")
@click.option("--from-beginning/--from-end", default=True, show_default=True)
@click.option("--idle-timeout", type=float,
              help="Stop after this many seconds without a message (default: follow forever).")
@click.option("--envelope", is_flag=True, help="Wrap each value with topic, partition, offset, key.")
def tail(topic: str, from_beginning: bool, idle_timeout: float | None, envelope: bool) -> None:
    """Print a topic's messages as JSON lines."""
    from streams.clients import follow

    settings = _settings()

    async def run() -> None:
        async for record in follow(settings.broker, topic, from_beginning=from_beginning,
                                   idle_timeout=idle_timeout, security=settings.security):
            try:
                value = orjson.loads(record.value) if record.value is not None else None
            except orjson.JSONDecodeError:
                value = record.value.decode("utf-8", errors="replace")
            if envelope:
                value = {"topic": record.topic, "partition": record.partition,
                         "offset": record.offset, "timestamp": record.timestamp,
                         "key": record.key.decode("utf-8", errors="replace") if record.key else None,
                         "value": value}
            sys.stdout.buffer.write(orjson.dumps(value) + b"\n")
            sys.stdout.flush()

    try:
        asyncio.run(run())
    except KeyboardInterrupt:
        pass


@main.command()
@click.option("--port", type=int, help="Broker port [from WIREWATCH_BROKER; 9092].")
@click.option("--web-port", type=int, help="Worker web port for /metrics [6066].")
@click.option("--once", is_flag=True, help="Print the table and stop, instead of following it.")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def demo(port: int | None, web_port: int | None, once: bool, paths: tuple[Path, ...]) -> None:
    """Everything on one machine: broker, worker, seed articles, the city table, /metrics."""
    from streams.demo import run_demo

    if port:
        _set_env(broker=f"{kafka_broker.HOST}:{port}")
    _set_env(web_port=web_port)
    seeds = list(paths) or [Path(__file__).resolve().parents[1] / "seeds"]
    try:
        run_demo(_settings(), seeds, follow_after=not once)
    except (kafka_broker.BrokerError, admin.BrokerUnavailable, TimeoutError) as exc:
        raise click.ClickException(str(exc)) from None


if __name__ == "__main__":
    main()
