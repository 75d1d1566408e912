# shellcheck shell=bash
# Shared steps of scripts/test and scripts/demo: apt packages, the .venv, the project install.
#
# Sourced, never run. Needs: bash, cwd = repo root. Each function returns non-zero on failure
# by itself (set -e does not apply inside a function called as `f || ...`).
# Functions: log, missing_apt PKG..., ensure_apt PKG..., ensure_venv, ensure_project EXTRAS,
# ensure_engine.

VEEDURIA_VENV="${VEEDURIA_VENV:-.venv}"
export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
_APT_UPDATED=""

log() { printf '==> %s\n' "$*" >&2; }

_pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Print the packages among the arguments that are not installed.
missing_apt() {
  local pkg
  for pkg in "$@"; do
    _pkg_installed "$pkg" || printf '%s\n' "$pkg"
  done
}

# Install the named Debian packages that are missing; `apt-get update` at most once.
ensure_apt() {
  local -a missing
  mapfile -t missing < <(missing_apt "$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    log "missing packages ${missing[*]} and no apt-get here; install them by hand"
    return 1
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -z "$_APT_UPDATED" ]; then
    log "apt-get update (missing: ${missing[*]})"
    $sudo apt-get update -qq || return 1
    _APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null || return 1
}

# Debian's python3 needs python3-venv for `python3 -m venv`.
ensure_venv() {
  if [ -x "$VEEDURIA_VENV/bin/python" ]; then
    return 0
  fi
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    ensure_apt python3-venv || return 1
  fi
  log "creating $VEEDURIA_VENV"
  python3 -m venv "$VEEDURIA_VENV" || return 1
  "$VEEDURIA_VENV/bin/python" -m pip install -q -U pip || return 1
}

_project_hash() {
  sha256sum pyproject.toml | cut -d' ' -f1
}

# Editable install of the project with EXTRAS ("" or "test"), skipped while the stamp in the
# venv says pyproject.toml is unchanged since the last install of at least those extras.
ensure_project() {
  local extras="${1:-}" stamp="$VEEDURIA_VENV/.veeduria-install-stamp" want have=""
  want="$(_project_hash)"
  [ -f "$stamp" ] && have="$(cat "$stamp")"
  if [ "$have" = "$want test" ] || [ "$have" = "$want $extras" ]; then
    return 0
  fi
  local spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  log "pip install -e '$spec' (pyproject.toml changed or first install)"
  "$VEEDURIA_VENV/bin/python" -m pip install -q -e "$spec" || return 1
  printf '%s %s\n' "$want" "$extras" >"$stamp"
}

# The matching engine compiled with mypyc (scripts/build_engine.py; mypy comes with the test
# extras), unless the build is current. Fails when it cannot be built.
ensure_engine() {
  "$VEEDURIA_VENV/bin/python" scripts/build_engine.py --check >/dev/null 2>&1 && return 0
  log "compiling the matching engine (scripts/build_engine.py, about two minutes)"
  "$VEEDURIA_VENV/bin/python" scripts/build_engine.py >/dev/null || return 1
}
