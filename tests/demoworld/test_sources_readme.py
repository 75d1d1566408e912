"""The fenced YAML examples in rules/sources/README.md load with the real source loader.

Cases: rules/sources/README.md (the real Gaceta Oficial de Bolivia, both layouts).
"""

from __future__ import annotations

import re
from pathlib import Path

from demoworld_helpers import RULES_DIR

from monitor.sources import load_sources


def test_readme_yaml_examples_load(tmp_path: Path):
    readme = (RULES_DIR / "sources" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, flags=re.S)
    assert blocks
    for number, block in enumerate(blocks):
        (tmp_path / f"example{number}.yaml").write_text(block, encoding="utf-8")
    loaded = load_sources(tmp_path, variables={})
    assert [str(e) for e in loaded.errors] == []
    assert {s.id for s in loaded.specs} == {"bo_gaceta_decretos", "bo_gaceta_todas"}
    assert all(s.start_url.startswith("https://www.gacetaoficialdebolivia.gob.bo/normas/")
               for s in loaded.specs)
