#!/usr/bin/env bash
# Install the Debian packages the portal needs, when missing and permitted.
#   scripts/system-deps.sh run    gettext (compiling the translation catalogues), and Pango, HarfBuzz and the
#                                 Noto fonts for WeasyPrint (`make run` renders entry PDFs and certificates
#                                 eagerly): CJK, and noto-core for the other scripts names are written in
#                                 (Arabic, Hebrew, Thai, Devanagari, …)
#   scripts/system-deps.sh test   + chromium, poppler (pdftotext reads the PDFs back), redis-server, and a
#                                 headless Java runtime for the Nu HTML Checker (vnu.jar, tests/browser/test_markup.py)
# Permitted: running as root (or with passwordless sudo) and ALLOW_APT is not 0.
set -euo pipefail
mode=${1:-run}
packages=(gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-noto-core)
if [ "$mode" = test ]; then
  packages+=(chromium poppler-utils redis-server default-jre-headless)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "${ALLOW_APT:-1}" != 0 ] && command -v apt-get >/dev/null; then
  if [ "$(id -u)" = 0 ]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else sudo=(none); fi
  if [ "${sudo[0]:-}" != none ]; then
    echo "Installing system packages: ${missing[*]}"
    # Services are not started by package scripts here (the tests start their own).
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    exit 0
  fi
fi
echo "Missing system packages: ${missing[*]} (install them with apt-get, or run as root)." >&2
if [ "$mode" = run ] || [ "${REQUIRE_SERVICES:-0}" = 1 ]; then exit 1; fi
echo "Continuing: tests that need them are skipped." >&2
