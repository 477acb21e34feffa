"""The strict consumer commits only offsets of messages an agent has processed."""

import asyncio
import threading

import pytest
from aiokafka.consumer.fetcher import Fetcher, FetchResult
from aiokafka.structs import ConsumerRecord
from faust.types import TP, Message

from streams.app import create_app
from streams.offsets import SILENT_SECONDS, Consumer
from streams.settings import Settings

ARTICLES = TP("news.articles", 0)


@pytest.fixture
def consumer(tmp_path):
    app = create_app(Settings(data_dir=tmp_path))
    app.topics.add(app.topic(ARTICLES.topic))
    asyncio.run(app.topics._update_indices())  # what subscribing does in a worker
    assert isinstance(app.consumer, Consumer) and app.topics.acks_enabled_for(ARTICLES.topic)
    return app.consumer


def _ack(consumer, *offsets, generation=None):
    for offset in offsets:
        message = Message(ARTICLES.topic, ARTICLES.partition, offset, 0.0, 0, {}, b"k", b"v",
                          None, tp=ARTICLES,
                          generation_id=consumer.app.consumer_generation_id
                          if generation is None else generation)
        consumer.ack(message)


def test_nothing_is_committed_past_a_message_not_processed(consumer):
    consumer._committed_offset[ARTICLES] = 5
    _ack(consumer, 6, 7)  # 5 was dropped on its way to the agent
    assert consumer._new_offset(ARTICLES) is None
    _ack(consumer, 5)
    assert consumer._new_offset(ARTICLES) == 8


def test_nothing_is_committed_before_the_partition_has_a_start(consumer):
    _ack(consumer, 3, 4)
    assert consumer._new_offset(ARTICLES) is None


def test_a_message_of_an_older_generation_is_not_counted_as_processed(consumer):
    consumer._committed_offset[ARTICLES] = 0
    _ack(consumer, 0, generation=consumer.app.consumer_generation_id - 1)
    assert consumer._new_offset(ARTICLES) is None


@pytest.mark.parametrize("wait_ms", [100, 1500])
def test_the_worker_fetch_waits_on_the_broker_as_long_as_configured(tmp_path, wait_ms):
    """The fetch wait decides how long a message sits between two hops of a backlog."""
    app = create_app(Settings(data_dir=tmp_path, fetch_wait_ms=wait_ms))

    async def made() -> int:
        return app.consumer._thread._create_worker_consumer(app.transport)._fetch_max_wait_ms

    assert asyncio.run(made()) == wait_ms


def test_the_worker_producer_lingers_to_send_batches_as_configured(tmp_path):
    """Faust sends each message in a produce request of its own; the worker lets a few
    milliseconds' messages to a partition share one."""
    app = create_app(Settings(data_dir=tmp_path, producer_linger_ms=7))
    assert app.producer.linger_ms == 7
    assert app.producer._settings_default()["linger_ms"] == 7


@pytest.fixture
def stalls(consumer, monkeypatch):
    """The seeks back the consumer asks for, and a clock the test moves."""
    sought: list = []
    clock = [1000.0]

    async def seek_wait(partitions):
        sought.extend(partitions.items())

    monkeypatch.setattr(consumer, "seek_wait", seek_wait)
    monkeypatch.setattr("streams.offsets.monotonic", lambda: clock[0])
    return sought, clock


def test_a_partition_stalled_at_a_lost_message_is_read_again_from_it(consumer, stalls):
    sought, clock = stalls

    async def commits():
        consumer._committed_offset[ARTICLES] = 5
        _ack(consumer, 6, 7)  # 5 was lost, and nothing will bring it again
        assert consumer._new_offset(ARTICLES) is None
        clock[0] += 3
        assert consumer._new_offset(ARTICLES) is None
        await asyncio.sleep(0)
        assert sought == []  # a partition may just be slow
        clock[0] += 10
        assert consumer._new_offset(ARTICLES) is None
        await asyncio.sleep(0)
        assert sought == [(ARTICLES, 5)]
        assert consumer._read_offset[ARTICLES] == 5  # else Faust drops what is read again
        _ack(consumer, 5)  # read again
        assert consumer._new_offset(ARTICLES) == 8

    asyncio.run(commits())


def test_a_partition_read_to_its_end_is_not_read_again(consumer, stalls):
    sought, clock = stalls

    async def commits():
        consumer._committed_offset[ARTICLES] = 5
        _ack(consumer, 3, 4)  # read twice after a seek back: acked again, already committed
        for _ in range(3):
            assert consumer._new_offset(ARTICLES) is None
            clock[0] += 20
            await asyncio.sleep(0)
        assert sought == []

    asyncio.run(commits())


@pytest.fixture
def high_watermarks(consumer, monkeypatch):
    """The partition's end offset on the broker, which the test sets."""
    high = {ARTICLES: 616}
    monkeypatch.setattr(consumer, "assignment", lambda: {ARTICLES})
    return high


def test_a_partition_nothing_reaches_any_more_is_read_again_from_its_commit(consumer, stalls, high_watermarks):
    sought, clock = stalls

    async def watch():
        consumer._committed_offset[ARTICLES] = 453
        consumer._read_again_if_silent(high_watermarks)
        clock[0] += SILENT_SECONDS - 1
        consumer._read_again_if_silent(high_watermarks)
        await asyncio.sleep(0)
        assert sought == []  # not silent for long enough yet
        clock[0] += 2
        consumer._read_again_if_silent(high_watermarks)
        await asyncio.sleep(0)
        assert sought == [(ARTICLES, 453)] and consumer._read_offset[ARTICLES] == 453

    asyncio.run(watch())


def test_a_partition_at_work_or_read_to_its_end_is_left_alone(consumer, stalls, high_watermarks):
    sought, clock = stalls

    async def watch():
        consumer._committed_offset[ARTICLES] = 453
        for offset in range(454, 460):  # a slow message at the commit, the ones after it acked
            consumer._read_again_if_silent(high_watermarks)
            _ack(consumer, offset)
            clock[0] += SILENT_SECONDS / 2
        high_watermarks[ARTICLES] = 453  # and a partition read to its end
        for _ in range(3):
            consumer._read_again_if_silent(high_watermarks)
            clock[0] += SILENT_SECONDS
        await asyncio.sleep(0)
        assert sought == []

    asyncio.run(watch())


def _take_out_for_a_full_buffer(consumer):
    consumer._active_partitions = {ARTICLES}
    consumer.on_buffer_full(ARTICLES)  # the stream's buffer filled; its drain never came


def _leave_paused_after_recovery(consumer):
    consumer._active_partitions = set()
    consumer.pause_partitions({ARTICLES})  # paused for a rebalance; its recovery never resumed it


@pytest.mark.parametrize("taken_out", [_take_out_for_a_full_buffer, _leave_paused_after_recovery])
def test_a_partition_taken_out_of_the_fetch_is_fetched_again_when_read_again(
        consumer, stalls, high_watermarks, taken_out):
    sought, clock = stalls

    async def watch():
        taken_out(consumer)
        assert ARTICLES not in consumer._get_active_partitions()
        consumer._committed_offset[ARTICLES] = 453
        consumer._read_again_if_silent(high_watermarks)
        clock[0] += SILENT_SECONDS + 1
        consumer._read_again_if_silent(high_watermarks)
        await asyncio.sleep(0)
        assert sought == [(ARTICLES, 453)] and ARTICLES in consumer._get_active_partitions()

    asyncio.run(watch())


def test_a_partition_paused_while_the_tables_recover_is_left_alone(consumer, stalls, high_watermarks):
    sought, clock = stalls

    async def watch():
        consumer.pause_partitions({ARTICLES})
        consumer.app.in_recovery = True
        consumer._committed_offset[ARTICLES] = 453
        for _ in range(3):
            consumer._read_again_if_silent(high_watermarks)
            clock[0] += SILENT_SECONDS
        await asyncio.sleep(0)
        assert sought == []

    asyncio.run(watch())


def test_a_tables_changelog_paused_after_recovery_is_neither_read_again_nor_logged(
        consumer, stalls, monkeypatch, caplog):
    """No agent reads a changelog and no commit moves on it: it is not silent, only not ours."""
    sought, clock = stalls
    changelog = TP("wirewatch-place-tallies-changelog", 0)
    monkeypatch.setattr(consumer, "assignment", lambda: {changelog})
    monkeypatch.setattr(consumer, "_is_changelog_tp", lambda tp: tp == changelog)

    async def watch():
        consumer.pause_partitions({changelog})
        consumer._committed_offset[changelog] = 0
        with caplog.at_level("INFO"):
            for _ in range(3):
                consumer._read_again_if_silent({changelog: 987})
                clock[0] += SILENT_SECONDS
        await asyncio.sleep(0)
        assert sought == [] and "nothing reached the agents" not in caplog.text

    asyncio.run(watch())


def test_a_silent_partition_a_rebalance_holds_is_logged_with_the_reason(
        consumer, stalls, high_watermarks, caplog):
    sought, clock = stalls

    async def watch():
        consumer.stop_flow()
        consumer._committed_offset[ARTICLES] = 453
        consumer._read_again_if_silent(high_watermarks)
        clock[0] += SILENT_SECONDS + 1
        with caplog.at_level("INFO"):
            consumer._read_again_if_silent(high_watermarks)
        await asyncio.sleep(0)
        assert sought == []
        assert "163 messages left; not read again: a rebalance holds the flow" in caplog.text

    asyncio.run(watch())


def test_the_watch_for_silent_partitions_outlives_failed_reads_of_the_end_offsets(
        consumer, monkeypatch, caplog):
    """A read of the end offsets cancelled in the consumer's thread, or timed out, once ended
    the watch without a word, and a stalled partition stayed stalled."""
    monkeypatch.setattr(consumer, "assignment", lambda: {ARTICLES})
    failures = [asyncio.CancelledError(), asyncio.TimeoutError()]
    watched = []

    async def highwaters(*partitions):
        if failures:
            raise failures.pop(0)
        return {ARTICLES: 616}

    async def sleep(seconds):
        if watched:
            consumer._stopped.set()

    monkeypatch.setattr(consumer, "highwaters", highwaters)
    monkeypatch.setattr(consumer, "sleep", sleep)
    monkeypatch.setattr(consumer, "_read_again_if_silent", watched.append)
    with caplog.at_level("INFO"):
        asyncio.run(Consumer._watch_for_silent_partitions(consumer))
    assert watched and watched[0] == {ARTICLES: 616}  # after two failed rounds
    assert caplog.text.count("cannot read the end offsets") == 1  # once, not every round
    assert "end offsets read again" in caplog.text


class _RecordsReadHalfway:
    """A fetched batch of two records whose reading stops after the first until told to go
    on: it holds the consumer's thread where aiokafka has read a partition's buffered records
    and not yet dropped the buffer."""

    def __init__(self, halfway: threading.Event, go_on: threading.Event) -> None:
        self.next_fetch_offset = 0
        self.halfway, self.go_on = halfway, go_on

    def __iter__(self):
        return self

    def __next__(self) -> ConsumerRecord:
        if self.next_fetch_offset == 2:
            raise StopIteration
        if self.next_fetch_offset == 1:
            self.halfway.set()
            self.go_on.wait(5)
        offset, self.next_fetch_offset = self.next_fetch_offset, self.next_fetch_offset + 1
        return ConsumerRecord(ARTICLES.topic, ARTICLES.partition, offset, 0, 0, b"k", b"v",
                              None, 1, 1, [])


def test_a_seek_lands_in_the_consumer_thread_not_in_the_middle_of_its_fetch(consumer, monkeypatch):
    """A rebalance seeks a partition no one has committed (``perform_seek``) while the consumer's
    thread may be handing over records fetched for it. aiokafka is not thread-safe: a seek
    run in the worker's thread dropped the partition's buffer under the fetch, whose own drop
    then raised ``KeyError`` and stopped Faust's Fetcher for good (the scale-out takeover test)."""
    thread = consumer._thread
    halfway, go_on = threading.Event(), threading.Event()

    async def start_on_a_fetched_batch() -> None:  # in the consumer's thread, as on_start runs
        kafka = thread._create_consumer(loop=thread.thread_loop)
        kafka._subscription.subscribe({ARTICLES.topic})
        kafka._subscription.assign_from_subscribed({ARTICLES})  # what a rebalance assigns
        fetcher = kafka._fetcher = Fetcher(kafka._client, kafka._subscription)
        fetcher._fetch_task.cancel()  # no broker: the test hands it what it "fetched"
        assignment = kafka._subscription.subscription.assignment
        assignment.state_value(ARTICLES).seek(0)
        fetcher._records[ARTICLES] = FetchResult(
            ARTICLES, assignment=assignment, backoff=0,
            partition_records=_RecordsReadHalfway(halfway, go_on))
        thread._consumer = kafka

    monkeypatch.setattr(thread, "on_start", start_on_a_fetched_batch)

    async def rebalance() -> None:
        await thread.start()
        try:
            fetch = asyncio.ensure_future(thread.getmany({ARTICLES}, timeout=1.0))
            while not halfway.is_set():
                await asyncio.sleep(0.01)
            seek = asyncio.ensure_future(consumer.seek(ARTICLES, 0))
            await asyncio.sleep(0.2)  # a seek run here would have dropped the buffer by now
            go_on.set()
            records = await fetch
            await seek
            assert [record.offset for record in records[ARTICLES]] == [0, 1]
            assert await thread.position(ARTICLES) == 0  # and the seek took
        finally:
            go_on.set()
            await thread.stop()

    thread.parent_loop.run_until_complete(rebalance())  # the loop the worker's services share
