#!/usr/bin/env bash
# Installs every Debian package claimcheck needs to build, test and benchmark.
# Idempotent: when everything is present it only checks and exits (well under a second).
# Works as root or through sudo.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap bazel-platforms bazel-rules-java
  g++ pkg-config python3
  libabsl-dev libprotobuf-dev protobuf-compiler
  libre2-dev libhowardhinnant-date-dev libgtest-dev libgmock-dev libbenchmark-dev
  libgoogle-perftools-dev
  tzdata
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
