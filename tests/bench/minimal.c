/* minimal.c - the baseline for make bench: the least a full-screen
 * ncurses program does.  It starts curses, draws a screen of text (a
 * title, a tab bar, a list with the first row highlighted, a status
 * line), moves the highlight with j/k and ends on q.  copse's start, its
 * memory and the bytes of a list move are measured against this one,
 * in the same run, on the same pty (tests/bench/run.sh).
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>

static void draw(int sel)
{
	int rows = LINES - 3;

	erase();
	mvaddstr(0, 1, "minimal: a screen of text");
	mvaddstr(1, 1, "1 Home  2 Members  3 Meetings  4 Repertoire  5 Topics  6 Health");
	for (int i = 0; i < rows; i++) {
		char line[128];

		snprintf(line, sizeof line, " Row %d of the list, as a list panel shows it", i + 1);
		if (i == sel)
			attron(A_REVERSE);
		mvaddnstr(2 + i, 0, line, COLS - 1);
		if (i == sel)
			attroff(A_REVERSE);
	}
	attron(A_DIM);
	mvaddnstr(LINES - 1, 0, "j/k move  q quit", COLS - 1);
	attroff(A_DIM);
	refresh();
}

int main(void)
{
	int sel = 0, key;

	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw(sel);
	while ((key = getch()) != 'q' && key != ERR) {
		if ((key == 'j' || key == KEY_DOWN) && sel < LINES - 4)
			sel++;
		else if ((key == 'k' || key == KEY_UP) && sel > 0)
			sel--;
		draw(sel);
	}
	endwin();
	return 0;
}
