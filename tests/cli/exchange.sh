#!/bin/sh
# exchange.sh - export --json, import --json, backup (also under load).
. "$(dirname "$0")/lib.sh"

# A small community touching every kind of row.
c init --name "Zoë's 山田 circle" >/dev/null
c member add "Zoë 山田" --handle zoe --status active --expertise "listening" >/dev/null
c member add "Bob'); DROP TABLE member;--" --handle bob --interest "peace" >/dev/null
c member link zoe bob --kind mentors --note "since 2023" >/dev/null
c meeting add "Circle" --at "2024-05-02 18:00" --location "Room \"1\"" >/dev/null
c attend 1 zoe bob >/dev/null
c note add 1 "d: monthly it is" >/dev/null
c note add 1 "a: @bob book the room due 2024-05-20" >/dev/null
printf '# Title\n\nBody with **bold** and [[Other]].\n' | c entry add "Entry one" --tags "a,b" --file - >/dev/null
c entry add "Other" --kind faq >/dev/null
c entry edit 1 --title "Entry one, revised" >/dev/null
c topic add "Topic \\ with backslash" >/dev/null
c topic vote 1 >/dev/null
c action done 1 >/dev/null

run c export --json "$T/one.json"
expect "export --json FILE" 0 "" ""
run python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/one.json"
expect "the export is valid JSON" 0 "" ""
run c export --json -
expect_exit "export --json - writes to stdout" 0
expect_true "stdout export equals the file export" cmp "$T/out" "$T/one.json"
expect_json "export carries every table" \
	'd["format"] == "copse" and all(k in d for k in ["members","connections","meetings","attendance","notes","actions","entries","revisions","topics","votes","activity"])'
expect_json "export has the rows" \
	'len(d["members"]) == 2 and len(d["notes"]) == 2 and len(d["revisions"]) == 3 and len(d["votes"]) == 1'
expect_json "export keeps Unicode and metacharacters" \
	'sorted(m["name"] for m in d["members"]) == ["Bob'"'"'); DROP TABLE member;--", "Zoë 山田"]'

# ---- round trip ----
run "$COPSE_BIN" --db "$T/two.db" import --json "$T/one.json"
expect "import --json into an empty database" 0 "" ""
run "$COPSE_BIN" --db "$T/two.db" export --json "$T/two.json"
expect "export of the imported database" 0 "" ""
expect_true "export -> import -> export is identical" cmp "$T/one.json" "$T/two.json"
runin "$T/one.json" "$COPSE_BIN" --db "$T/three.db" import --json -
expect "import --json - reads stdin" 0 "" ""
run "$COPSE_BIN" --db "$T/three.db" meeting show 1 --json
expect_json "imported meeting shows its notes and actions" \
	'len(d["notes"]) == 2 and len(d["actions"]) == 1 and d["location"] == "Room \"1\""'

# ---- bad imports change nothing ----
run "$COPSE_BIN" --db "$T/two.db" import --json "$T/one.json"
expect "import into a non-empty database is refused" 1 "" "copse: database is not empty; import needs an empty one"
run "$COPSE_BIN" --db "$T/two.db" export --json "$T/two-again.json"
expect_true "refused import changed nothing" cmp "$T/one.json" "$T/two-again.json"

size=$(wc -c <"$T/one.json")
head -c $((size * 2 / 3)) "$T/one.json" >"$T/cut.json"
run "$COPSE_BIN" --db "$T/cut.db" import --json "$T/cut.json"
expect "truncated import fails" 1 "" "copse: import: not valid JSON"
run "$COPSE_BIN" --db "$T/cut.db" export --json -
expect_json "truncated import left the database empty" \
	'd["members"] == [] and d["meetings"] == [] and d["entries"] == [] and d["notes"] == []'
python3 - "$T/one.json" "$T/badref.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["notes"][0]["meeting_id"] = 999   # points nowhere
json.dump(d, open(sys.argv[2], "w"))
EOF
run "$COPSE_BIN" --db "$T/badref.db" import --json "$T/badref.json"
expect "import with a dangling reference fails" 1 "" "copse: import: notes[0]: refers to a row that is not in the file"
run "$COPSE_BIN" --db "$T/badref.db" member list --json
expect_json "failed import wrote no members" 'd == []'
run "$COPSE_BIN" --db "$T/badref.db" import --json "$T/nonexistent.json"
expect "import of a missing file" 1 "" "copse: $T/nonexistent.json: No such file or directory"

# ---- backup ----
run c backup "$T/backup.db"
expect "backup FILE" 0 "" ""
run "$COPSE_BIN" --db "$T/backup.db" export --json "$T/backup.json"
expect_true "the backup holds the same data" cmp "$T/one.json" "$T/backup.json"
run c backup "$T/backup.db"
expect "backup refuses to overwrite" 1 "" "copse: $T/backup.db: file exists; not overwriting it"

# backup while another process keeps writing
(
	i=0
	while [ $i -lt 150 ]; do
		"$COPSE_BIN" --db "$DB" note add 1 "busy note $i" >/dev/null 2>>"$T/writer.err" || echo "fail $i" >>"$T/writer.err"
		i=$((i + 1))
	done
) &
writer=$!
sleep 0.3
run c backup "$T/live.db"
backup_rc=$rc
wait $writer
rc=$backup_rc
expect "backup while another process writes" 0 "" ""
expect_true "the writer was never refused" sh -c "[ ! -s '$T/writer.err' ]"
expect_true "the live backup is a sound database" python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
n = c.execute("SELECT count(*) FROM note").fetchone()[0]
assert 2 <= n <= 152, n
' "$T/live.db"
run "$COPSE_BIN" --db "$T/live.db" meeting show 1 --json
expect_json "copse opens the live backup" 'd["id"] == 1 and len(d["notes"]) >= 2'
run c meeting show 1 --json
expect_json "every busy note landed" 'len(d["notes"]) == 152'

finish
