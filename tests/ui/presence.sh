#!/bin/sh
# presence.sh - who is here and what they edit.  A meeting shows who is
# in it now; a record someone has open in their editor shows "✎ name,
# since 10:02" to the others (the meeting's minutes line, an entry in the
# reader), set while the editor runs and cleared after; a session whose
# process has ended, or that stopped beating, is not shown.  Editing a
# line that someone else changed meanwhile shows both versions to merge.
. "$(dirname "$0")/lib.sh"
demo
mid=$(c meeting list | awk '/Apologies that land/ { print $1 }')
ON=2025-03-06T18:10:00Z
nid=$(COPSE_NOW=$ON c note add "$mid" "the first line")
eid=$(c entry list | awk '/Apologies That Land/ { print $1 }')
dead=$(sh -c 'echo $$')

# sessions LOGIN PID PLACE EDITING SECONDS-AGO: a presence row as another
# copse would write it (the pid decides whether it still runs here)
session() {
	python3 - "$DB" "$@" <<'EOF'
import datetime, socket, sqlite3, sys
db, login, pid, place, editing, ago = sys.argv[1:7]
seen = (datetime.datetime.now(datetime.timezone.utc)
        - datetime.timedelta(seconds=int(ago))).strftime('%Y-%m-%dT%H:%M:%SZ')
c = sqlite3.connect(db)
c.execute("INSERT INTO presence(login, pid, host, seen, place, editing, since)"
          " VALUES (?, ?, ?, ?, ?, ?, ?)",
          (login, int(pid), socket.gethostname(), seen, place or None,
           editing or None, '2025-03-06T18:12:00Z' if editing else None))
c.commit()
EOF
}
session zoe $$ "meeting $mid" "note $nid" 0
session hanako $$ "" "entry $eid" 0
session amara "$dead" "meeting $mid" "" 0
session tomas $$ "meeting $mid" "" 30

COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
dump floor
key Esc
key g
dump top
key 4
key /
keys "Apologies That"
key Enter
dump list-preview
key Enter
dump reader
SCRIPT
sed -n 3p "$T/s/list-preview" >"$T/preview-top"
expect_grep "the preview beside a list says so too (e there would edit it)" \
	"│ ✎ hanako, since 18:12$" "$T/preview-top"
screen "the line zoe has in her editor says so" floor <<'EOF'
 Daily Nonviolent Living  ME · also here: hanako, zoe
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you, zoe

 [ ] Check in with Deepa: she has missed the last six meetings · Maren Holt,
     due 2025-02-26
 [ ] Prepare the agenda for "Apologies that land" · Zoë Lindqvist, due
     2025-03-03
 [ ] Invite Sofía and Kwame to the open practice night · Maren Holt, due
     2025-03-08
 [ ] Review the workplace FAQ with Deepa · Tomás Ferreira, due 2025-03-11
 [ ] Translate the listening-circle guidelines into Japanese · 山田 花子
     (Hanako Yamada), due 2025-03-31

 Minutes
 ───────
 18:10 ME       note the first line
                     ✎ zoe, since 18:12
>
Enter adds  d: decision  a: @who action  ? question  Esc log                end
EOF
screen "the meeting shows who is in it now (amara's process ended, tomas went quiet)" top <<'EOF'
 Daily Nonviolent Living  ME · also here: hanako, zoe
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 Apologies that land
 ═══════════════════

 2025-03-06 18:00-19:30 · Linden Library, room 2 · planned · on now
 Here now: you, zoe

 Agenda
 ──────

 Facilitator: Zoë

 1. Arrival round
 2. Carried over: open actions from the last meetings
 3. Practice: the parts of an apology that lands — in pairs
 4. Story: when sorry made it worse (the topic with the most votes)
 5. Harvest and check-out

 Read beforehand: the draft entry Apologies That Land.

 Attendance (0 of 9 present)
>
a type  Space mark  e edit  d delete  R answer  i invite  A agenda  ? help  top
EOF
screen "an entry open in someone's editor says so in the reader" reader <<'EOF'
 Daily Nonviolent Living  ME · also here: hanako, zoe
 1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health
 ✎ hanako, since 18:12
 Apologies That Land
 ═══════════════════

 lesson · draft · by zoe · 2025-02-25 · 1 revision

 Tags: apologies, repair

 Draft for the next meeting — comments welcome in the meeting notes.

 At the repair circle, most of us said that the apology we had wanted was not
 sorry but I understand what it cost you. This entry collects what we know so
 far.

 An apology that lands
 ─────────────────────

 1. Names what happened, specifically: I read your message out in the meeting
    without asking you.
 2. Names the impact, as a guess that can be corrected: I imagine you felt
    exposed — maybe betrayed?
Tab links  Enter follow  Bksp back  / find  e edit  ? help                  top
EOF
python3 -c '
import sqlite3, sys
sqlite3.connect(sys.argv[1]).execute("DELETE FROM presence").connection.commit()
' "$DB"

# While my editor runs the others see what I edit, and since when; after
# it, nothing.  The editor below writes down this session's presence row.
cat >"$T/spy-editor.sh" <<EOF
python3 -c '
import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute("SELECT place, editing, since IS NOT NULL FROM presence"):
    print(*r)
' "$DB" >"$T/while-editing"
sed -e 's/the first line/the first line, edited/' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
EOF
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
env EDITOR sh $T/spy-editor.sh
key e
sh python3 -c 'import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute("SELECT place, editing FROM presence").fetchone())' "$DB" >"$T/after-editing"
SCRIPT
expect_grep "while the editor runs my row says which line and since when" "^meeting $mid note $nid 1$" "$T/while-editing"
expect_grep "after it, only where I am" "^meeting $mid None$" "$T/after-editing"
expect_grep "the line is saved" "the first line, edited" "$(c meeting show "$mid" >"$T/show"; echo "$T/show")"

# Someone changes the line while I edit it: the editor comes back with
# both versions; I keep mine and theirs, and that is saved.
cat >"$T/conflict-editor.sh" <<EOF
if [ ! -f "$T/conflicted" ]; then
	touch "$T/conflicted"
	python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE note SET body = ?, version = version + 1 WHERE id = ?", ("their words", int(sys.argv[2])))
c.commit()
' "$DB" $nid
	sed -e 's/the first line, edited/my words/' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
else
	cp "\$1" "$T/merge-text"
	sed -e '/^<<<<<<<\|^=======\|^>>>>>>>/d' "\$1" >"\$1.new" && cat "\$1.new" >"\$1"
fi
EOF
COPSE_NOW=$ON app <<SCRIPT
key 3
key Enter
key Esc
env EDITOR sh $T/conflict-editor.sh
key e
dump merged
SCRIPT
expect_grep "the editor shows my version ..." "^my words$" "$T/merge-text"
expect_grep "... and theirs" "^their words$" "$T/merge-text"
c meeting show "$mid" >"$T/show"
expect_grep "what I kept of both is saved" "my words" "$T/show"
expect_grep "... theirs included" "their words" "$T/show"

finish
