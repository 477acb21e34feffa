"""The security settings as each Kafka client library wants them.

Faust takes a credentials object; aiokafka's producer, consumer and admin client take keyword
arguments. Both come from one :class:`~streams.settings.Security`, so a worker and the CLI's
own clients always connect to a cluster the same way.
"""

from __future__ import annotations

import ssl
from typing import Any

from aiokafka.helpers import create_ssl_context
from faust.auth import SASLCredentials, SSLCredentials
from faust.types.auth import CredentialsT

from streams.settings import ENV_PREFIX, Security, SettingsError


def ssl_context(security: Security) -> ssl.SSLContext | None:
    """A TLS context trusting ``ssl_cafile`` (else the system's CAs), presenting the client
    certificate when one is set; ``None`` for a protocol without TLS."""
    if not security.uses_ssl:
        return None
    try:
        return create_ssl_context(cafile=security.ssl_cafile, certfile=security.ssl_certfile,
                                  keyfile=security.ssl_keyfile,
                                  password=security.ssl_key_password)
    except (OSError, ssl.SSLError) as exc:
        raise SettingsError(
            f"cannot build a TLS context from {ENV_PREFIX}SSL_CAFILE={security.ssl_cafile!r}, "
            f"{ENV_PREFIX}SSL_CERTFILE={security.ssl_certfile!r}, "
            f"{ENV_PREFIX}SSL_KEYFILE={security.ssl_keyfile!r}: {exc}") from None


def client_options(security: Security) -> dict[str, Any]:
    """Keyword arguments for aiokafka's clients."""
    options: dict[str, Any] = {"security_protocol": security.protocol}
    context = ssl_context(security)
    if context is not None:
        options["ssl_context"] = context
    if security.uses_sasl:
        options.update(sasl_mechanism=security.sasl_mechanism,
                       sasl_plain_username=security.sasl_username,
                       sasl_plain_password=security.sasl_password)
    return options


def faust_credentials(security: Security) -> CredentialsT | None:
    """Faust's ``broker_credentials``; ``None`` for plain text."""
    context = ssl_context(security)
    if security.uses_sasl:
        return SASLCredentials(username=security.sasl_username,
                               password=security.sasl_password,
                               mechanism=security.sasl_mechanism, ssl_context=context)
    if context is not None:
        return SSLCredentials(context)
    return None
