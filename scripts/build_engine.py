"""Compile the matching engine's hot modules with mypyc, in place (optional: without a build,
matching runs on the Python sources, which stay the reference; see monitor/watch/native.py).

Usage, from the repository root with the project's venv (mypy, which holds mypyc, comes with
the test extras; a C compiler and Python's headers are needed):

    .venv/bin/python scripts/build_engine.py            # build (about two minutes)
    .venv/bin/python scripts/build_engine.py --if-stale # build unless the build is current
    .venv/bin/python scripts/build_engine.py --check    # exit 1 unless the build is current
    .venv/bin/python scripts/build_engine.py --clean    # remove the build

The extension modules land beside their sources in monitor/watch/ (git ignores them) with a
stamp of the sources' hashes: a source edited after the build makes the package import the
Python sources again, with a warning, until the next build.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.watch import native  # noqa: E402

BUILD_DIR = ROOT / "build" / "engine"


def clean(folder: Path = native.PACKAGE_DIR) -> None:
    """Remove every extension module in the package's ``folder`` (the shared library among
    them) and the stamp; never a source or a data file (terms.yaml)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for path in folder.iterdir():
        if path.name.endswith(suffixes):
            path.unlink()
    (folder / native.STAMP).unlink(missing_ok=True)
    shutil.rmtree(BUILD_DIR, ignore_errors=True)


def build() -> None:
    """Compile ``native.COMPILED`` into ``monitor/watch`` and stamp their sources."""
    from mypyc.build import mypycify  # the test extras' mypy; imported only to build
    from setuptools import Distribution

    clean()
    os.chdir(ROOT)  # mypyc names the modules from their paths
    paths = [f"monitor/watch/{name}.py" for name in native.COMPILED]
    extensions = mypycify(paths, opt_level="3", group_name=native.GROUP, multi_file=True,
                          target_dir=str(BUILD_DIR / "c"))
    # one C file per module, compiled in parallel; their shared header is written under the
    # group's package folder, which mypyc leaves off the include path of a dotted group
    for extension in extensions:
        extension.include_dirs.append(str(BUILD_DIR / "c" / Path(*native.PACKAGE.split("."))))
    # a bare Distribution: setup() would read pyproject.toml, which is not this build's
    dist = Distribution({"name": "veeduria-engine", "ext_modules": extensions})
    command = dist.get_command_obj("build_ext")
    command.inplace = True
    command.build_temp = str(BUILD_DIR / "temp")
    command.parallel = os.cpu_count() or 1
    dist.run_command("build_ext")
    native.write_stamp()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--if-stale", action="store_true", help="build unless current")
    mode.add_argument("--check", action="store_true", help="exit 1 unless the build is current")
    mode.add_argument("--clean", action="store_true", help="remove the build")
    args = parser.parse_args()
    reason = native.stale() if native.built() else "not built"
    if args.clean:
        clean()
        return 0
    if args.check or (args.if_stale and reason is None):
        print(f"compiled engine: {reason or 'current'}")
        return 0 if reason is None else 1
    try:
        build()
    except ImportError as error:
        print(f"cannot compile the engine: {error} (install the test extras)", file=sys.stderr)
        return 1
    except (SystemExit, Exception) as error:  # a compiler error: setuptools exits
        print(f"cannot compile the engine: {error}", file=sys.stderr)
        return 1
    print(f"compiled engine: built {len(native.COMPILED)} modules into {native.PACKAGE_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
