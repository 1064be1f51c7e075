#!/usr/bin/env bash
# Installs every Debian 12 package hgdrill needs to build, test and render (idempotent; root or sudo).
set -euo pipefail
pkgs=(
  build-essential cmake pkg-config git
  libsimgrid-dev libboost-graph-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
  libsqlite3-dev sqlite3 libgdal-dev libosmium2-dev libprotozero-dev zlib1g-dev libbz2-dev libexpat1-dev
  libsfml-dev catch2 xvfb xauth fonts-noto-cjk ffmpeg
  clang libclang-rt-14-dev python3
  libcpp-httplib-dev libssl-dev libbrotli-dev chromium chromium-driver
  libopenmpi-dev openmpi-bin
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "hgdrill: all ${#pkgs[@]} packages already installed"
  exit 0
fi
echo "hgdrill: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
