"""send_digest over a local aiosmtpd sink; DeliveryFailed on a refused connection."""

from __future__ import annotations

import logging
import socket

import pytest
from digestdata import SCRIPT, records

from digests.build import build_digest
from digests.errors import DeliveryFailed
from digests.render import render_digest
from digests.send import send_digest


def _send(parts, *, host, port, to="coordinadora@red.example", password=""):
    send_digest(parts, to=to, smtp_host=host, smtp_port=port, user="", password=password,
                starttls=False, mail_from="Veeduría <veeduria@red.example>", timeout_s=5)


def test_message_is_multipart_alternative_with_utf8_subject(smtp_server):
    parts = render_digest(build_digest(**records(language="pt", is_editor=True)))
    _send(parts, host=smtp_server.hostname, port=smtp_server.port)
    [message] = smtp_server.messages()
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == parts.subject
    assert "mudanças" in message["Subject"] and "Veeduría" in message["Subject"]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "https://veeduria.example.org/d/bo-ley" in text
    assert 'href="https://veeduria.example.org/d/bo-ley"' in html
    assert SCRIPT not in html
    assert smtp_server.envelopes[0].rcpt_tos == ["coordinadora@red.example"]


def test_several_recipients_stay_undisclosed(smtp_server):
    parts = render_digest(build_digest(**records()))
    _send(parts, host=smtp_server.hostname, port=smtp_server.port,
          to=["a@red.example", "b@red.example"])
    [message] = smtp_server.messages()
    assert "a@red.example" not in message["To"]
    assert sorted(smtp_server.envelopes[0].rcpt_tos) == ["a@red.example", "b@red.example"]


def test_refused_connection_raises_delivery_failed(caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    parts = render_digest(build_digest(**records()))
    with caplog.at_level(logging.DEBUG), pytest.raises(DeliveryFailed) as failure:
        _send(parts, host="127.0.0.1", port=port, to="secreta@red.example",
              password="s3cr3t-pw")
    assert str(failure.value) == f"SMTP server 127.0.0.1:{port}: connection refused"
    for text in (str(failure.value), caplog.text):
        assert "s3cr3t-pw" not in text and "secreta@red.example" not in text


def test_no_recipient_is_an_error():
    parts = render_digest(build_digest(**records()))
    with pytest.raises(DeliveryFailed):
        _send(parts, host="127.0.0.1", port=1, to=[])
