#!/bin/sh
# members.sh - member add/list/show/edit/link, tables, JSON, Unicode and
# SQL metacharacters.
. "$(dirname "$0")/lib.sh"

run c member add "Zoë 山田" --handle zoe --email zoe@example.org --status active \
	--role core --expertise "listening, mediation" --interest gardening
expect "member add prints the new id alone" 0 "1" ""
NASTY="Robert'); DROP TABLE member;-- \"%_\\ *"
run c member add "$NASTY" --handle bobby --status invited
expect "member add with SQL metacharacters" 0 "2" ""
run c member add "Ann Lee" --joined 2023-02-01 --status alumni
expect "member add with --joined" 0 "3" ""

run c member list
expect "member list table" 0 \
"ID  NAME                              HANDLE  STATUS   ROLE    EXPERTISE
 3  Ann Lee                                   alumni   member
 2  Robert'); DROP TABLE member;-- …  bobby   invited  member
 1  Zoë 山田                          zoe     active   core    listening, mediation" ""

run c member list --status active
expect "member list --status" 0 "ID  NAME      HANDLE  STATUS  ROLE  EXPERTISE
 1  Zoë 山田  zoe     active  core  listening, mediation" ""
run c member list --tag gardening --json
expect_json "member list --tag matches interests" '[m["id"] for m in d] == [1]'
run c member list --status nobody
expect "member list --status with a bad value" 1 "" \
	"copse: status 'nobody': must be one of prospect|invited|active|alumni"

run c member list --json
expect_json "member list --json is an array of members" \
	'isinstance(d, list) and len(d) == 3 and all(set(["id","name","handle","email","status","role","joined","bio","expertise","interest","created","updated","version"]) <= set(m) for m in d)'
expect_json "Unicode name round-trips" '[m for m in d if m["id"] == 1][0]["name"] == "Zoë 山田"'
expect_json "SQL metacharacters round-trip" \
	"[m for m in d if m['id'] == 2][0]['name'] == '''$NASTY'''"
expect_json "tags in JSON" \
	'[m for m in d if m["id"] == 1][0]["expertise"] == ["listening", "mediation"] and [m for m in d if m["id"] == 1][0]["interest"] == ["gardening"]'

run c member show zoe
expect "member show by handle" 0 "Member 1: Zoë 山田
Handle:     zoe
Email:      zoe@example.org
Status:     active
Role:       core
Joined:     2024-05-01
Expertise:  listening, mediation
Interest:   gardening
Level:      core: in the core group
Timeline:
  2024-05-01  added
  2024-05-01  joined" ""
run c member show 2 --json
expect_json "member show by id, JSON object" \
	"d['id'] == 2 and d['name'] == '''$NASTY''' and d['handle'] == 'bobby' and d['connections'] == []"
run c member show nobody
expect "member show of an unknown handle" 1 "" "copse: member nobody: no such member"
run c member show 99
expect "member show of an unknown id" 1 "" "copse: member 99: no such member"

# ---- edit changes only the fields given ----
run c member edit zoe --email "" --interest "gardening, cooking"
expect "member edit" 0 "" ""
run c member show zoe --json
expect_json "member edit changed only what was given" \
	'd["email"] is None and sorted(d["interest"]) == ["cooking", "gardening"] and d["expertise"] == ["listening", "mediation"] and d["status"] == "active" and d["version"] == 2'
run c member edit 3 --name "Ann B. Lee" --status active
expect "member edit --name" 0 "" ""
run c member show 3 --json
expect_json "member renamed and reactivated" 'd["name"] == "Ann B. Lee" and d["status"] == "active" and d["joined"] == "2023-02-01"'
run c member edit zoe --role boss
expect "member edit with a bad role changes nothing" 1 "" \
	"copse: role 'boss': must be one of coordinator|core|member"
run c member show zoe --json
expect_json "role unchanged after the failed edit" 'd["role"] == "core" and d["version"] == 2'
run c member edit zoe --handle bobby
expect "member edit to a taken handle fails" 1 "" "copse: handle 'bobby' is already used by $NASTY"
run c member add "Dup" --handle zoe
expect "member add with a taken handle fails" 1 "" "copse: handle 'zoe' is already used by Zoë 山田"
run c member add Bad --joined 2024-02-30
expect "member add with a bad date" 1 "" "copse: --joined '2024-02-30': not a date (use YYYY-MM-DD)"
run c member add "   "
expect "member add with an empty name fails" 1 "" "copse: member name: must not be empty"
run c member list --json
expect_json "failed adds left no rows" 'len(d) == 3'

# ---- bio from stdin ----
printf 'Facilitates **circles**.\nSecond line\n' >"$T/bio.md"
runin "$T/bio.md" c member edit zoe --bio-file -
expect "member edit --bio-file -" 0 "" ""
run c member show zoe --json
expect_json "bio read from stdin byte-exact" 'd["bio"] == "Facilitates **circles**.\nSecond line\n"'

# ---- link ----
run c member link zoe bobby --kind mentors --note "met at the retreat"
expect "member link prints the connection id" 0 "1" ""
run c member link zoe zoe
expect "a member cannot be linked to themself" 1 "" "copse: member 1: cannot be connected to themselves"
run c member link zoe ghost
expect "member link with an unknown member" 1 "" "copse: member ghost: no such member"
run c member show bobby
expect "member show lists connections" 0 "Member 2: $NASTY
Handle:     bobby
Status:     invited
Role:       member
Level:      inactive: nothing in the last 365 days
Timeline:
  2024-05-01  added
  2024-05-01  first introduction: to Zoë 山田
Connections:
  mentors  Zoë 山田  2024-05-01  met at the retreat" ""
run c member show zoe --json
expect_json "connections in JSON" \
	'len(d["connections"]) == 1 and d["connections"][0]["kind"] == "mentors" and d["connections"][0]["note"] == "met at the retreat" and {d["connections"][0]["a"], d["connections"][0]["b"]} == {1, 2}'

# ---- control characters never reach the terminal, JSON escapes them ----
ESC=$(printf '\033')
run c member add "$(printf 'Evil\033]0;pwned\007 \033[31mred\tx')"
expect "member add with escape sequences" 0 "4" ""
run c member show 4
expect_true "no ESC byte in text output" sh -c "! grep -q '$ESC' '$T/out'"
expect_true "escape shown as ^[" grep -q 'Evil^\[\]0;pwned^G ^\[\[31mred' "$T/out"
run c member list --json
expect_json "JSON keeps the exact bytes, escaped" \
	'[m for m in d if m["id"] == 4][0]["name"] == "Evil\x1b]0;pwned\x07 \x1b[31mred\tx"'
expect_true "JSON escapes control characters as \\u" grep -q 'Evil\\u001b\]0;pwned\\u0007 \\u001b\[31mred\\tx' "$T/out"
# invalid UTF-8 becomes U+FFFD; DEL, C1 controls and U+2028 (a line break
# to JavaScript) are escaped, so the output is valid JSON for any reader
run c member add "$(printf 'Odd\377 \177 \302\205 \342\200\250end')"
expect "member add with invalid UTF-8 and invisible characters" 0 "5" ""
run c member show 5 --json
expect_true "JSON: \\ufffd for invalid UTF-8, \\u escapes for DEL, C1 and U+2028" \
	grep -q '"name": "Odd\\ufffd \\u007f \\u0085 \\u2028end"' "$T/out"
expect_json "...and it parses" 'd["name"] == "Odd\ufffd \x7f \x85 \u2028end"'

finish
