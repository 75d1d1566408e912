"""The weekly digest: build (pure), render (Jinja2 + Babel, es/pt/en), send (SMTP).

Layer: digests; imports only ``storage.records`` of ours. Modules: i18n (catalogs in
``digests/locale``), flags (computed demand flags, law stage), health (source states, coverage),
build (``build_digest``, ``should_send``), render (``render_digest``), send (``send_digest``).
Settings read: none (monitor passes values in). Cases: tests/digests/.
"""
