#!/bin/sh
# typists.sh - four people type into one meeting's floor at once, each in
# their own copse: every line they press Enter on is stored once, none
# lost, none doubled, each with its kind; and each screen ends with the
# last line anyone typed.
. "$(dirname "$0")/lib.sh"
demo
mid=$(c meeting list | awk '/Apologies that land/ { print $1 }')
ON=2025-03-06T18:10:00Z
W=4 N=25

w=1
while [ $w -le $W ]; do
	{
		echo "key 3"
		echo "key Enter"
		i=1
		while [ $i -le $N ]; do
			case $((i % 3)) in
			0) echo "keys \"d: typist $w decides $i\"" ;;
			1) echo "keys \"? typist $w asks $i\"" ;;
			*) echo "keys \"typist $w notes $i: Zoë 山田 'quoted'\"" ;;
			esac
			echo "key Enter"
			i=$((i + 1))
		done
		# the others finish meanwhile: one more look, then the end
		echo "sh while [ \$(ls '$T'/done.* 2>/dev/null | wc -l) -lt $W ]; do sleep 0.05; done"
		echo "tick"
		echo "dump screen"
	} >"$T/script.$w"
	w=$((w + 1))
done

w=1
while [ $w -le $W ]; do
	(
		mkdir -p "$T/s$w"
		# a typist that has typed its lines says so before it waits
		sed -i "s|^sh while|sh touch '$T/done.$w'; while|" "$T/script.$w"
		cd "$T/s$w" && COPSE_NOW=$ON COPSE_SCRIPT="$T/script.$w" "$COPSE_BIN" --db "$DB" \
			</dev/null >/dev/null 2>"$T/err.$w"
		echo $? >"$T/rc.$w"
	) &
	w=$((w + 1))
done
wait

w=1
while [ $w -le $W ]; do
	expect_true "typist $w's copse ends well" sh -c "[ \"\$(cat '$T/rc.$w')\" = 0 ] && [ ! -s '$T/err.$w' ]"
	w=$((w + 1))
done
c meeting show "$mid" >"$T/show"
expect_true "all $((W * N)) lines are stored" \
	test "$(grep -c 'typist [0-9] \(decides\|asks\|notes\) [0-9]*' "$T/show")" -eq $((W * N))
missing=""
w=1
while [ $w -le $W ]; do
	i=1
	while [ $i -le $N ]; do
		case $((i % 3)) in
		0) re="decision  *typist $w decides $i\$" ;;
		1) re="question  *typist $w asks $i\$" ;;
		*) re="note  *typist $w notes $i: Zoë 山田 'quoted'\$" ;;
		esac
		[ "$(grep -c -- "$re" "$T/show")" -eq 1 ] || missing="$missing $w/$i"
		i=$((i + 1))
	done
	w=$((w + 1))
done
expect_true "each line once, with its kind (missing or doubled:$missing)" test -z "$missing"
last=$(python3 -c '
import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT body FROM note WHERE meeting_id = ?"
      " ORDER BY created DESC, id DESC LIMIT 1", (int(sys.argv[2]),)).fetchone()[0])
' "$DB" "$mid")
w=1
while [ $w -le $W ]; do
	expect_grep "typist $w's screen ends with the last line anyone typed" "$last" "$T/s$w/screen"
	w=$((w + 1))
done
finish
