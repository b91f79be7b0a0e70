#!/bin/sh
# concurrent.sh - 16 processes adding notes to one meeting at once: every
# note lands as its own row, none lost, none refused.
. "$(dirname "$0")/lib.sh"

c init >/dev/null
c member add "Zoë 山田" --handle zoe >/dev/null
c meeting add "Busy circle" --at "2024-05-02 18:00" >/dev/null

W=16 N=25
w=1
while [ $w -le $W ]; do
	(
		i=1
		while [ $i -le $N ]; do
			case $((i % 5)) in
			0) text="d: decision w$w n$i" ;;
			1) text="? question w$w n$i" ;;
			*) text="note w$w n$i Zoë 山田 '\"; --" ;;
			esac
			if ! "$COPSE_BIN" --db "$DB" note add 1 "$text" >>"$T/ids.$w" 2>>"$T/err.$w"; then
				echo "failed: $text" >>"$T/err.$w"
			fi
			i=$((i + 1))
		done
	) &
	w=$((w + 1))
done
wait

cat "$T"/err.* >"$T/errors" 2>/dev/null
expect_true "no writer was refused" sh -c "[ ! -s '$T/errors' ]"
[ -s "$T/errors" ] && sed 's/^/# /' "$T/errors" | head -10
cat "$T"/ids.* >"$T/ids"
expect_true "400 ids printed" test "$(wc -l <"$T/ids")" -eq $((W * N))
expect_true "the ids are all different" test "$(sort -u "$T/ids" | wc -l)" -eq $((W * N))

run c meeting show 1 --json
expect_json "the meeting holds 400 notes" "len(d['notes']) == $W * $N"
expect_json "every note is there, exactly once, with its kind" "
sorted((n['kind'], n['body']) for n in d['notes']) == sorted(
    ('decision', 'decision w%d n%d' % (w, i)) if i % 5 == 0 else
    ('question', 'question w%d n%d' % (w, i)) if i % 5 == 1 else
    ('note', 'note w%d n%d Zoë 山田 \\'\"; --' % (w, i))
    for w in range(1, $W + 1) for i in range(1, $N + 1))"
expect_json "each writer's notes are in its own order" "
all([int(n['body'].split(' n')[1].split(' ')[0]) for n in d['notes'] if (' w%d n' % w) in n['body']] == list(range(1, $N + 1)) for w in range(1, $W + 1))"
run c search decision --kind note --limit 1000 --json
expect_json "the search index kept up" "len([h for h in d if h['kind'] == 'note']) >= 80"

finish
