#!/bin/sh
# invite.sh - i on the meeting floor invites members by handle; a member
# who is alumni (has left the community) is named and asked about
# first: y invites them anyway, any other key invites nobody.  It used
# to invite them without a word.
. "$(dirname "$0")/lib.sh"
demo
# "Apologies that land" is on 2025-03-06 from 18:00 to 19:30; chloe
# (Chloé Martin) is alumni, Ingrid Solberg (11) and Kwame Mensah (10)
# prospects, none of them on its list yet
ON=2025-03-06T18:10:00Z
MID=$(c meeting list | awk '/Apologies that land/ { print $1 }')

COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key i
keys "11, chloe"
key Enter
dump asked
key n
dump refused
SCRIPT
sed -n 24p "$T/s/asked" >"$T/asked-status"
expect_grep "an alumna is named, and asked about" \
	"^Chloé Martin is alumni (no longer active): invite anyway? y/n" "$T/asked-status"
expect_grep "any key but y invites nobody" "nobody invited" "$T/s/refused"
c meeting show "$MID" --json >"$T/after"
expect_true "... so Ingrid and Chloé are still not on the list" \
	sh -c "! grep -q '\"Ingrid Solberg\"' '$T/after' && ! grep -q '\"Chloé Martin\"' '$T/after'"

COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key i
keys "11, chloe"
key Enter
key y
dump invited
SCRIPT
expect_grep "y invites them both" "2 invited" "$T/s/invited"

# the CLI shows what the floor did
c meeting show "$MID" >"$T/show"
expect_grep "... Chloé Martin is invited" "Chloé Martin .*invited" "$T/show"
expect_grep "... and Ingrid Solberg" "Ingrid Solberg .*invited" "$T/show"

# nobody alumni: no question
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
key i
keys "10"
key Enter
dump plain
SCRIPT
expect_grep "nobody alumni: invited at once" "1 invited" "$T/s/plain"

finish
