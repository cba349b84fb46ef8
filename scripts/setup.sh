#!/usr/bin/env bash
# Installs what dossier needs on a fresh Debian machine with a Rust toolchain:
#   - typst-cli 0.15.x (built with `cargo install --locked` when no suitable
#     typst is on PATH; 10–20 minutes the first time),
#   - with --test: poppler-utils (pdftotext, pdfinfo, pdftoppm) for the tests.
# Safe to run again: it only installs what is missing.
set -euo pipefail

TYPST_VERSION=0.15.1
export PATH="$HOME/.cargo/bin:$PATH"

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

typst_ok() {
  local bin="${DOSSIER_TYPST:-typst}"
  command -v "$bin" >/dev/null 2>&1 || return 1
  "$bin" --version 2>/dev/null | grep -Eq '^typst 0\.15\.'
}

if typst_ok; then
  echo "setup: $(${DOSSIER_TYPST:-typst} --version) found"
else
  echo "setup: installing typst-cli $TYPST_VERSION with cargo (10–20 minutes the first time)…"
  cargo install --locked typst-cli --version "$TYPST_VERSION"
fi

need_apt=()
if [ "$want_test" = 1 ]; then
  command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || need_apt+=(poppler-utils)
fi
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}…"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
echo "setup: done"
