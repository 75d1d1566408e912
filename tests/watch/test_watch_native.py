"""The compiled engine (mypyc, scripts/build_engine.py) and the Python sources: which one a
process imports, when a build is stale, and that both give the same matches."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.watch import native

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "bench" / "eval"

WHICH = ("import monitor.watch.native as n, monitor.watch.matcher as m; "
         "print(n.ENGINE, n.running(), m.__file__.rsplit('/', 1)[1].split('.')[-1])")


def _python(code: str, *, cwd: Path = ROOT, engine: str | None = None
            ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != native.ENGINE_ENV}
    if engine is not None:
        env[native.ENGINE_ENV] = engine
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=600, check=True)


def _sources(folder: Path) -> Path:
    folder.mkdir()
    for name in native.COMPILED:
        (folder / f"{name}.py").write_text(f"NAME = {name!r}\n", encoding="utf-8")
    return folder


def test_a_build_is_current_until_one_of_its_sources_changes(tmp_path):
    folder = _sources(tmp_path / "watch")
    assert native.stale(folder) == f"no readable {native.STAMP}"
    native.write_stamp(folder)
    assert native.stale(folder) is None
    (folder / "cues.py").write_text("NAME = 'edited'\n", encoding="utf-8")
    assert native.stale(folder) == "changed since the build: cues"


def test_a_build_for_another_python_or_with_unlisted_modules_is_stale(tmp_path):
    folder = _sources(tmp_path / "watch")
    native.write_stamp(folder)
    stamp = json.loads((folder / native.STAMP).read_text(encoding="utf-8"))
    (folder / native.STAMP).write_text(json.dumps({**stamp, "python": "cpython-27"}),
                                       encoding="utf-8")
    assert native.stale(folder).startswith("built for another Python")
    native.write_stamp(folder)
    # a module compiled by an earlier build whose list held it
    (folder / f"model{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert native.built(folder)
    assert native.stale(folder) == "compiled modules no longer in the list: model"


def test_cleaning_a_build_removes_only_what_it_built(tmp_path):
    spec = importlib.util.spec_from_file_location("build_engine",
                                                  ROOT / "scripts" / "build_engine.py")
    build_engine = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_engine)
    folder = _sources(tmp_path / "watch")
    (folder / "terms.yaml").write_text("terms: {}\n", encoding="utf-8")
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in ("terms", "matcher", "_engine__mypyc"):
        (folder / f"{name}{suffix}").write_bytes(b"")
    native.write_stamp(folder)
    build_engine.clean(folder)
    assert not native.built(folder) and not (folder / native.STAMP).exists()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{name}.py" for name in native.COMPILED] + ["terms.yaml"])


def test_the_python_engine_is_imported_when_asked_for():
    engine, running, suffix = _python(WHICH, engine="python").stdout.split()
    assert (engine, running, suffix) == ("python", "python", "py")


def test_an_unknown_engine_name_is_reported_and_the_default_kept():
    done = _python(WHICH, engine="rust")
    assert "VEEDURIA_ENGINE=rust is not one of auto, python" in done.stderr
    assert done.stdout.split()[0] == ("compiled" if native.built() and native.stale() is None
                                      else "python")


needs_build = pytest.mark.skipif(
    not native.built() or native.stale() is not None,
    reason="the engine is not compiled here: scripts/build_engine.py (scripts/test builds it)")


@needs_build
def test_a_current_build_is_imported_by_default():
    assert _python(WHICH).stdout.split() == ["compiled", "compiled", "so"]


@needs_build
def test_a_source_edited_after_the_build_brings_back_the_python_sources(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "monitor", copy / "monitor",
                    ignore=shutil.ignore_patterns("__pycache__", "demoworld", "web"))
    cues = copy / "monitor" / "watch" / "cues.py"
    cues.write_text(cues.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    done = _python(WHICH, cwd=copy)
    assert done.stdout.split() == ["python", "python", "py"]
    assert "compiled matching engine not used (changed since the build: cues)" in done.stderr


MATCH_ALL = """
import json, sys
from pathlib import Path
sys.path.insert(0, "bench")
from bench_rules import NOW, load_documents
from monitor.watch import load_rulebook, match_document
from monitor.watch.native import running
out = {"engine": running(), "matches": {}}
books = {rules: load_rulebook(Path(rules)) for rules in sys.argv[1:]}
for path in sorted(Path("bench/eval/docs").glob("*.yaml"))[::5]:  # 34 batches of 171
    for doc, _ in load_documents(path)[::2]:
        for rules, book in books.items():
            out["matches"][f"{rules}|{doc.document_id}"] = [
                repr((m.rule_id, m.proposes, m.events, m.excerpt, m.highlights,
                      m.matched_terms, m.field, m.corroborates, m.in_title))
                for m in match_document(book, doc, now=NOW)]
print(json.dumps(out))
"""


@needs_build
def test_both_engines_match_the_labelled_documents_alike():
    rulebooks = [str(ROOT / "rules" / "demands"), str(EVAL / "rules_new_editor3" / "demands")]
    started = {engine: subprocess.Popen(  # side by side
        [sys.executable, "-c", MATCH_ALL, *rulebooks], cwd=ROOT, text=True,
        env={**os.environ, native.ENGINE_ENV: engine}, stdout=subprocess.PIPE)
        for engine in ("auto", "python")}
    runs = {engine: json.loads(process.communicate(timeout=600)[0])
            for engine, process in started.items()}
    assert runs["auto"]["engine"] == "compiled" and runs["python"]["engine"] == "python"
    compiled, python = runs["auto"]["matches"], runs["python"]["matches"]
    assert len(compiled) > 3000 and sum(map(len, compiled.values())) > 500
    assert compiled == python
