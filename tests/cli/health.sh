#!/bin/sh
# health.sh - copse health (text, --markdown, --json, --at), assess,
# suggest and suggest dismiss, member list --knows, member note, topic
# show/edit/unvote/link and brief, on a small community whose every
# level and suggestion is known.
. "$(dirname "$0")/lib.sh"
# Now is 2024-05-01T12:00:00Z (lib.sh); the window is 180 days.

at() { _t=$1; shift; COPSE_NOW=$_t "$COPSE_BIN" --db "$DB" "$@"; }
c init --name "Circle" >/dev/null
at 2024-01-10T10:00:00Z member add "Ana Ros" --handle ana --status active --role coordinator \
	--expertise mediation >/dev/null                                   # 1
at 2024-01-10T10:00:00Z member add "Ben Li" --handle ben --status active \
	--interest mediation,gardening >/dev/null                          # 2
at 2024-01-10T10:00:00Z member add "Cy Dorn" --handle "$ME" --status active \
	--expertise gardening >/dev/null                                   # 3
at 2024-01-10T10:00:00Z member add "Dot Po" --status prospect --interest gardening >/dev/null  # 4
at 2024-01-10T10:00:00Z member add "Eli Old" --handle eli --status active --interest mediation >/dev/null  # 5
at 2024-03-01T10:00:00Z member edit eli --status alumni
at 2024-01-10T10:00:00Z meeting add "Circle one" --at "2024-02-01 18:00" --status held >/dev/null
at 2024-01-10T10:00:00Z meeting add "Circle two" --at "2024-03-01 18:00" --status held >/dev/null
at 2024-01-10T10:00:00Z meeting add "Circle three" --at "2024-05-20 18:00" >/dev/null
c attend 1 ben >/dev/null
c attend 2 ben >/dev/null
c attend 1 3 >/dev/null

# ---- health ----
run c health --json
expect_json "health --json lists members with name and level" \
	'[(m["name"], m["level"]) for m in d["members"]] == [("Ana Ros", "core"), ("Ben Li", "core"), ("Cy Dorn", "active"), ("Dot Po", "inactive")]'
expect_json "each level comes with its explanation" \
	'[m["explanation"] for m in d["members"]] == ["core: coordinator", "core: attended 2 of 2 meetings in the last 180 days", "active: attended 1 of 2 meetings in the last 180 days", "inactive: nothing in the last 365 days (no login handle: only attendance counts)"]'
expect_json "the mix, against the usual shape" \
	'd["mix"] == {"core": 2, "active": 1, "peripheral": 0, "inactive": 1} and d["usual"]["core"] == [10, 15]'
expect_json "the funnel counts who reached each stage" \
	'd["funnel"]["prospect"] == {"reached": 5, "reached_in_window": 5, "now": 1} and d["funnel"]["alumni"]["reached"] == 1 and d["funnel"]["active"]["now"] == 3'
expect_json "meetings: held, rhythm, next" \
	'd["meetings"]["held_in_window"] == 2 and d["meetings"]["average_gap_days"] == 29 and d["meetings"]["next"]["title"] == "Circle three"'
expect_json "trends: attendance per meeting" \
	'[(x["day"], x["attended"]) for x in d["trends"]["attendance"]] == [("2024-02-01", 2), ("2024-03-01", 1)]'
expect_json "no assessment yet" 'd["assessment"] is None and d["moves"]["since_assessment"] is None'

run c health
expect_exit "health prints a report" 0
expect_true "the report says the mix and the usual shape" \
	grep -qx "• core: 2 (50 %), usual 10–15 %, \*\*above\*\*\|• core: 2 (50 %), usual 10–15 %, above" "$T/out"
expect_true "the report lists the core group with why" grep -qx "• Ben Li: attended 2 of 2 meetings in the last 180 days" "$T/out"
expect_true "the report has sparklines" grep -q "attendance at the last 2 meetings: █▅ (1 to 2)" "$T/out"
expect_true "the report says the next meeting" grep -q "next: Circle three on 2024-05-20 18:00" "$T/out"
run c health --markdown
expect_true "--markdown is Markdown" grep -qx "## Participation" "$T/out"
expect_true "--markdown keeps the sparkline in code" grep -q '`█▅`' "$T/out"
run c health --markdown --json
expect "--json and --markdown together are a usage error" 2 "" \
	"copse: health: --json or --markdown, not both
Try 'copse --help'."
run c health --at yesterday
expect "--at must be a date" 1 "" "copse: --at 'yesterday': not a date (use YYYY-MM-DD)"

# levels at an earlier date: on 2024-02-15 only Circle one was held, and Eli was no alumnus yet
run c health --json --at 2024-02-15
expect_json "health --at: levels then" \
	'[(m["name"], m["level"]) for m in d["members"]] == [("Ana Ros", "core"), ("Ben Li", "core"), ("Cy Dorn", "core"), ("Dot Po", "inactive"), ("Eli Old", "inactive")] and d["at"] == "2024-02-15T23:59:59Z"'
expect_json "health --at: the funnel then" \
	'd["funnel"]["alumni"]["reached"] == 0 and d["funnel"]["active"]["now"] == 4'

# reading never writes: not even a read-only user's copy changes
cp "$DB" "$T/before.db"
run c health --json
expect_true "health changes nothing in the file" cmp -s "$DB" "$T/before.db"

# ---- assess ----
run c assess --domain 3 --community 6 --practice 2
expect "a score out of range is refused" 1 "" "copse: community score 6: must be 1 to 5"
run c assess --domain x --community 3 --practice 2
expect "a score must be a number" 1 "" "copse: --domain 'x': not a number (1 to 5)"
run c assess --domain 3 --practice 2
expect "every score is required" 2 "" "copse: assess: --community N is required
Try 'copse --help'."
run c assess --domain 3 --community 3 --practice 2 --story someday "It will help"
expect "a story's cycle is checked" 1 "" \
	"copse: story cycle 'someday': must be one of immediate|potential|applied|realized|reframing"
run c health --json
expect_json "refused assessments left nothing" 'd["assessment"] is None'
printf 'We **grew** a little.\n' >"$T/stories.md"
run c assess --domain 3 --community 4 --practice 2 --summary "Slow spring" \
	--story applied "Ben used mediation at work" --story reframing "Conflict as data" \
	--file "$T/stories.md"
expect "assess prints the new id" 0 "1" ""
run at 2024-05-02T12:00:00Z assess --domain 4 --community 4 --practice 3
expect "a second assessment" 0 "2" ""
run at 2024-05-02T13:00:00Z health --json
expect_json "the last assessment, compared with the one before" \
	'd["assessment"]["domain"] == 4 and d["previous_assessment"]["summary"] == "Slow spring" and [s["cycle"] for s in d["previous_assessment"]["value_stories"]] == ["applied", "reframing"] and d["previous_assessment"]["stories"] == "We **grew** a little.\n"'
expect_json "an assessment keeps the metrics of its day" \
	'd["previous_assessment"]["metrics"]["core"] == 2 and d["previous_assessment"]["metrics"]["members"] == 4 and d["previous_assessment"]["metrics"]["window"] == 180'
expect_json "moves are counted since the last assessment" 'd["moves"]["since_assessment"] == "2024-05-02" and d["moves"]["count"] == 0'
run at 2024-05-02T13:00:00Z health
expect_true "the report compares the scores" grep -qx "• domain: 4 (was 3)" "$T/out"

# ---- suggest ----
run c suggest --json
expect_json "suggestions: expertise meets interest, best first, alumni left out" \
	'[(s["a"], s["b"], s["score"]) for s in d] == [(1, 2, 2), (2, 3, 2), (3, 4, 2), (2, 4, 1)]'
expect_json "each suggestion has its reason" \
	'd[0]["reason"] == "Ana Ros knows about mediation, which interests Ben Li" and d[3]["reason"] == "both are interested in gardening"'
run c suggest
expect "suggest prints a table" 0 \
"A  NAME     B  NAME     WHY
1  Ana Ros  2  Ben Li   Ana Ros knows about mediation, which interests Ben Li
2  Ben Li   3  Cy Dorn  Cy Dorn knows about gardening, which interests Ben Li
3  Cy Dorn  4  Dot Po   Cy Dorn knows about gardening, which interests Dot Po
2  Ben Li   4  Dot Po   both are interested in gardening" ""
run c suggest --member dot --json
expect "suggest --member with an unknown member" 1 "" "copse: member dot: no such member"
run c suggest --member 4 --json
expect_json "suggest --member: only that member's" '[(s["a"], s["b"]) for s in d] == [(3, 4), (2, 4)]'
run c member link ana ben --note "both mediate"
expect "member link" 0 "1" ""
run c suggest dismiss 4 me
expect "suggest dismiss" 0 "" ""
run c suggest --json
expect_json "a link and a dismissal remove suggestions" '[(s["a"], s["b"]) for s in d] == [(2, 3), (2, 4)]'
run c suggest dismiss 2 2
expect "dismissing a member with themselves" 1 "" "copse: member 2: is not suggested to themselves"
run c suggest dismiss 2 ghost
expect "dismissing with an unknown member" 1 "" "copse: member ghost: no such member"
run c suggest dismiss 2 3
run c suggest dismiss 4 ben
run c suggest dismiss ben 4
expect "dismissing again says so" 0 "members 2 and 4: already dismissed" ""
run c suggest dismiss ana ben
expect "a pair not suggested (connected) is refused" 1 "" \
	"copse: members 1 and 2: not suggested to each other (copse suggest lists who is)"
run c suggest
expect "no suggestions left" 0 "no suggestions" ""

# ---- who knows about X ----
run c member list --knows MEDIAT
expect "member list --knows: expertise first, then interest, labelled" 0 \
"ID  NAME     HANDLE  KNOWS      STATUS
 1  Ana Ros  ana     expertise  active
 2  Ben Li   ben     interest   active
 5  Eli Old  eli     interest   alumni" ""
run c member list --knows gardening --json
expect_json "member list --knows in JSON" '[(m["name"], m["knows"]) for m in d] == [("Cy Dorn", "expertise"), ("Ben Li", "interest"), ("Dot Po", "interest")]'

# ---- development notes ----
run c member note ben "Ready to **co-facilitate**."
expect "member note prints its id" 0 "1" ""
run c member note ben ""
expect "an empty note is refused" 1 "" "copse: development note: must not be empty"
run c member show ben --json
expect_json "member show: level, explanation, timeline, notes" \
	'd["level"] == "core" and d["explanation"] == "core: attended 2 of 2 meetings in the last 180 days" and d["firsts"]["attended"] == "2024-02-01T18:00:00Z" and d["firsts"]["introduction"] is not None and d["devnotes"][0]["body"] == "Ready to **co-facilitate**."'

# ---- topics ----
c topic add "Conflict at work" >/dev/null
run c topic vote 1
run c topic vote 1
expect "one vote per login" 1 "" "copse: topic 1: you have already voted"
run c topic unvote 1
expect "topic unvote" 0 "" ""
run c topic unvote 1
expect "unvote without a vote" 1 "" "copse: topic 1: you have not voted"
run c topic edit 1 --status exploring --title "Conflict at work, again"
expect "topic edit" 0 "" ""
run c topic edit 1 --status done
expect "topic edit with a bad status" 1 "" "copse: status 'done': must be one of open|exploring|addressed|parked"
run c topic link 1
expect "topic link needs a meeting or an entry" 2 "" "copse: topic link: give --meeting M or --entry E
Try 'copse --help'."
run c topic link 1 --meeting 9
expect "topic link to an unknown meeting" 1 "" "copse: meeting 9: no such meeting"
run c topic link 1 --meeting 2
expect "topic link --meeting" 0 "" ""
run c topic show 1
expect "topic show" 0 "Topic 1: Conflict at work, again
Status:     exploring
Votes:      0
Raised:     2024-05-01 by $ME
Meetings:   2" ""
run c topic show 1 --json
expect_json "topic show --json" 'd["status"] == "exploring" and d["meeting_ids"] == [2] and d["entry_ids"] == []'

# ---- brief ----
run c brief
expect "brief: the community, the next meeting, my actions, new entries" 0 "Circle
Next meeting: Circle three, Mon 2024-05-20 18:00
Your actions: none open
New entries in the last 7 days: none" ""
run "$COPSE_BIN" --db "$T/none.db" brief
expect "brief without a database prints nothing" 0 "" ""
expect_true "brief never creates a database" test ! -e "$T/none.db"
mkdir "$T/locked" && cp "$DB" "$T/locked/copse.db" && chmod 000 "$T/locked/copse.db"
if [ "$(id -u)" != 0 ]; then
	run "$COPSE_BIN" --db "$T/locked/copse.db" brief
	expect "brief without access prints nothing" 0 "" ""
else
	skip "brief without access prints nothing" "root reads every file"
fi
chmod 600 "$T/locked/copse.db"
# a visit, then a new entry: brief counts it and leaves the visit alone
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute("INSERT INTO visit(login, last) VALUES (?, ?)", (sys.argv[2], "2024-04-30T00:00:00Z")); c.commit()' "$DB" "$ME"
c entry add "Mediation at work" >/dev/null
run c brief
expect_true "brief counts entries since the last visit" \
	grep -qx "New entries since you last looked (2024-04-30): 1 (Mediation at work)" "$T/out"
expect_true "brief does not move the last visit" \
	python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); sys.exit(c.execute("SELECT last FROM visit").fetchone()[0] != "2024-04-30T00:00:00Z")' "$DB"

# ---- init --window ----
run c init --window 3
expect "the window has bounds" 1 "" "copse: participation window 3: must be 7 to 3650 days"
run c init --window 30
expect_exit "init --window sets it" 0
run c health --json
expect_json "the window is the database's" 'd["window"] == 30 and [m["explanation"] for m in d["members"] if m["name"] == "Ben Li"] == ["peripheral: last attended 60 days ago"]'
finish
