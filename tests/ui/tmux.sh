#!/bin/sh
# tmux.sh - the whole path in a real terminal: the real binary in a tmux
# pane of 80x24 draws the demo's Home panel, takes keys, and on q (and on
# SIGTERM) leaves the alternate screen with the terminal modes restored.
. "$(dirname "$0")/lib.sh"
demo
tmux_setup || { finish; exit; }

tm new-session -d -s main -x 80 -y 24 "env PS1='$ ' sh" || { _notok "tmux starts"; finish; exit; }
tm send-keys -t main "stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon >'$T/stty-before'" Enter
tm send-keys -t main "'$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
expect_true "the app draws the Home panel in a real terminal" wait_for "Next meeting"
sed -n 2p "$T/pane" >"$T/tabs"
expect_grep "with the tab bar on line 2" "^ 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health" "$T/tabs"
expect_true "the alternate screen is on" test "$(tm display -p -t main '#{alternate_on}')" = 1
tm send-keys -t main 4
expect_true "keys work: 4 shows the Repertoire" wait_for "Case: The Missed Handov"
tm resize-window -t main -x 40 -y 12
expect_true "a real resize (KEY_RESIZE) lays out again at 40x12" wait_for " 1 Hom 2 Mem 3 Mee"
tm resize-window -t main -x 30 -y 10
expect_true "below 40x12 the app says the terminal is too small" wait_for "Terminal too small"
tm resize-window -t main -x 80 -y 24
expect_true "and is back in full at 80x24" wait_for " 1 Home  2 Members  3 Meetings"
tm send-keys -t main q
expect_true "q quits with status 0" wait_for "EXITED:0"
expect_true "the alternate screen is left" test "$(tm display -p -t main '#{alternate_on}')" = 0
expect_true "the app's screen is gone" sh -c "! grep -q 'Next meeting' '$T/pane'"
tm send-keys -t main "stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon >'$T/stty-after'; echo STTY-\"\"DONE" Enter
# The marker is typed with quotes in it, so only the output (not the
# echoed command line) matches: stty-after is written by then.
wait_for STTY-DONE >/dev/null
expect_true "echo and canonical mode are restored" cmp -s "$T/stty-before" "$T/stty-after"

# SIGTERM: the handler only sets a flag; the loop leaves cleanly.
tm send-keys -t main "clear; '$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
wait_for "Next meeting" >/dev/null
pid=$(pane_pid_of main)
if [ -n "$pid" ]; then kill -TERM "$pid"; fi
expect_true "SIGTERM ends the app through the normal exit" wait_for "EXITED:0"
expect_true "... leaving the alternate screen" test "$(tm display -p -t main '#{alternate_on}')" = 0

# Under `su -c` or `setsid` the pty is not copse's controlling terminal,
# so no SIGWINCH comes when it is resized: the size is looked at anyway.
tm send-keys -t main "clear; setsid -w '$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
wait_for "Next meeting" >/dev/null
tm resize-window -t main -x 40 -y 12
expect_true "without a controlling terminal a resize still lays out again" \
	wait_for " 1 Hom 2 Mem 3 Mee"
tm resize-window -t main -x 80 -y 24
expect_true "... and back at 80x24" wait_for " 1 Home  2 Members  3 Meetings"
tm send-keys -t main q
wait_for "EXITED:0" >/dev/null

# SIGHUP (the SSH connection drops) while a note line is typed: the line
# is kept as a draft; the next start lists it and r puts it back.
tm send-keys -t main "clear; '$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
wait_for "Next meeting" >/dev/null
tm send-keys -t main 3 Enter
wait_for "Attendance" >/dev/null
tm send-keys -t main a
tm send-keys -t main -l "half typed line"
wait_for "> half typed line" >/dev/null
pid=$(pane_pid_of main)
if [ -n "$pid" ]; then kill -HUP "$pid"; fi
expect_true "SIGHUP ends the app cleanly" wait_for "EXITED:0"
expect_true "the typed line is kept in a private draft" \
	sh -c "grep -l 'half typed line' '$XDG_STATE_HOME'/copse/drafts/note-*.draft >/dev/null"
tm send-keys -t main "clear; '$COPSE_BIN' --db '$DB'; echo EXITED:\$?" Enter
expect_true "the next start lists the kept line" wait_for "line in meeting"
tm send-keys -t main r
expect_true "r opens its meeting with the line back in the input" wait_for "> half typed line"
expect_true "... saying so" wait_for "your unsent line is back"
tm send-keys -t main Enter
wait_for "line added" >/dev/null
tm send-keys -t main q q
wait_for "EXITED:0" >/dev/null
c meeting show "$(c meeting list | awk '/Apologies that land/ { print $1 }')" >"$T/show"
expect_grep "Enter saves it in the meeting" "half typed line" "$T/show"
expect_true "and the draft is gone" \
	sh -c "! grep -l 'half typed line' '$XDG_STATE_HOME'/copse/drafts/* >/dev/null 2>&1"
finish
