"""PDF text: pages per second and token F1 against expected texts, ours vs other extractors.

Layer: bench (plain script, prints a table). Reads the realdata folder from env
VEEDURIA_REALDATA_DIR (default ../shared/realdata, relative to the repo root).

Run: .venv/bin/python bench/bench_pdf.py

Expected texts in realdata/pdf: ``*.expected.txt`` (querido-diario's golden text), ``*.tika.txt``
(Apache Tika's output) and ``*.expected.csv`` (tabula's cells). Token F1 compares bags of
lower-cased word tokens, so column order does not count, only words found or lost. Speed is
measured over every readable PDF of the folder (about 27 pages), best of 3 runs. Compared:
ours (spiders.pdf, pypdfium2), pdfplumber if installed, the pdftotext CLI. (pypdf was tried
once: about 1 page/s and very noisy logs, so it is not in the table.)
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spiders.errors import SourceUnreadable  # noqa: E402
from spiders.pdf import pdf_text  # noqa: E402

REALDATA = Path(os.environ.get("VEEDURIA_REALDATA_DIR", REPO.parent / "shared" / "realdata"))
Extractor = Callable[[bytes], tuple[str, int]]


def ours(body: bytes) -> tuple[str, int]:
    result = pdf_text(body, ocr_languages="")
    return result.text, result.pages


def pdftotext(body: bytes) -> tuple[str, int]:
    done = subprocess.run(["pdftotext", "-q", "-", "-"], input=body, capture_output=True,
                          timeout=60, check=False)
    text = done.stdout.decode("utf-8", errors="replace")
    return text, text.count("\f") or 1


def pdfplumber_text(body: bytes) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(body)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages), len(pdf.pages)


def extractors() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {"ours (pypdfium2)": ours}
    try:
        __import__("pdfplumber")
        found["pdfplumber"] = pdfplumber_text
    except ImportError:
        pass
    if shutil.which("pdftotext"):
        found["pdftotext (poppler CLI)"] = pdftotext
    return found


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(got: str, want: str) -> float:
    a, b = tokens(got), tokens(want)
    tp = sum((a & b).values())
    p = tp / sum(a.values()) if a else 0.0
    r = tp / sum(b.values()) if b else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def expected_texts() -> dict[str, str]:
    folder = REALDATA / "pdf"
    found: dict[str, str] = {}
    for path in sorted(folder.glob("*.expected.txt")) + sorted(folder.glob("*.tika.txt")):
        stem = path.name.split(".")[0]
        found[stem] = path.read_text(encoding="utf-8")
    for path in sorted(folder.glob("*.expected.csv")):
        rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
        found[path.name.split(".")[0]] = " ".join(cell for row in rows for cell in row)
    return found


def readable_pdfs() -> list[bytes]:
    bodies = []
    for path in sorted((REALDATA / "pdf").glob("*.pdf")):
        try:
            pdf_text(path.read_bytes(), ocr_languages="")
        except SourceUnreadable:
            continue
        bodies.append(path.read_bytes())
    return bodies


def pages_per_second(fn: Extractor, bodies: list[bytes]) -> float:
    best = float("inf")
    pages = 0
    for _ in range(3):
        start = time.perf_counter()
        pages = sum(fn(body)[1] for body in bodies)
        best = min(best, time.perf_counter() - start)
    return pages / best


def main() -> None:
    expected = expected_texts()
    bodies = readable_pdfs()
    names = list(expected)
    print(f"{'extractor':26} | {'pages/s':>8} | " + " | ".join(f"F1 {n[:28]:28}" for n in names))
    print("-" * (40 + 33 * len(names)))
    for label, fn in extractors().items():
        rate = pages_per_second(fn, bodies)
        scores = [token_f1(fn((REALDATA / "pdf" / f"{n}.pdf").read_bytes())[0], expected[n])
                  for n in names]
        print(f"{label:26} | {rate:8.0f} | " + " | ".join(f"{s:31.3f}" for s in scores))


if __name__ == "__main__":
    main()
