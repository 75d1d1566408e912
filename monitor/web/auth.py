"""Who is looking: login with argon2 password hashes, the signed session, roles.

Layer: monitor. The session is Starlette's SessionMiddleware cookie, signed with ``secret_key``
(itsdangerous); it keeps only the username, and the role is read from the users table on every
request, so a removed user or a changed role takes effect at once. Roles: member (sees
members-only demands), editor (also reviews proposals), admin (all of it). Settings read: none.
Cases: tests/web/test_auth.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

from storage.errors import NotFound
from storage.store import Store

logger = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("member", "editor", "admin")
SESSION_USER = "user"
_hasher = PasswordHasher()
# Verified when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("veeduria-no-such-user")


@dataclass(frozen=True)
class Viewer:
    """The person making the request; ``username`` None for an anonymous visitor."""

    username: str | None = None
    role: str | None = None

    @property
    def is_member(self) -> bool:
        """Sees members-only demands."""
        return self.role in ROLES

    @property
    def is_editor(self) -> bool:
        """May confirm or reject proposals."""
        return self.role in ("editor", "admin")


ANONYMOUS = Viewer()


def current_viewer(request: Request, store: Store) -> Viewer:
    """The logged-in user (role re-read from storage), or ANONYMOUS."""
    username = request.session.get(SESSION_USER)
    if not isinstance(username, str):
        return ANONYMOUS
    try:
        user = store.get_user(username)
    except NotFound:
        request.session.clear()
        return ANONYMOUS
    return Viewer(username=user.username, role=user.role if user.role in ROLES else None)


def check_password(store: Store, username: str, password: str) -> Viewer | None:
    """The viewer when the password matches the stored argon2 hash, else None."""
    try:
        user = store.get_user(username)
    except NotFound:
        _verify(_DUMMY_HASH, password)
        logger.info("login refused: unknown user")
        return None
    if not _verify(user.password_hash, password) or user.role not in ROLES:
        logger.info("login refused for a known user")
        return None
    return Viewer(username=user.username, role=user.role)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def log_in(request: Request, viewer: Viewer) -> None:
    """Start a fresh session for ``viewer`` (the old session content is dropped)."""
    request.session.clear()
    request.session[SESSION_USER] = viewer.username


def log_out(request: Request) -> None:
    request.session.clear()
