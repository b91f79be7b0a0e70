#!/bin/sh
# trash.sh - after the meeting: deleting is undoable (note delete goes to
# the trash, `copse trash` lists it, `trash restore` brings it back with
# what went with it; expired trash goes with a later write; ids are never
# reused), note edit, action edit / reopen / list --owner me, the
# `due DATE` rule of quick lines, meeting minutes and agenda history.
. "$(dirname "$0")/lib.sh"

# COPSE_NOW is Wednesday 2024-05-01 12:00 UTC.
c member add "Zoë 山田" --handle zoe --status active >/dev/null
c member add "Me Myself" --handle "$ME" --status active >/dev/null
c member add "Cy" >/dev/null
c meeting add "Listening circle" --at "2024-05-02 18:00" --end "2024-05-02 19:30" \
	--location "Room 1" >/dev/null
printf '1. Check-in\n2. The *hard* conversation\n' | c meeting edit 1 --agenda-file -
c attend 1 zoe "$ME" >/dev/null
c attend 1 3 --status declined >/dev/null
c note add 1 "d: we meet monthly" >/dev/null
c note add 1 "? who brings tea" >/dev/null
c note add 1 "Opening round" >/dev/null

# ---- the due DATE rule ----
run c note add 1 "a: @zoe book the room due friday"
expect "a: ... due friday is understood" 0 "4" ""
run c action list --json
expect_json "due friday is the coming Friday, not in the title" \
	'len(d) == 1 and d[0]["title"] == "book the room" and d[0]["due"] == "2024-05-03" and d[0]["note_id"] == 4'
run c note add 1 "a: @zoe call the library due tomorrow"
expect "due tomorrow" 0 "5" ""
run c note add 1 "a: @zoe phone Bo due Wed"
expect "due Wed (today is Wednesday: the next one)" 0 "6" ""
run c action list --json
expect_json "tomorrow and the next Wednesday" \
	'[a["due"] for a in d] == ["2024-05-02", "2024-05-03", "2024-05-08"]'
run c note add 1 "a: @zoe write the report due next week"
expect "any other due is refused" 1 "" "copse: due 'next week': not a date (use YYYY-MM-DD, today, tomorrow or a weekday)"
run c note add 1 "a: @zoe write the report due"
expect "a due without a date is refused" 1 "" "copse: due: say when (YYYY-MM-DD, today, tomorrow or a weekday)"
run c note add 1 "a: @zoe write the report due 2024-02-30"
expect "an impossible date is refused" 1 "" "copse: due date '2024-02-30': not a valid date (YYYY-MM-DD)"
run c action list --json
expect_json "refused lines wrote nothing" 'len(d) == 3'

# ---- note edit ----
run c note edit 3 "Opening round: everyone shared one *win*"
expect "note edit" 0 "" ""
printf 'who brings the tea?\n' >"$T/q.txt"
runin "$T/q.txt" c note edit 2 -
expect "note edit - reads stdin" 0 "" ""
run c meeting show 1 --json
expect_json "note edit replaced the text, kept the kind, bumped the version" \
	'd["notes"][2]["body"] == "Opening round: everyone shared one *win*" and d["notes"][2]["version"] == 2 and d["notes"][1]["body"] == "who brings the tea?" and d["notes"][1]["kind"] == "question"'
run c note edit 99 "x"
expect "note edit: unknown note" 1 "" "copse: note 99: no such note"
run c note edit 3 "  "
expect "note edit: empty text" 1 "" "copse: note: the text is empty"
run c note edit 3
expect "note edit: missing text" 2 "" "copse: note edit: missing TEXT
Try 'copse --help'."
run c note edit 4 "a: @zoe book the big room"
expect "note edit of the line an action came from points to action edit" 1 "" \
	"copse: note 4 is the line of action 1: change it with copse action edit 1"
run c meeting show 1 --json
expect_json "... and changes neither" \
	'[(n["body"], n["version"]) for n in d["notes"] if n["id"] == 4] == [("@zoe: book the room (due 2024-05-03)", 1)] and [a["title"] for a in d["actions"] if a["id"] == 1] == ["book the room"]'

# ---- note delete, the trash, restore ----
run c trash
expect "an empty trash says so" 0 "the trash is empty" ""
run c note delete 4
expect "note delete" 0 "" ""
run c action list --json
expect_json "the action of the deleted line went with it" 'sorted(a["id"] for a in d) == [2, 3]'
run c trash
w=${#ME}; [ "$w" -lt 2 ] && w=2     # the BY column is as wide as the login
expect "trash lists what was deleted, with what went with it" 0 \
"$(printf 'KIND  ID  DELETED           %-*s  UNTIL       WHAT\n' "$w" BY)
$(printf 'note   4  2024-05-01 12:00  %-*s  2024-05-31  %s' "$w" "$ME" \
	'@zoe: book the room (due 2024-05-03) (with 1 action)')" ""
run c trash --json
expect_json "trash --json" \
	'd == [{"kind": "note", "id": 4, "title": "@zoe: book the room (due 2024-05-03)", "what": "1 action", "login": "'"$ME"'", "at": "2024-05-01T12:00:00Z", "expires": "2024-05-31T12:00:00Z"}]'
run c trash restore note 4
expect "trash restore" 0 "" ""
run c action list --json
expect_json "the line's action came back with it, same id" \
	'sorted(a["id"] for a in d) == [1, 2, 3] and [a for a in d if a["id"] == 1][0]["note_id"] == 4'
run c meeting show 1 --json
expect_json "the note is back in its place" '[n["id"] for n in d["notes"]] == [1, 2, 3, 4, 5, 6]'
run c trash
expect "restored: the trash is empty again" 0 "the trash is empty" ""
run c trash restore note 4
expect "restoring what is not deleted" 1 "" "copse: note 4: is not deleted"
run c trash restore note 77
expect "restoring what never was" 1 "" "copse: note 77: not in the trash"
run c trash restore planet 4
expect "trash restore: an unknown kind" 1 "" "copse: kind 'planet': must be one of member|meeting|note|action|entry|topic"
run c trash restore note x
expect "trash restore: not an id" 2 "" "copse: id 'x': not an id (a positive number)
Try 'copse --help'."
run c trash list
expect "trash takes no sub-command word" 2 "" "copse: trash: unexpected argument 'list'
Try 'copse --help'."

# ---- ids are never reused ----
c note delete 6
run c note add 1 "a later line"
expect "the newest note deleted: its id is not given again" 0 "7" ""

# ---- kept 30 days, purged on a later write ----
run env COPSE_NOW=2024-05-31T12:00:00Z "$COPSE_BIN" --db "$DB" trash --json
expect_json "30 days later it is still there" 'len(d) == 1 and d[0]["id"] == 6'
run env COPSE_NOW=2024-06-01T12:00:00Z "$COPSE_BIN" --db "$DB" trash --json
expect_json "after 30 days it is left out" 'd == []'
run env COPSE_NOW=2024-06-01T12:00:00Z "$COPSE_BIN" --db "$DB" export --json -
expect_json "reading never writes: the row is still stored" 'len(d["trash"]) == 1'
run env COPSE_NOW=2024-06-01T12:00:00Z "$COPSE_BIN" --db "$DB" trash restore note 6
expect "an expired item cannot be restored" 1 "" "copse: note 6: not in the trash"
env COPSE_NOW=2024-06-01T12:00:00Z "$COPSE_BIN" --db "$DB" member add "Later" >/dev/null
run c export --json -
expect_json "the next write purged it" 'd["trash"] == []'

# ---- actions: edit, reopen, list --owner me ----
run c action edit 1 --title "Book the big room" --owner me --due 2024-05-10
expect "action edit" 0 "" ""
run c action list --owner me --json
expect_json "action list --owner me: the member with my login as handle" \
	'len(d) == 1 and d[0]["id"] == 1 and d[0]["title"] == "Book the big room" and d[0]["owner_handle"] == "'"$ME"'" and d[0]["due"] == "2024-05-10" and d[0]["version"] == 2'
run c meeting show 1 --json
expect_json "... and the line it came from says the same" \
	'[n["body"] for n in d["notes"] if n["id"] == 4] == ["@'"$ME"': Book the big room (due 2024-05-10)"]'
run c action edit 1 --due ""
expect "action edit --due '' clears the date" 0 "" ""
run c action list --owner me --json
expect_json "no due date any more" 'd[0]["due"] is None and d[0]["title"] == "Book the big room"'
run c action edit 1
expect "action edit with nothing to change" 2 "" "copse: action edit: nothing to change (give --title, --owner or --due)
Try 'copse --help'."
run c action edit 1 --due 2024-13-01
expect "action edit: a bad date" 1 "" "copse: due date '2024-13-01': not a valid date (YYYY-MM-DD)"
run c action edit 1 --owner ghost
expect "action edit: an unknown owner" 1 "" "copse: member ghost: no such member"
run c action edit 99 --title "x"
expect "action edit: an unknown action" 1 "" "copse: action 99: no such action"
run c action edit 1 --title "  "
expect "action edit: an empty title" 1 "" "copse: action title: must not be empty"
c action done 1
run c action list --open --owner me --json
expect_json "done: not open" 'd == []'
run c action reopen 1
expect "action reopen" 0 "" ""
run c action list --open --owner me --json
expect_json "reopened: open again" 'len(d) == 1 and d[0]["done"] is None'
run c action reopen 99
expect "action reopen: unknown" 1 "" "copse: action 99: no such action"
run env COPSE_NOW=2024-05-01T12:00:00Z "$COPSE_BIN" --db "$T/other.db" action list --owner me
expect "--owner me without a member of my login" 1 "" "copse: member me: no member has your login '$ME' as handle"

# ---- meeting minutes ----
run c meeting minutes 1
expect "meeting minutes: Markdown with agenda, attendance, decisions, actions, questions, notes" 0 \
"# Listening circle

2024-05-02 18:00 to 19:30, Room 1 (planned)

## Agenda

1. Check-in
2. The *hard* conversation

## Attendance

- **Present:** Me Myself, Zoë 山田
- **Declined:** Cy

## Decisions

- we meet monthly ($ME, 12:00)

## Actions

- [ ] Book the big room (Me Myself)
- [ ] call the library (Zoë 山田, due 2024-05-02)

## Questions

- who brings the tea? ($ME, 12:00)

## Notes

- Opening round: everyone shared one *win* ($ME, 12:00)
- a later line ($ME, 12:00)" ""
run c meeting minutes 99
expect "meeting minutes: unknown meeting" 1 "" "copse: meeting 99: no such meeting"
c meeting add "Empty" --at "2024-06-01 10:00" >/dev/null
run c meeting minutes 2
expect "minutes of a meeting with nothing in it" 0 "# Empty

2024-06-01 10:00 (planned)" ""

# ---- agendas keep revisions ----
run c meeting history 1 --json
expect_json "meeting history: every saved agenda, newest first" \
	'[r["version"] for r in d] == [2, 1] and d[0]["agenda"] == "1. Check-in\n2. The *hard* conversation\n" and d[1]["agenda"] == "" and d[0]["author"] == "'"$ME"'"'
run c meeting history 1
expect "meeting history as text" 0 "Version 2, 2024-05-01 12:00 by $ME: Listening circle
  1. Check-in
  2. The *hard* conversation

Version 1, 2024-05-01 12:00 by $ME: Listening circle" ""

# ---- the trash travels in export / import, exactly ----
c note delete 7
run c export --json "$T/one.json"
expect "export with something in the trash" 0 "" ""
run "$COPSE_BIN" --db "$T/two.db" import --json "$T/one.json"
expect "import it into an empty database" 0 "" ""
run "$COPSE_BIN" --db "$T/two.db" export --json "$T/two.json"
expect_true "export -> import -> export is identical, trash included" cmp "$T/one.json" "$T/two.json"
run "$COPSE_BIN" --db "$T/two.db" trash restore note 7
expect "what was in the trash can be restored after the import" 0 "" ""
run "$COPSE_BIN" --db "$T/two.db" note add 1 "after the import"
expect "no id is given out twice after an import either" 0 "8" ""

# ---- what went with a deleted row keeps its id: restore never clashes ----
# (deleting an entry or a member is done in the app: a scripted session)
D3="$T/three.db"
c3() { "$COPSE_BIN" --db "$D3" "$@"; }
app3() { # KEYS...: press them in the app, then quit
	: >"$T/keys.script"
	for k in "$@"; do echo "key $k" >>"$T/keys.script"; done
	echo quit >>"$T/keys.script"
	(COPSE_SCRIPT="$T/keys.script" LINES=24 COLUMNS=80 TERM=xterm "$COPSE_BIN" --db "$D3" \
		</dev/null >/dev/null 2>"$T/app.err")
}
c3 entry add "Tea later" >/dev/null
c3 entry used 1 --outcome "worked" >/dev/null
app3 4 d y
run c3 trash --json
expect_json "the entry went to the trash with its use report" \
	'[(t["kind"], t["id"], t["what"]) for t in d] == [("entry", 1, "1 revision and 1 use report")]'
c3 entry add "Tea first" >/dev/null
run c3 entry used 2
expect "a use report on another entry" 0 "" ""
run c3 trash restore entry 1
expect "the entry comes back although a report was added since" 0 "" ""
run c3 entry show 1 --json
expect_json "...with its own use report" 'd["uses"] == 1'
c3 member add "Temp Person" >/dev/null
app3 2 d y
c3 member add "Temp2" >/dev/null
run c3 trash restore member 1
expect "a member comes back although another was added since" 0 "" ""
run c3 member list --json
expect_json "...both are there" 'sorted(m["name"] for m in d) == ["Temp Person", "Temp2"]'

finish
