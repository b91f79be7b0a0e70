#!/bin/sh
# hostile.sh - the app and text written to hurt: an edit that empties an
# entry's text asks before it saves; a NUL byte from the editor is
# refused, not cut; Markdown stored before copse refused it is shown as
# plain text with a note, without a wait.
. "$(dirname "$0")/lib.sh"
FE="sh $(cd "$(dirname "$0")/../tools" && pwd)/fake-editor.sh"

c init --name Hostile >/dev/null
printf 'Some text worth keeping.\n' | c entry add "Keep me" --file - >/dev/null
c entry add "Old costly" >/dev/null
python3 - "$DB" "$T" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE entry SET body = ? WHERE id = 2", ("Intro\n\n" + "![[]()" * 11000,))
c.commit()
t = sys.argv[2]
open(t + "/nul.txt", "wb").write(b"Title: Keep me\nKind: lesson\n\nBefore\0after\n")
EOF
body() { "$COPSE_BIN" --db "$DB" entry show 1 --raw; }

app <<SCRIPT
key 4
key g
env EDITOR $FE sed '/^\$/,\$d'
key e
dump asked
key n
dump declined
sh $COPSE_BIN --db $DB entry show 1 --raw >$T/after-no
key e
key y
dump saved
sh $COPSE_BIN --db $DB entry show 1 --raw >$T/after-yes
sh printf 'Back again.\n' | $COPSE_BIN --db $DB entry edit 1 --file - >/dev/null
tick
env EDITOR $FE copy $T/nul.txt
key e
dump nul
sh $COPSE_BIN --db $DB entry show 1 --raw >$T/after-nul
key j
key Enter
dump plain
SCRIPT

expect_grep "emptying an entry's text asks first" \
	'Save entry 1 with its text emptied? y/n' "$T/s/asked"
expect_true "n keeps the stored text" grep -q '^Some text worth keeping\.$' "$T/after-no"
expect_grep "and says so, keeping no emptied draft" 'entry 1 not saved; its stored text stays' "$T/s/declined"
expect_true "y saves it empty" test ! -s "$T/after-yes"
expect_grep "a NUL from the editor is refused, naming its line" \
	'line 4 holds a NUL byte; nothing saved' "$T/s/nul"
expect_true "and nothing was cut or saved" grep -q '^Back again\.$' "$T/after-nul"
expect_grep "an old costly body is shown as plain text with a note" \
	'Shown as plain text, since laying it out as Markdown' "$T/s/plain"
expect_grep "and its text is there" '!\[\[\]()!\[\[\]()' "$T/s/plain"

[ -n "${KEEP_DUMPS:-}" ] && cp -r "$T/s" "$KEEP_DUMPS"
finish
