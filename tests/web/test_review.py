"""Editors confirm, reassign and reject proposals through /revisar; the demand's status moves."""

from __future__ import annotations


def _post(editor, **fields):
    token = editor.cookies.get("csrftoken")
    return editor.post("/revisar", data={"csrftoken": token, **fields})


def test_confirm_via_web_moves_the_status(editor, store, world):
    assert store.get_demand("bo-base-datos-trata", include_members=True).status == "pending"
    page = _post(editor, action="confirm", evidence_id=str(world["proposal"]))
    assert page.status_code == 200
    assert f"Propuesta #{world['proposal']} confirmada." in page.text
    demand = store.get_demand("bo-base-datos-trata", include_members=True)
    assert demand.status == "fulfilled"
    assert store.timeline("bo-base-datos-trata", include_members=True)[-1].editor == "editora"


def test_reassign_confirms_with_the_chosen_status(editor, store, world):
    _post(editor, action="reassign", evidence_id=str(world["proposal"]), status="partial",
          note="solo el decreto")
    assert store.get_demand("bo-base-datos-trata", include_members=True).status == "partial"


def test_reject_needs_a_reason(editor, store, world):
    page = _post(editor, action="reject", evidence_id=str(world["proposal"]))
    assert "Indique el motivo" in page.text
    assert store.get_evidence(world["proposal"]).state == "proposed"
    _post(editor, action="reject", evidence_id=str(world["proposal"]), note="no es el decreto")
    assert store.get_evidence(world["proposal"]).state == "rejected"
    assert store.get_demand("bo-base-datos-trata", include_members=True).status == "pending"


def test_deciding_twice_says_already_decided(editor, world):
    _post(editor, action="confirm", evidence_id=str(world["proposal"]))
    page = _post(editor, action="confirm", evidence_id=str(world["proposal"]))
    assert "ya fue decidida" in page.text


def test_review_list_shows_members_only_proposals_to_editors(editor):
    page = editor.get("/revisar").text
    assert "ZQX-MIEMBROS-7731" in page
    assert page.count('name="csrftoken"') >= 4
