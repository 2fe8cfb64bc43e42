#!/usr/bin/env bash
# Installs the Debian packages the test suite uses, only when they are missing, so a warm
# machine stays fast: LibreOffice Calc (the real-spreadsheet test), poppler-utils (PDF → PNG)
# and Chromium (the task pane in a real browser, driven by playwright-core).
set -euo pipefail
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "journey-scorecard tests need: ${need[*]} (apt-get install them as root)" >&2; exit 1; }
  sudo=sudo
fi
echo "Installing test tools: ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
