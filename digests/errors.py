"""Digest errors (see the tree in ``monitor/errors.py``): exit code 4 at the CLI.

Layer: digests.
"""

from __future__ import annotations


class DigestError(Exception):
    """A digest that cannot be built or sent."""


class DeliveryFailed(DigestError):
    """The SMTP server refused the message or could not be reached."""
