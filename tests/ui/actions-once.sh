#!/bin/sh
# actions-once.sh - an action typed as a line ("a: @zoe send the poll")
# is listed once: in the meetings preview under Actions, not again under
# Notes as "@zoe: send the poll" (it used to be both); the floor's log
# shows it as one line of kind action.
. "$(dirname "$0")/lib.sh"
demo
ON=2025-03-06T18:10:00Z
MID=$(c meeting list | awk '/Apologies that land/ { print $1 }')
COPSE_NOW=$ON c note add "$MID" "a: @zoe send the poll due 2025-03-07" >/dev/null
COPSE_NOW=$ON c note add "$MID" "d: we meet monthly" >/dev/null

COPSE_NOW=$ON app <<SCRIPT
resize 100 50
key 3
dump preview
resize 80 24
key Enter
dump floor
SCRIPT
expect_true "the preview lists the action once" \
	sh -c "[ \$(grep -c 'send the poll' '$T/s/preview') -eq 1 ]"
expect_grep "... under Actions" "send the poll (Zoë Lindqvist.*, due 2025-03-07)" "$T/s/preview"
expect_grep "... and the decision under Notes" "Decision: we meet monthly" "$T/s/preview"
expect_true "the floor's log shows it once" \
	sh -c "[ \$(grep -c 'send the poll' '$T/s/floor') -eq 1 ]"
expect_grep "... as a line of kind action" " action  *\[ \] @zoe: send the poll" "$T/s/floor"

finish
