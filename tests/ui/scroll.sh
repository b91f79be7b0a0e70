#!/bin/sh
# scroll.sh - the reader scrolls with the terminal's scrolling region
# (a line moved is scrolled by the terminal, not written again), and
# what the terminal then shows is what copse meant to draw: the real
# binary in a tmux pane, scrolled line by line down and back up, shows
# the same screens as the scripted app (which dumps copse's own idea of
# the screen).  A list moved with the preview beside it, too.
. "$(dirname "$0")/lib.sh"
demo
tmux_setup || { finish; exit; }

app <<'SCRIPT'
key 4
key Enter
key j j j j j j j
dump down
key k k k
dump up
key q
key j j
dump list
SCRIPT

tm new-session -d -s main -x 80 -y 24 "env PS1='$ ' sh" || { _notok "tmux starts"; finish; exit; }
tm send-keys -t main "'$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
wait_for "Next meeting" >/dev/null
tm send-keys -t main 4
wait_for "Case: The Missed Handov" >/dev/null
tm send-keys -t main Enter
wait_for "Bksp back" >/dev/null
# one key at a time, each drawn before the next: a scroll each
for i in 1 2 3 4 5 6 7; do
	tm send-keys -t main j
	wait_for "$(sed -n 24p "$T/s/down" | sed 's/ *[0-9]*%$//; s/  *$//')" >/dev/null
	sleep 0.1
done
wait_for "$(sed -n 24p "$T/s/down" | awk '{ print $NF }')" >/dev/null
sleep 0.3
tm capture-pane -p -t main | sed 's/ *$//' >"$T/s/pane-down"
normalize "$T/s/pane-down" >"$T/actual-down"
normalize "$T/s/down" >"$T/expected-down"
expect_true "scrolled down line by line, the terminal shows what copse drew" \
	cmp -s "$T/expected-down" "$T/actual-down"
cmp -s "$T/expected-down" "$T/actual-down" || diff -u "$T/expected-down" "$T/actual-down" | sed 's/^/# /'
for i in 1 2 3; do
	tm send-keys -t main k
	sleep 0.2
done
wait_for "$(sed -n 24p "$T/s/up" | awk '{ print $NF }')" >/dev/null
sleep 0.3
tm capture-pane -p -t main | sed 's/ *$//' >"$T/s/pane-up"
normalize "$T/s/pane-up" >"$T/actual-up"
normalize "$T/s/up" >"$T/expected-up"
expect_true "...and back up (the region scrolls the other way)" \
	cmp -s "$T/expected-up" "$T/actual-up"
cmp -s "$T/expected-up" "$T/actual-up" || diff -u "$T/expected-up" "$T/actual-up" | sed 's/^/# /'
tm send-keys -t main q
wait_for "Case: The Missed Handov" >/dev/null
tm send-keys -t main j
sleep 0.2
tm send-keys -t main j
wait_for "3/20" >/dev/null
sleep 0.3
tm capture-pane -p -t main | sed 's/ *$//' >"$T/s/pane-list"
normalize "$T/s/pane-list" >"$T/actual-list"
normalize "$T/s/list" >"$T/expected-list"
expect_true "a list moved with its preview beside it shows what copse drew" \
	cmp -s "$T/expected-list" "$T/actual-list"
cmp -s "$T/expected-list" "$T/actual-list" || diff -u "$T/expected-list" "$T/actual-list" | sed 's/^/# /'
tm send-keys -t main q
wait_for "EXITED:0" >/dev/null
finish
