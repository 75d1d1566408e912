"""Login with argon2 hashes, signed session, roles, and CSRF on every POST form."""

from __future__ import annotations

from conftest import csrf_token, log_in
from starlette.testclient import TestClient

from monitor.web.app import ROUTES, post_paths


def test_login_with_a_wrong_password_is_refused(client):
    token = csrf_token(client)
    response = client.post("/login", data={"username": "editora", "password": "nope",
                                           "csrftoken": token})
    assert response.status_code == 401
    assert "Usuario o contraseña incorrectos." in response.text


def test_unknown_user_gets_the_same_message(client):
    token = csrf_token(client)
    response = client.post("/login", data={"username": "nadie", "password": "nope",
                                           "csrftoken": token})
    assert response.status_code == 401
    assert "Usuario o contraseña incorrectos." in response.text


def test_login_then_logout(client):
    log_in(client, "editora")
    assert "/revisar" in client.get("/").text
    client.post("/logout", data={"csrftoken": client.cookies.get("csrftoken")})
    assert 'href="/revisar"' not in client.get("/").text
    assert client.get("/revisar", follow_redirects=False).headers["location"] == "/login"


def test_session_cookie_is_signed(app):
    forged = TestClient(app, cookies={"veeduria_session": "eyJ1c2VyIjogImVkaXRvcmEifQ=="})
    assert forged.get("/revisar", follow_redirects=False).status_code == 303


def test_every_post_route_is_csrf_protected():
    posts = {r.path for r in ROUTES if r.methods and "POST" in r.methods}
    assert posts == post_paths()


def test_login_without_csrf_token_is_refused(client):
    client.get("/login")
    response = client.post("/login", data={"username": "editora",
                                           "password": "clave-de-prueba-1"})
    assert response.status_code == 403


def test_post_without_any_cookie_is_refused(app):
    fresh = TestClient(app)
    for path in post_paths():
        assert fresh.post(path, data={"x": "1"}).status_code == 403, path


def test_review_post_without_token_is_refused(editor):
    response = editor.post("/revisar", data={"action": "confirm", "evidence_id": "1"})
    assert response.status_code == 403


def test_member_may_not_review(member):
    assert member.get("/revisar").status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get("/revisar", follow_redirects=False)
    assert response.status_code == 303
