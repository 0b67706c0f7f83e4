#!/usr/bin/env bash
# Sourced by the test command. Browser tests drive Debian's Chromium; Playwright's own
# browser download is not used (and cannot work on a closed network).
# Sourced: the calling script sets its own shell options.

if [ ! -x /usr/bin/chromium ]; then
  echo "[chromium] installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
export CHROMIUM_PATH=/usr/bin/chromium
echo "[chromium] $("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1)"
