#!/usr/bin/env bash
# Installs what the portal's browser tests drive: Debian's Chromium and its ChromeDriver (test tools' own browser
# downloads do not work here), and CJK fonts so screenshots of the Chinese pages show characters, not boxes.
# Run by the e2e module's Maven build before the integration tests (see e2e/pom.xml); safe to run again.
# It never fails the build: without the browser the browser tests skip and say why.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if [ "${IPDEX_BROWSER_INSTALL:-true}" = "false" ]; then
  echo "install-browser: skipped (-Dipdex.browser.install=false)"
  exit 0
fi

if have chromium && have chromedriver && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "install-browser: chromium $(chromium --version 2>/dev/null | awk '{print $2}') and chromedriver are installed"
  exit 0
fi
if ! have apt-get; then
  echo "install-browser: no apt-get here; install chromium and chromium-driver yourself to run the browser tests"
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if have sudo && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
    echo "install-browser: not root and no password-less sudo; install chromium and chromium-driver to run the browser tests"
    exit 0
  fi
fi
echo "install-browser: installing chromium, chromium-driver and fonts-noto-cjk with apt-get"
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk >/tmp/ipdex-install-browser.log 2>&1; then
  echo "install-browser: installed $(chromium --version 2>/dev/null)"
else
  echo "install-browser: apt-get could not install the browser (see /tmp/ipdex-install-browser.log); the browser tests will skip"
  tail -5 /tmp/ipdex-install-browser.log 2>/dev/null
fi
exit 0
