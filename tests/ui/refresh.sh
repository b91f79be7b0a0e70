#!/bin/sh
# refresh.sh - another session's change reaches only the views that show
# it: a line added to some meeting's minutes leaves the Repertoire (and
# its preview) alone while Home shows it; keys that come faster than the
# screen (a held j) make only the preview wait; the meeting floor applies a
# new, edited, deleted and restored line by id and version, reading and
# rendering that line alone.  What the views read is traced by
# COPSE_TRACE (tests/ui/README).
. "$(dirname "$0")/lib.sh"
demo
export COPSE_TRACE="$T/trace"
C="$COPSE_BIN --db $DB"
# the demo's lines are 1..52: the next ones get 53 and 54
app <<SCRIPT
key 4
sh echo mark-held-j >>"$T/trace"
key j j j j
dump held-j
sh echo mark-note-elsewhere >>"$T/trace"
sh $C note add 12 "zq a line in another meeting" >/dev/null
tick
dump repertoire
key 1
dump home
key 3
key j j
key Enter
key G
sh echo mark-floor-add >>"$T/trace"
sh $C note add 13 "zq said while you read" >/dev/null
tick
dump floor-added
sh echo mark-floor-edit >>"$T/trace"
sh $C note edit 54 "zq said again, better" >/dev/null
tick
dump floor-edited
sh echo mark-floor-delete >>"$T/trace"
sh $C note delete 54 >/dev/null
tick
dump floor-deleted
sh echo mark-floor-restore >>"$T/trace"
sh $C trash restore note 54 >/dev/null
tick
dump floor-restored
SCRIPT

# the trace between two marks
between() { sed -n "/^$1\$/,/^$2\$/p" "$T/trace"; }
between mark-held-j mark-note-elsewhere >"$T/held"
expect_true "a held j moves the list; the preview waits for the last key" \
	sh -c "[ \$(grep -c '^load preview' '$T/held') -eq 1 ]"
expect_grep "...and then shows the entry selected" \
	"Apologies That Land  *draft │ Consequences Instead of Punishment" "$T/s/held-j"
expect_grep "...the fifth" "5/20$" "$T/s/held-j"
between mark-note-elsewhere mark-floor-add >"$T/elsewhere"
expect_grep "the other session's note is seen as a change to notes" "^changed 0x4$" "$T/elsewhere"
expect_true "...and the Repertoire is not read again" \
	sh -c "! sed -n '1,/^load list Home/p' '$T/elsewhere' | grep -q -e 'load list Repertoire' -e 'load preview'"
expect_grep "...nor was its screen drawn otherwise" "Apologies That Land" "$T/s/repertoire"
expect_grep "Home, which shows what is new, reads it when shown" "^load list Home" "$T/elsewhere"
expect_grep "...with the line" "added note zq a line in" "$T/s/home"

between mark-floor-add mark-floor-edit >"$T/add"
expect_grep "a new line: read alone, the others kept" \
	"^load floor 13: 1 new, 0 changed, 0 gone, 4 kept$" "$T/add"
expect_grep "...and rendered alone" "^lay out floor 13: 1 of 5 lines rendered$" "$T/add"
expect_grep "...and shown" "zq said while you read" "$T/s/floor-added"
between mark-floor-edit mark-floor-delete >"$T/edit"
expect_grep "an edited line: read again by its version" \
	"^load floor 13: 0 new, 1 changed, 0 gone, 4 kept$" "$T/edit"
expect_grep "...rendered alone" "^lay out floor 13: 1 of 5 lines rendered$" "$T/edit"
expect_grep "...and shown as edited" "zq said again, better" "$T/s/floor-edited"
between mark-floor-delete mark-floor-restore >"$T/delete"
expect_grep "a deleted line is dropped, nothing read" \
	"^load floor 13: 0 new, 0 changed, 1 gone, 4 kept$" "$T/delete"
expect_grep "...nothing rendered" "^lay out floor 13: 0 of 4 lines rendered$" "$T/delete"
expect_true "...and it is gone from the screen" sh -c "! grep -q 'zq said' '$T/s/floor-deleted'"
sed -n '/^mark-floor-restore$/,$p' "$T/trace" >"$T/restore"
expect_grep "a restored line comes back by its id" \
	"^load floor 13: 1 new, 0 changed, 0 gone, 4 kept$" "$T/restore"
expect_grep "...and is shown" "zq said again, better" "$T/s/floor-restored"
finish
