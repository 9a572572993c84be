#!/bin/sh
# Runs the keychain tests against a real gnome-keyring that is theirs alone: a D-Bus session of their own and
# a keyring in a temp folder, so they never read, write or lock the keyring of whoever runs them.
# Usage: sh test/integration/keys/run.sh [extra vitest arguments]
set -eu
cd "$(dirname "$0")/../../.."
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
unset GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS
XDG_DATA_HOME=$data dbus-run-session -- sh test/integration/keys/with-private-keyring.sh unlocked \
  npx vitest run --project integration test/integration/keys "$@"
