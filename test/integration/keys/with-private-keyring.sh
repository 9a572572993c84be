#!/bin/sh
# Usage (inside a fresh D-Bus session): dbus-run-session -- sh with-private-keyring.sh MODE COMMAND...
# Gives COMMAND a keyring of its own, in $XDG_DATA_HOME (the caller points it at a temp folder), so that
# locking it cannot disturb the keyring the other tests, or the person running them, are using.
#   unlocked  a login keyring, unlocked
#   locked    the same, then locked over D-Bus (what an idle timeout or a screen lock does)
#   missing   no keyring daemon started: D-Bus activation starts one that has no login collection
set -eu
mode=$1
shift

has_secret_service() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q 'boolean true'
}

if [ "$mode" = unlocked ] || [ "$mode" = locked ]; then
  printf '%s' test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  # The daemon claims its bus name after --unlock returns; a client that came first would D-Bus-activate a
  # second daemon without the unlocked keyring.
  tries=0
  until has_secret_service; do
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || { echo "gnome-keyring-daemon did not appear on the bus" >&2; exit 97; }
    sleep 0.05
  done
fi

if [ "$mode" = locked ]; then
  dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
fi

exec "$@"
