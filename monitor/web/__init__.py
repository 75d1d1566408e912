"""The members' status page (Starlette, server-rendered, no JavaScript): ``create_app``.

Layer: monitor (imports digests for translations and flags, storage for the Store).
Modules: app (routes, middleware), pages (public pages), login, reviewing (/revisar), auth
(argon2, session, roles), views (rows from the Store), rendering (Jinja2, ETag), errors, serve.
Settings read: see ``monitor.web.app``. Cases: tests/web/.
"""
