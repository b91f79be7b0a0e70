#!/bin/sh
# claim.sh - one kept draft, two sessions of the same user: exactly one
# gets it back.  A line typed in meeting 14 was kept when its session
# died; two sessions are open on the kept-drafts screen and both press r
# (then both open the meeting): only the first has the line in its
# input, the other is told "recovered in another session", and Enter in
# both stores the line once.
. "$(dirname "$0")/lib.sh"
demo
D="$XDG_STATE_HOME/copse/drafts"
mkdir -p "$D"
ON=2025-03-06T18:10:00Z
mcreated=$(c meeting show 14 --json | sed -n 's/^  "created": "\([^"]*\)",*$/\1/p')
{
	printf 'Copse-Draft: 1\nKind: note\nContext: meeting 14\nRecord: meeting 14\n'
	printf 'Record-Created: %s\nTitle: Apologies that land\n' "$mcreated"
	printf 'Created: 2025-03-06T18:05:00Z\nDatabase: %s\nPid: 1\nHost: elsewhere\n\n' "$DB"
	printf 'd: we meet on Thursdays'
} >"$D/note-claim1.draft"

# A waits until B shows the kept draft, recovers it, then lets B go on;
# B then presses r too, and opens the meeting by hand.
cat >"$T/script.a" <<EOF
sh while [ ! -e '$T/b.listed' ]; do sleep 0.05; done
key r
dump a-back
sh touch '$T/a.took'
sh while [ ! -e '$T/b.done' ]; do sleep 0.05; done
key Enter
dump a-sent
EOF
cat >"$T/script.b" <<EOF
dump b-list
sh touch '$T/b.listed'
sh while [ ! -e '$T/a.took' ]; do sleep 0.05; done
key r
dump b-r
key 3
key /
keys "Apologies that"
key Enter
key Enter
dump b-meeting
key Enter
sh touch '$T/b.done'
EOF
for s in a b; do
	(
		mkdir -p "$T/s$s"
		cd "$T/s$s" && COPSE_NOW=$ON COPSE_SCRIPT="$T/script.$s" "$COPSE_BIN" --db "$DB" \
			</dev/null >/dev/null 2>"$T/err.$s"
		echo $? >"$T/rc.$s"
	) &
done
wait
for s in a b; do
	expect_true "session $s ends well" sh -c "[ \"\$(cat '$T/rc.$s')\" = 0 ] && [ ! -s '$T/err.$s' ]"
done
expect_grep "both sessions list the kept line at start" "line in meeting 14" "$T/sb/b-list"
expect_grep "r in the first puts the line back in its input" "^> d: we meet on Thursdays" "$T/sa/a-back"
expect_grep "r in the second says it was recovered in another session" \
	"recovered in another session" "$T/sb/b-r"
expect_true "... and the second's meeting has an empty input line" \
	sh -c "grep -q 'Apologies that land' '$T/sb/b-meeting' && ! grep -q 'we meet on Thursdays' '$T/sb/b-meeting'"
c meeting show 14 >"$T/show"
expect_true "Enter in both stores the line once" \
	test "$(grep -c 'we meet on Thursdays' "$T/show")" -eq 1
expect_true "... and the draft is gone" test ! -e "$D/note-claim1.draft"
finish
