"""Send a rendered digest over SMTP: one multipart/alternative message (text + HTML, UTF-8).

Layer: digests. Settings read: none (monitor passes smtp_host, smtp_port, smtp_user,
smtp_password, smtp_starttls, mail_from and a timeout). Every SMTP or socket failure becomes
``DeliveryFailed`` with a message naming the server and the cause, never the password nor the
recipients; logs carry only counts. Cases: tests/digests/test_send.py.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from digests.errors import DeliveryFailed
from digests.render import RenderedDigest

logger = logging.getLogger(__name__)

UNDISCLOSED = "undisclosed-recipients:;"


def build_message(parts: RenderedDigest, *, to: Sequence[str], mail_from: str) -> EmailMessage:
    """The e-mail: text part first, HTML alternative; several recipients stay undisclosed."""
    message = EmailMessage()
    message["Subject"] = " ".join(parts.subject.split())
    message["From"] = mail_from
    message["To"] = to[0] if len(to) == 1 else UNDISCLOSED
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=_domain_of(mail_from))
    message.set_content(parts.text, subtype="plain", charset="utf-8")
    message.add_alternative(parts.html, subtype="html", charset="utf-8")
    return message


def _domain_of(address: str) -> str:
    domain = address.rsplit("@", 1)[-1].strip(" >")
    return domain or "localhost"


def send_digest(parts: RenderedDigest, *, to: str | Sequence[str], smtp_host: str,
                smtp_port: int, user: str, password: str, starttls: bool, mail_from: str,
                timeout_s: float) -> None:
    """Deliver one digest; raise DeliveryFailed on any SMTP or network failure."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients:
        raise DeliveryFailed("no recipient given for the digest")
    message = build_message(parts, to=recipients, mail_from=mail_from)
    where = f"{smtp_host}:{smtp_port}"
    try:
        with smtplib.SMTP(smtp_host, smtp_port, timeout=timeout_s) as client:
            _login(client, user=user, password=password, starttls=starttls)
            refused = client.send_message(message, from_addr=parseaddr(mail_from)[1],
                                             to_addrs=recipients)
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryFailed(f"SMTP server {where}: {_describe(exc)}") from None
    if refused:
        raise DeliveryFailed(f"SMTP server {where} refused {len(refused)} of "
                             f"{len(recipients)} recipients")
    logger.info("digest sent via %s to %d recipients", where, len(recipients))


def _login(client: smtplib.SMTP, *, user: str, password: str, starttls: bool) -> None:
    if starttls:
        client.starttls(context=ssl.create_default_context())
    if user:
        client.login(user, password)


def _describe(exc: BaseException) -> str:
    """A cause without echoed addresses or credentials (SMTP replies can quote them)."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"login refused (code {exc.smtp_code})"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return f"all {len(exc.recipients)} recipients refused"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"sender refused (code {exc.smtp_code})"
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"error {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "connection closed by the server"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, OSError):
        return exc.strerror or type(exc).__name__
    return type(exc).__name__
