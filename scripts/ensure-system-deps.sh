#!/usr/bin/env bash
# Makes sure what `npm test` needs is on this machine before any test runs:
# the system packages (Debian) and the npm dependencies. As root it installs
# what is missing with apt; otherwise it stops at once and names the command.
set -euo pipefail
cd "$(dirname "$0")/.."

# command that proves the package is there  →  Debian package that provides it
declare -A NEEDED=(
  [/usr/bin/chromium]=chromium
  # Label and report PDFs are checked with pdftotext, pdfinfo and pdffonts.
  [/usr/bin/pdftotext]=poppler-utils
  # The HTTPS check's test makes a self-signed certificate at run time.
  [/usr/bin/openssl]=openssl
  # The device lab (tests/lab): real snmpd/sshd in network namespaces, snmpsim
  # with recorded device walks, and the client tools its self-test uses.
  [/usr/sbin/snmpd]=snmpd
  [/usr/bin/snmpget]=snmp
  [/usr/sbin/sshd]=openssh-server
  [/usr/bin/ssh]=openssh-client
  [/usr/bin/fping]=fping
  [/usr/bin/ping]=iputils-ping
  [/usr/bin/snmpsimd]=snmpsim
  [/usr/bin/parallel-ssh]=pssh
  [/usr/bin/sshpass]=sshpass
  [/usr/sbin/ip]=iproute2
  # The sync server's tests run against a private PostgreSQL cluster they create.
  [/usr/bin/pg_createcluster]=postgresql
)

missing=()
for probe in "${!NEEDED[@]}"; do
  [ -x "$probe" ] || missing+=("${NEEDED[$probe]}")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages the tests need: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages for the tests: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

# A fresh clone has no node_modules yet; the lockfile pins everything.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
