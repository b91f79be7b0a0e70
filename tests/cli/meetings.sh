#!/bin/sh
# meetings.sh - meetings, attendance, notes (quick lines) and action items.
. "$(dirname "$0")/lib.sh"

c member add "Zoë 山田" --handle zoe --status active >/dev/null
c member add "Bob Stone" --handle bob --status active >/dev/null
c member add "Cy Park" --status prospect >/dev/null

run c meeting add "Monthly circle" --at "2024-05-02 18:00" --location "Room 1"
expect "meeting add prints the id" 0 "1" ""
printf '# Agenda\n\n- check-in\n- the hard conversation\n' >"$T/agenda.md"
runin "$T/agenda.md" c meeting add "June circle" --at "2024-06-06 18:30" \
	--end "2024-06-06 20:00" --agenda-file -
expect "meeting add with agenda from stdin" 0 "2" ""
run c meeting show 1 --json
expect_json "--at is local time stored as UTC ISO" 'd["starts"] == "2024-05-02T18:00:00Z" and d["status"] == "planned"'
run env TZ=Europe/Berlin "$COPSE_BIN" --db "$DB" meeting add "Berlin" --at "2024-07-01 18:00"
expect "meeting add in another time zone" 0 "3" ""
run c meeting show 3 --json
expect_json "local 18:00 in Berlin (CEST) is 16:00 UTC" 'd["starts"] == "2024-07-01T16:00:00Z"'
run env TZ=Europe/Berlin "$COPSE_BIN" --db "$DB" meeting list
expect_true "meeting list shows local time" grep -q '2024-07-01 18:00' "$T/out"

# ---- bad input ----
run c meeting add "Bad" --at "2024-13-01 10:00"
expect "bad month" 1 "" "copse: --at '2024-13-01 10:00': not a date and time (use \"YYYY-MM-DD HH:MM\")"
run c meeting add "Bad" --at "next tuesday"
expect "not a date at all" 1 "" "copse: --at 'next tuesday': not a date and time (use \"YYYY-MM-DD HH:MM\")"
run c meeting add "Bad" --at "2024-05-02 18:00" --status maybe
expect "bad meeting status" 1 "" "copse: status 'maybe': must be one of planned|held|cancelled"
run c meeting show 99
expect "unknown meeting" 1 "" "copse: meeting 99: no such meeting"
run c meeting list --json
expect_json "failed adds wrote nothing" 'len(d) == 3'

# ---- edit ----
run c meeting edit 3 --title "Berlin circle" --location "Café Zukunft"
expect "meeting edit" 0 "" ""
run c meeting show 3 --json
expect_json "meeting edit changed only the fields given" \
	'd["title"] == "Berlin circle" and d["location"] == "Café Zukunft" and d["starts"] == "2024-07-01T16:00:00Z" and d["version"] == 2'
run c meeting edit 3 --at "31/12/2024"
expect "meeting edit with a bad date" 1 "" "copse: --at '31/12/2024': not a date and time (use \"YYYY-MM-DD HH:MM\")"
run c meeting edit 3 --status held
expect "meeting edit --status" 0 "" ""

# ---- attendance ----
run c attend 1 zoe 2
expect "attend by handle and id" 0 "" ""
run c attend 1 3 --status invited
expect "attend --status" 0 "" ""
run c attend 1 bob ghost
expect "attend with an unknown member" 1 "" "copse: member ghost: no such member"
run c attend 99 zoe
expect "attend an unknown meeting" 1 "" "copse: meeting 99: no such meeting"
run c attend 1 zoe --status asleep
expect "attend with a bad status" 1 "" "copse: attendance 'asleep': must be one of invited|accepted|declined|attended|absent"

# ---- notes ----
run c note add 1 "Opening round: everyone shared one win"
expect "note add (plain line)" 0 "1" ""
run c note add 1 "d: We meet on the first Thursday"
expect "note add: d: is a decision" 0 "2" ""
run c note add 1 "? who hosts in July"
expect "note add: ? is a question" 0 "3" ""
run c note add 1 "a: @bob book the room due 2024-05-20"
expect "note add: a: @handle makes an action" 0 "4" ""
run c note add 1 --kind decision "Rotate the facilitator"
expect "note add --kind" 0 "5" ""
run c note add --kind question 1 -- "-1 or +1?"
expect "note add: options first, -- before text" 0 "6" ""
printf 'Two lines\nof minutes\n' >"$T/note.txt"
runin "$T/note.txt" c note add 1 --kind note -
expect "note add - reads stdin" 0 "7" ""
run c note add 1 "a: @ghost do something"
expect "note add: action for an unknown handle" 1 "" "copse: member ghost: no such member"
run c note add 99 "hello"
expect "note add to an unknown meeting" 1 "" "copse: meeting 99: no such meeting"
run c note add 1 --kind rant "hello"
expect "note add with a bad kind" 1 "" "copse: note kind 'rant': must be one of note|decision|question"
run c note add 1 "   "
expect "note add with empty text" 1 "" "copse: note: the text is empty"

# ---- actions ----
run c action add "Send the minutes" --owner zoe --due 2024-05-05 --meeting 1
expect "action add" 0 "2" ""
run c action add "Find a venue" --owner 3
expect "action add without due date" 0 "3" ""
run c action add "x" --owner ghost
expect "action add: unknown owner" 1 "" "copse: member ghost: no such member"
run c action add "x" --owner zoe --due 2024-02-31
expect "action add: bad due date" 1 "" "copse: due date '2024-02-31': not a valid date (YYYY-MM-DD)"
run c action add "x" --owner zoe --meeting 42
expect "action add: unknown meeting" 1 "" "copse: meeting 42: no such meeting"
run c action add "x"
expect "action add without --owner" 2 "" "copse: action add: --owner MEMBER is required
Try 'copse --help'."

run c action list
expect "action list table" 0 "ID  STATUS  DUE         OWNER      MEETING  TITLE
 2  open    2024-05-05  Zoë 山田         1  Send the minutes
 1  open    2024-05-20  Bob Stone        1  book the room
 3  open                Cy Park             Find a venue" ""
run c action done 2
expect "action done" 0 "" ""
run c action done 77
expect "action done: unknown id" 1 "" "copse: action 77: no such action"
run c action list --open --json
expect_json "action list --open" '[a["id"] for a in d] == [1, 3]'
run c action list --json
expect_json "done action carries its time" \
	'[a for a in d if a["id"] == 2][0]["done"] == "2024-05-01T12:00:00Z" and set(["id","title","owner_id","due","done","meeting_id"]) <= set(d[0])'
run c action list --owner bob --json
expect_json "action list --owner" '[a["id"] for a in d] == [1]'

# ---- meeting show ----
PAD=$(printf '%*s' $((21 + ${#ME})) '')   # the TEXT column, after the login
run c meeting show 1
# the a: line is listed under Actions only, not again as a note
expect "meeting show: attendance, notes, actions" 0 "Meeting 1: Monthly circle
When:       2024-05-02 18:00
Location:   Room 1
Status:     planned

Attendance (3):
  Bob Stone  bob  attended
  Cy Park         invited
  Zoë 山田   zoe  attended

Notes (6):
  12:00  $ME  note      Opening round: everyone shared one win
  12:00  $ME  decision  We meet on the first Thursday
  12:00  $ME  question  who hosts in July
  12:00  $ME  decision  Rotate the facilitator
  12:00  $ME  question  -1 or +1?
  12:00  $ME  note      Two lines
${PAD}of minutes

Actions (2):
  1  open  2024-05-20  Bob Stone  book the room
  2  done  2024-05-05  Zoë 山田   Send the minutes" ""
run c meeting show 1 --json
# the JSON keeps every row: the action's line is a note the action
# names (note_id)
expect_json "meeting show --json carries attendance, notes, actions" \
	'd["id"] == 1 and len(d["attendance"]) == 3 and len(d["notes"]) == 7 and len(d["actions"]) == 2'
expect_json "attendance in JSON has names and status" \
	'sorted((a["name"], a["status"]) for a in d["attendance"]) == [("Bob Stone", "attended"), ("Cy Park", "invited"), ("Zoë 山田", "attended")]'
expect_json "notes in JSON have author, kind, body" \
	'[(n["kind"], n["body"]) for n in d["notes"]][1:3] == [("decision", "We meet on the first Thursday"), ("question", "who hosts in July")] and all(n["author"] == "'"$ME"'" for n in d["notes"])'
expect_json "stdin note kept its inner newline" 'd["notes"][6]["body"] == "Two lines\nof minutes"'
run c meeting show 2
expect "meeting show with agenda and end time" 0 "Meeting 2: June circle
When:       2024-06-06 18:30 - 2024-06-06 20:00
Status:     planned

Agenda:
  # Agenda

  - check-in
  - the hard conversation

Attendance (0):

Notes (0):

Actions (0):" ""

run c meeting list
expect "meeting list table (newest first)" 0 "ID  WHEN              STATUS   ATTENDED  NOTES  TITLE
 3  2024-07-01 16:00  held            0      0  Berlin circle (Café Zukunft)
 2  2024-06-06 18:30  planned         0      0  June circle
 1  2024-05-02 18:00  planned         2      7  Monthly circle (Room 1)" ""
run c meeting list --json
expect_json "meeting list --json" \
	'[m["id"] for m in d] == [3, 2, 1] and d[2]["attended_count"] == 2 and d[2]["note_count"] == 7 and all(set(["id","title","starts","ends","location","agenda","status"]) <= set(m) for m in d)'

finish
