"""Configuration from a settings file and the environment, and the security settings a real
cluster needs, as each Kafka client receives them."""

from __future__ import annotations

import ssl
import subprocess
from pathlib import Path

import pytest
from faust.auth import SASLCredentials, SSLCredentials

from streams.security import client_options, faust_credentials
from streams.settings import Settings, SettingsError

CLUSTER_FILE = """\
broker = "kafka-1.example:9093,kafka-2.example:9093"
partitions = 12
replication = 3
web_port = 7070
topic_articles = "wire.articles"
topic_casualties = "wire.casualties"
security_protocol = "SASL_SSL"
sasl_mechanism = "SCRAM-SHA-512"
sasl_username = "wirewatch"
sasl_password = "from-the-file"
ssl_cafile = "{cafile}"
metrics_city_limit = 50
"""


@pytest.fixture(scope="module")
def cafile(tmp_path_factory) -> Path:
    """A real self-signed CA certificate, made with openssl as an operator would."""
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=wirewatch-test-ca", "-keyout", str(folder / "ca.key"),
                    "-out", str(folder / "ca.pem")], check=True, capture_output=True)
    return folder / "ca.pem"


@pytest.fixture
def config(tmp_path, cafile) -> Path:
    path = tmp_path / "wirewatch.toml"
    path.write_text(CLUSTER_FILE.format(cafile=cafile))
    return path


def test_defaults_need_no_configuration():
    settings = Settings.from_env({})
    assert settings.brokers == ["127.0.0.1:9092"]
    assert settings.topics.articles == "news.articles"
    assert settings.security.protocol == "PLAINTEXT"
    assert client_options(settings.security) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings.security) is None


def test_a_settings_file_configures_brokers_topics_ports_and_security(config):
    settings = Settings.from_env({"WIREWATCH_CONFIG": str(config)})
    assert settings.brokers == ["kafka-1.example:9093", "kafka-2.example:9093"]
    assert (settings.partitions, settings.replication, settings.web_port) == (12, 3, 7070)
    assert settings.topics.articles == "wire.articles"
    assert settings.topics.casualties == "wire.casualties"
    assert settings.topics.reports == "news.reports"
    assert settings.metrics_city_limit == 50
    assert settings.security.sasl_mechanism == "SCRAM-SHA-512"


def test_the_environment_overrides_the_file(config):
    settings = Settings.from_env({"WIREWATCH_CONFIG": str(config), "WIREWATCH_PARTITIONS": "6",
                                  "WIREWATCH_SASL_PASSWORD": "from-the-env"})
    assert settings.partitions == 6
    assert settings.security.sasl_password == "from-the-env"
    assert settings.replication == 3


def test_sasl_ssl_reaches_aiokafka_and_faust_with_a_context_trusting_the_ca(config):
    security = Settings.from_env({"WIREWATCH_CONFIG": str(config)}).security
    options = client_options(security)
    assert options["security_protocol"] == "SASL_SSL"
    assert (options["sasl_mechanism"], options["sasl_plain_username"],
            options["sasl_plain_password"]) == ("SCRAM-SHA-512", "wirewatch", "from-the-file")
    context = options["ssl_context"]
    assert isinstance(context, ssl.SSLContext) and context.verify_mode == ssl.CERT_REQUIRED
    assert [cert["subject"] for cert in context.get_ca_certs()] == [
        ((("commonName", "wirewatch-test-ca"),),)]
    credentials = faust_credentials(security)
    assert isinstance(credentials, SASLCredentials)
    assert (credentials.protocol.value, credentials.mechanism.value) == ("SASL_SSL", "SCRAM-SHA-512")
    assert credentials.ssl_context is not None


def test_tls_alone_gives_ssl_credentials(cafile):
    security = Settings.from_env({"WIREWATCH_SECURITY_PROTOCOL": "ssl",
                                  "WIREWATCH_SSL_CAFILE": str(cafile)}).security
    assert client_options(security)["security_protocol"] == "SSL"
    assert isinstance(faust_credentials(security), SSLCredentials)


@pytest.mark.parametrize(("env", "message"), [
    ({"WIREWATCH_PARTITIONS": "many"}, "WIREWATCH_PARTITIONS='many' is not a whole number"),
    ({"WIREWATCH_SECURITY_PROTOCOL": "KERBEROS"}, "must be one of PLAINTEXT, SSL"),
    ({"WIREWATCH_SECURITY_PROTOCOL": "SASL_SSL"}, "needs WIREWATCH_SASL_USERNAME"),
    ({"WIREWATCH_CONFIG": "/nonexistent/wirewatch.toml"}, "no such file"),
])
def test_a_bad_setting_is_named_with_what_to_fix(env, message):
    with pytest.raises(SettingsError, match=message.replace("(", r"\(")):
        Settings.from_env(env)


def test_a_misspelt_key_in_the_file_is_refused(tmp_path):
    path = tmp_path / "wirewatch.toml"
    path.write_text('brokers = "kafka:9092"\n')
    with pytest.raises(SettingsError, match="unknown setting\\(s\\) brokers"):
        Settings.from_env({"WIREWATCH_CONFIG": str(path)})


def test_a_missing_ca_file_is_reported_with_the_variable_to_fix():
    security = Settings.from_env({"WIREWATCH_SECURITY_PROTOCOL": "SSL",
                                  "WIREWATCH_SSL_CAFILE": "/nonexistent/ca.pem"}).security
    with pytest.raises(SettingsError, match="WIREWATCH_SSL_CAFILE='/nonexistent/ca.pem'"):
        client_options(security)
