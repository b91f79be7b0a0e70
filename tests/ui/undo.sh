#!/bin/sh
# undo.sh - u says what it undid.  d on a member with history makes them
# alumni instead of deleting them; u then gives them back the status they
# had and says so (it used to say "nothing to undo", or bring back an
# older delete instead).  Deletes and such changes are undone newest
# first.
. "$(dirname "$0")/lib.sh"
demo
c member add "Aaron New" >/dev/null
app <<'SCRIPT'
key 2
key j j j j j j
dump kwame
key d y
dump kwame-alumni
key g
key d y
dump aaron-trashed
key g j j
dump deepa
key d y
dump deepa-alumni
key u
dump undo-1
key u
dump undo-2
key u
dump undo-3
key u
dump undo-4
SCRIPT
expect_grep "Kwame is selected" "│ Kwame Mensah$" "$T/s/kwame"
expect_grep "Kwame has history: d makes him alumni" "^Kwame Mensah is alumni now" "$T/s/kwame-alumni"
expect_grep "Aaron has none: d trashes him" "^member .* moved to the trash" "$T/s/aaron-trashed"
expect_grep "Deepa is selected" "│ Deepa Raman$" "$T/s/deepa"
expect_grep "Deepa has history: d makes her alumni" "^Deepa Raman is alumni now" "$T/s/deepa-alumni"
expect_grep "u: Deepa is active again, and u says so" "^Deepa Raman is active again" "$T/s/undo-1"
expect_grep "... and the list shows her active" "^  Deepa Raman  *active  *active │" "$T/s/undo-1"
expect_true "... and Aaron is not back yet" sh -c "! grep -q 'Aaron' '$T/s/undo-1'"
expect_grep "the next u brings Aaron back from the trash" "^restored member 'Aaron New'" "$T/s/undo-2"
expect_grep "the next: Kwame is a prospect again" "^Kwame Mensah is prospect again" "$T/s/undo-3"
expect_grep "... and the list shows it" "^  Kwame Mensah  *inactive prospect │" "$T/s/undo-3"
expect_grep "then nothing is left to undo" "^nothing to undo" "$T/s/undo-4"
c member show deepa >"$T/deepa"
expect_grep "Deepa's status is stored as active" "^Status: *active" "$T/deepa"

finish
