import socket

import pytest

from streams import broker as kafka_broker


def test_missing_java_is_one_line_that_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(kafka_broker.shutil, "which", lambda tool: None)
    with pytest.raises(kafka_broker.BrokerError, match="`java` not found.*install"):
        kafka_broker.start(kafka_broker.Broker(tmp_path, 1))


def test_missing_maven_is_one_line_that_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(kafka_broker.shutil, "which", lambda tool: None)
    with pytest.raises(kafka_broker.BrokerError, match="`mvn` not found.*install Maven"):
        kafka_broker.fetch_jars(kafka_broker.Broker(tmp_path, 1))


def test_a_taken_port_is_refused_with_advice(monkeypatch, tmp_path):
    monkeypatch.setattr(kafka_broker.shutil, "which", lambda tool: f"/usr/bin/{tool}")
    with socket.socket() as taken:
        taken.bind((kafka_broker.HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(kafka_broker.BrokerError, match=f"port {port} .* taken.*--port"):
            kafka_broker.start(kafka_broker.Broker(tmp_path, port))


def test_stop_without_a_broker_says_so(tmp_path):
    assert kafka_broker.stop(kafka_broker.Broker(tmp_path, 1)) is False
