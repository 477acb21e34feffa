"""A Faust consumer that never commits the offset of a message no agent has processed.

faust-streaming 0.15.3 can, and then the message is lost for good. Two workers starting
together lost 79 to 158 articles of one partition this way in our scale-out test:

- During a rebalance the flow is suspended while fetched messages are handed on, and the ones
  caught in that moment are dropped; messages fetched in the old generation are skipped, and
  acked as if processed.
- After the rebalance Faust seeks each partition back to its committed offset, but only when
  there is one above 0. A partition nobody has committed yet keeps its fetch position, past
  the dropped messages.
- ``Consumer._new_offset`` commits the first run of acked offsets. It checks that the run
  starts at the committed offset only when that offset is set and above 0, and lets a gap of
  one message at the head pass (upstream issue #606).

It also fetches without waiting long on the broker. Faust makes its aiokafka consumer with
``fetch_max_wait_ms=1500``, and aiokafka keeps one fetch in flight per broker: a partition that
still had records buffered when that fetch left is not in it. So the messages an agent has just
sent on to the next topic wait until the broker gives up on the fetch, up to 1.5 s per hop of
the chain; through a backlog the four hops spend most of their time waiting
(``WIREWATCH_FETCH_WAIT_MS``, 100 ms by default; ``python -m bench`` measures both).

This consumer forgets every ack when a rebalance seeks, seeks a partition with no commit to
its first offset, does not count a message of an older generation as processed, and commits
only a run of acked offsets that starts exactly at the committed offset.

That alone can stall: when a worker took over a partition its dead peer never committed, the
message at the committed offset was sometimes never handed to an agent again, while those
after it were; commits then stopped for good (the scale-out takeover test, on a quiet machine).
So a partition whose later messages are processed while the one at its commit is not, for
``STALL_SECONDS``, is read again from its commit. The stages absorb what they read twice.

A partition can also go silent: after a crash test's restart one partition of
``news.articles`` stopped reaching the agents at its commit with 163 messages left, nothing
after it processed either. Faust looks for commits only on partitions with acks pending, so
the first heal never saw it. A watchdog reads again from its commit a partition that has
messages left and whose commit and acks have not moved for ``SILENT_SECONDS``. What is left is
measured against the broker's end offset, not the fetcher's high watermark: that one stops
where the fetcher stopped fetching, so a silent partition looked read to its end (a crash
test's ``news.incidents`` partition sat at its commit 481 of 3,727 with no warning at all).
A partition read again is also put back in the fetch if Faust had taken it out: for a full
stream buffer whose drain never came, or paused for a rebalance and never resumed after the
tables' recovery. Which of these silenced the crash test's partition was not caught in the act.
A later stall (``news.incidents`` at its commit 354 of 1,166, no warning for six minutes) showed
the watchdog itself silent: it now outlives a read of the end offsets cancelled in the
consumer's thread, says when it cannot read them, and logs a silent partition it leaves alone
with the reason (a rebalance holding the flow, the tables recovering).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from time import monotonic

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError
from faust.exceptions import ConsumerNotStarted
from faust.transport.drivers import aiokafka as kafka_driver
from faust.types import TP, AppT, Message
from mode import Service


class ConsumerThread(kafka_driver.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: kafka_driver.Transport) -> AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # Faust passes no way to set it; aiokafka reads it when the consumer starts.
        consumer._fetch_max_wait_ms = self.transport.fetch_wait_ms
        return consumer


STALL_SECONDS = 10.0
SILENT_SECONDS = 2 * STALL_SECONDS


class Consumer(kafka_driver.Consumer):
    # Partition -> (the committed offset it waits at, since when): see _read_again_if_stalled.
    _stalls: dict[TP, tuple[int, float]] | None = None
    # Partition -> (its commit and acks as last seen, since when): see _read_again_if_silent.
    _progress: dict[TP, tuple[tuple[int, int, int], float]] | None = None

    def _new_consumer_thread(self) -> ConsumerThread:
        return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def perform_seek(self) -> None:
        assigned = self.assignment()
        for tp in assigned:  # acks from before the rebalance count for nothing now
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
        await super().perform_seek()
        uncommitted = [tp for tp in assigned if self._committed_offset[tp] is None]
        if uncommitted:
            for tp, offset in (await self.earliest_offsets(*uncommitted)).items():
                await self.seek(tp, offset)
                self._committed_offset[tp] = offset

    async def _seek(self, partition: TP, offset: int) -> None:
        # aiokafka is not thread-safe, and Faust's ``seek`` ran it in the worker's thread while
        # the consumer's own thread may be handing over records fetched for that partition:
        # the seek dropped their buffer under the fetch, whose own drop then raised KeyError
        # and stopped Faust's Fetcher for good, the worker up and reading nothing (the
        # scale-out takeover test, where ``perform_seek`` seeks partitions nobody committed).
        # Faust's other seeks already go through the consumer's thread.
        await self._thread.call_thread(self._thread.seek, partition, offset)

    def ack(self, message: Message) -> bool:
        if message.generation_id != self.app.consumer_generation_id:
            message.acked = True  # skipped, not processed: it is read again in this generation
            return False
        return super().ack(message)

    def _new_offset(self, tp: TP) -> int | None:
        start = self._committed_offset[tp]
        if start is None:
            return None
        if start not in self._acked_index[tp] and not self._gap[tp].overlaps(start):
            self._read_again_if_stalled(tp, start)
            return None  # the message at the committed offset is not processed yet
        if self._stalls:
            self._stalls.pop(tp, None)
        return super()._new_offset(tp)

    def _read_again_if_stalled(self, tp: TP, start: int) -> None:
        """Seek back to ``start`` once messages after it have been processed and it has not,
        for ``STALL_SECONDS``: it was lost on its way to the agent and will not come again."""
        if not any(offset > start for offset in self._acked[tp]):
            return  # nothing after it is processed either: the partition is only slow
        if self._stalls is None:
            self._stalls = {}
        now = monotonic()
        waiting_at, since = self._stalls.setdefault(tp, (start, now))
        if waiting_at != start:
            self._stalls[tp] = (start, now)
        elif now - since >= STALL_SECONDS:
            self._stalls[tp] = (start, now)
            self.log.warning("%r: offset %s was never processed; reading again from it", tp, start)
            asyncio.ensure_future(self._read_again(tp, start))

    @Service.task
    async def _watch_for_silent_partitions(self) -> None:
        failing = False
        while not self.should_stop:
            await self.sleep(STALL_SECONDS / 2)
            try:
                assigned = self.assignment()
                ends = await asyncio.wait_for(self.highwaters(*assigned), STALL_SECONDS) if assigned else {}
            except ConsumerNotStarted:
                continue
            except (AssertionError, KafkaError, asyncio.TimeoutError, asyncio.CancelledError) as exc:
                # A partition revoked between two reads of the assignment (aiokafka asserts it
                # is assigned), the broker not answering in time, or the call cancelled in the
                # consumer's thread (a rebalance restarting it). Only a cancel of this task
                # itself may end the watch: ended silently, it left a stalled partition alone.
                if isinstance(exc, asyncio.CancelledError) and (
                        self.should_stop or asyncio.current_task().cancelling()):
                    raise
                if not failing:
                    self.log.warning("cannot read the end offsets to watch for silent partitions "
                                     "(%s: %s); trying again every %ss",
                                     type(exc).__name__, exc, STALL_SECONDS / 2)
                failing, self._progress = True, None
                continue
            if failing:
                self.log.info("end offsets read again; watching for silent partitions")
            failing = False
            self._read_again_if_silent(ends)

    def _read_again_if_silent(self, ends: Mapping[TP, int]) -> None:
        """Read again from its commit a partition with messages left (``ends``: the broker's
        end offsets) whose commit and acks have not moved for ``SILENT_SECONDS``. Not while a
        rebalance holds the flow, nor a partition paused while the tables recover: one still
        paused after recovery is read again, and so resumed. A silent partition left alone for
        either reason is logged, so that a stall says which of them held it."""
        if self._progress is None:
            self._progress = {}
        now = monotonic()
        for tp in self.assignment():
            committed, high = self._committed_offset.get(tp), ends.get(tp)
            # A table's changelog is read only while the tables recover, never by an agent.
            paused_changelog = tp in self._paused_partitions and self._is_changelog_tp(tp)
            if committed is None or high is None or high <= committed or paused_changelog:
                self._progress.pop(tp, None)
                continue
            acked = self._acked.get(tp) or []
            seen = (committed, len(acked), max(acked, default=-1))
            last = self._progress.get(tp)
            if last is None or last[0] != seen:
                self._progress[tp] = (seen, now)
            elif now - last[1] >= SILENT_SECONDS:
                self._progress[tp] = (seen, now)
                held = self._why_left_alone(tp)
                if held:
                    self.log.info("%r: nothing reached the agents from offset %s for %ss with %s "
                                  "messages left; not read again: %s",
                                  tp, committed, SILENT_SECONDS, high - committed, held)
                    continue
                self.log.warning("%r: nothing reached the agents from offset %s for %ss with %s "
                                 "messages left; reading again from it",
                                 tp, committed, SILENT_SECONDS, high - committed)
                asyncio.ensure_future(self._read_again(tp, committed))

    def _why_left_alone(self, tp: TP) -> str | None:
        """Why a silent partition must not be read again now, if it must not."""
        if not self.flow_active:
            return "a rebalance holds the flow"
        if tp in self._paused_partitions and self.app.in_recovery:
            return "paused while the tables recover"
        return None

    async def _read_again(self, tp: TP, offset: int) -> None:
        # In the consumer's own thread, as a rebalance seeks: aiokafka is not thread-safe. Faust
        # drops every message below a partition's read offset ("DROPPED MESSAGE ROFF"), so it is
        # moved back as Faust's own ``seek`` does; else the messages read again never reach an
        # agent and the partition stays stalled (the crash test, with its report processed
        # before a restart but acked in no generation since).
        self._read_offset[tp] = offset
        await self.seek_wait({tp: offset})
        self._read_offset[tp] = offset
        # A partition Faust took out of the fetch when its stream's buffer filled comes back
        # only when that buffer says it drained, and a buffer whose messages the seek dropped
        # may never say so: fetched again, it fills the buffer and is taken out again at worst.
        self.on_buffer_drop(tp)
        if tp in self._paused_partitions and not (self.app.in_recovery or self._is_changelog_tp(tp)):
            self.resume_partitions({tp})  # paused for a rebalance whose recovery never resumed it


class Transport(kafka_driver.Transport):
    Consumer = Consumer
    fetch_wait_ms: int = 1500  # Faust's own


def strict_transport(app: AppT, fetch_wait_ms: int) -> Transport:
    """The transport ``app`` consumes through, with the strict consumer."""
    transport = Transport(app.conf.broker_consumer, app)
    transport.fetch_wait_ms = fetch_wait_ms
    return transport
