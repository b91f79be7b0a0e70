/* display.c - curses set-up, styles, clipped drawing, input, scripted
 * headless mode and screen dumps.  See display.h. */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

#include "copse/display.h"
#include "copse/keys.h"
#include "copse/text.h"
#include "copse/util.h"

volatile sig_atomic_t display_quit_signal;

/* The cursor wanted for this frame: set by display_cursor (the last
 * call wins), hidden by display_erase, shown by display_refresh, so a
 * frame that draws an input line and then a prompt never flickers. */
static int cur_y = -1, cur_x = -1, cur_shown = -1;

static struct {
	int active;
	int ascii;
	SCREEN *screen;
	FILE *out, *in;          /* headless: /dev/null */
	FILE *script;
	int script_line;
	char script_err[256];
	const char *gone;        /* why the terminal was given up, or NULL */
	int empty_reads;         /* input ready but nothing read, in a row */
	int queue[256];          /* keys from the current script line */
	int qhead, qlen;
	int attrs[ST_COUNT];
} d;

static void on_signal(int sig)
{
	(void)sig;
	display_quit_signal = 1;
}

static void setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;     /* no SA_RESTART: interrupt the wait */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void setup_styles(void)
{
	/* style: attributes alone, and colour pair (fg, bg) when colour */
	static const struct {
		int style;
		attr_t mono;
		short fg, bg;
		attr_t extra;
	} table[] = {
		{ ST_NORMAL, A_NORMAL, -1, -1, A_NORMAL },
		{ ST_HEADER, A_REVERSE | A_BOLD, COLOR_WHITE, COLOR_BLUE, A_BOLD },
		{ ST_TAB, A_NORMAL, -1, -1, A_NORMAL },
		{ ST_TAB_CUR, A_REVERSE | A_BOLD, COLOR_BLACK, COLOR_CYAN, A_BOLD },
		{ ST_SELECTED, A_REVERSE, -1, -1, A_REVERSE },
		{ ST_SECTION, A_BOLD | A_UNDERLINE, COLOR_YELLOW, -1, A_BOLD },
		{ ST_STATUS, A_NORMAL, -1, -1, A_NORMAL },
		{ ST_ERROR, A_BOLD, COLOR_RED, -1, A_BOLD },
		{ ST_DIM, A_DIM, -1, -1, A_DIM },
		{ ST_HEADING, A_BOLD, COLOR_CYAN, -1, A_BOLD },
		{ ST_LINK, A_UNDERLINE, COLOR_BLUE, -1, A_UNDERLINE },
		{ ST_LINK_SEL, A_REVERSE | A_UNDERLINE, -1, -1, A_REVERSE },
		{ ST_MISSING, A_DIM | A_UNDERLINE, COLOR_RED, -1, A_UNDERLINE },
		{ ST_CODE, A_NORMAL, COLOR_GREEN, -1, A_NORMAL },
		{ ST_QUOTE, A_DIM, COLOR_MAGENTA, -1, A_NORMAL },
		{ ST_MATCH, A_REVERSE | A_BOLD, COLOR_YELLOW, -1, A_REVERSE | A_BOLD },
		{ ST_BORDER, A_NORMAL, COLOR_BLUE, -1, A_NORMAL },
	};
	const char *nc = getenv("NO_COLOR");
	int color = has_colors() && !(nc && *nc);

	if (color && start_color() == ERR)
		color = 0;
	if (color)
		use_default_colors();
	for (size_t i = 0; i < ARRAY_SIZE(table); i++) {
		int s = table[i].style;

		d.attrs[s] = (int)table[i].mono;
		if (color && (table[i].fg != -1 || table[i].bg != -1) &&
		    (int)i < COLOR_PAIRS) {
			init_pair((short)(i + 1), table[i].fg, table[i].bg);
			d.attrs[s] = (int)(COLOR_PAIR(i + 1) | table[i].extra);
		} else if (color) {
			d.attrs[s] = (int)table[i].extra;
		}
	}
}

static int env_int(const char *name, int def)
{
	const char *v = getenv(name);
	int n = v ? atoi(v) : 0;

	return n > 0 ? n : def;
}

int display_init(void)
{
	const char *script = getenv("COPSE_SCRIPT");
	const char *term = getenv("TERM");
	const char *cs;

	memset(&d, 0, sizeof d);
	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	d.ascii = !(cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
	if (script && *script) {
		d.script = fopen(script, "r");
		if (!d.script) {
			fprintf(stderr, "copse: %s: %s\n", script, strerror(errno));
			return -1;
		}
		d.out = fopen("/dev/null", "w");
		d.in = fopen("/dev/null", "r");
		if (!d.out || !d.in) {
			fprintf(stderr, "copse: /dev/null: %s\n", strerror(errno));
			return -1;
		}
		if (!term || !*term)
			term = "xterm";
		d.screen = newterm(term, d.out, d.in);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "copse: the full-screen app needs a terminal"
				" (try 'copse --help' for commands)\n");
			return -1;
		}
		if (!term || !*term) {
			fprintf(stderr, "copse: TERM is not set\n");
			return -1;
		}
		/* the terminal's own size: exported LINES/COLUMNS would pin
		 * ncurses to a stale size and hide every resize */
		unsetenv("LINES");
		unsetenv("COLUMNS");
		d.screen = newterm(NULL, stdout, stdin);
	}
	if (!d.screen) {
		fprintf(stderr, "copse: unknown terminal type '%s'\n", term ? term : "");
		return -1;
	}
	set_term(d.screen);
	d.active = 1;
	if (d.script)
		resizeterm(env_int("LINES", 24), env_int("COLUMNS", 80));
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	/* a document moved by a line is scrolled by the terminal (its
	 * scrolling region), not written again */
	idlok(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	cur_shown = 0;
	cur_y = cur_x = -1;
	setup_styles();
	setup_signals();
	return 0;
}

void display_done(void)
{
	if (!d.active)
		return;
	d.active = 0;
	curs_set(1);
	endwin();
	delscreen(d.screen);
	d.screen = NULL;
	if (d.out)
		fclose(d.out);
	if (d.in)
		fclose(d.in);
	if (d.script)
		fclose(d.script);
	d.out = d.in = d.script = NULL;
}

int display_ascii(void) { return d.ascii; }
int display_rows(void) { return LINES; }
int display_cols(void) { return COLS; }
const char *display_script_error(void) { return d.script_err[0] ? d.script_err : NULL; }
const char *display_gone(void) { return d.gone; }

int display_attr(int style)
{
	if (style < 0 || style >= ST_COUNT)
		return A_NORMAL;
	return d.attrs[style];
}

void display_erase(void)
{
	attrset(A_NORMAL);
	erase();
	cur_y = cur_x = -1;
}

static int has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

int display_text(int y, int x, int w, const char *s, int attr)
{
	char *tmp = NULL;
	size_t n;
	int used = 0;

	if (!s || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return 0;
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0)
		return 0;
	/* the one gate to the screen: whatever a caller passes, nothing
	 * but sanitised text is drawn */
	if ((d.ascii && has_non_ascii(s)) || !text_is_safe(s, strlen(s))) {
		tmp = text_sanitize(s, strlen(s), d.ascii ? TEXT_ASCII : 0);
		if (!tmp)
			return 0;
		s = tmp;
	}
	n = text_fit(s, strlen(s), w, &used);
	attrset(attr);
	if (n > 0)
		mvaddnstr(y, x, s, (int)n);
	attrset(A_NORMAL);
	free(tmp);
	return used;
}

int display_untrusted(int y, int x, int w, const char *s, int attr)
{
	char *t = text_sanitize(s ? s : "", s ? strlen(s) : 0, d.ascii ? TEXT_ASCII : 0);
	int used;

	if (!t)
		return 0;
	used = display_text(y, x, w, t, attr);
	free(t);
	return used;
}

void display_fill(int y, int x, int w, int attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

void display_chattr(int y, int x, int w, int attr)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (w > COLS - x)
		w = COLS - x;
	if (w <= 0)
		return;
	mvchgat(y, x, w, (attr_t)attr & ~A_COLOR, (short)PAIR_NUMBER(attr), NULL);
}

void display_cursor(int y, int x)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		y = x = -1;
	cur_y = y;
	cur_x = x;
}

void display_refresh(void)
{
	int want = cur_y >= 0;

	/* The cursor is shown only in an input line.  Hidden, it stays
	 * wherever the last change left it: sending it back to a place
	 * nobody sees costs bytes on every key (leaveok). */
	leaveok(stdscr, want ? FALSE : TRUE);
	if (want)
		move(cur_y, cur_x);
	if (want != cur_shown) {
		curs_set(want);
		cur_shown = want;
	}
	refresh();
}

void display_redraw_all(void)
{
	clearok(curscr, TRUE);
	refresh();
}

/* ---- scripted input ---- */

static int script_fail(const char *fmt, const char *arg)
{
	char msg[200];

	snprintf(msg, sizeof msg, fmt, arg);
	snprintf(d.script_err, sizeof d.script_err, "%s: line %d: %s",
		 getenv("COPSE_SCRIPT"), d.script_line, msg);
	return EV_END;
}

static void queue_key(int code)
{
	if (d.qlen < (int)ARRAY_SIZE(d.queue))
		d.queue[(d.qhead + d.qlen++) % ARRAY_SIZE(d.queue)] = code;
}

/* One script line; returns -1 to continue reading, or an event.  The
 * commands are defined in tests/ui/README: change both together. */
static int script_command(char *line)
{
	char *cmd, *arg;

	line = str_trim(line);
	if (!*line || *line == '#')
		return -1;
	cmd = line;
	arg = line + strcspn(line, " \t");
	if (*arg)
		*arg++ = '\0';
	arg = str_trim(arg);
	if (strcmp(cmd, "key") == 0) {
		char *tok, *save = NULL;
		int any = 0;

		for (tok = strtok_r(arg, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
			int code = keys_parse_name(tok);
			if (code < 0)
				return script_fail("unknown key '%s'", tok);
			queue_key(code);
			any = 1;
		}
		if (!any)
			return script_fail("%s", "key: no key named");
		return -1;
	}
	if (strcmp(cmd, "keys") == 0) {
		size_t len = strlen(arg);

		if (len >= 2 && arg[0] == '"' && arg[len - 1] == '"') {
			arg[len - 1] = '\0';
			arg++;
			len -= 2;
		}
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			int n = text_decode(arg + i, len - i, &cp);
			queue_key((int)cp);
			i += (size_t)n;
		}
		return -1;
	}
	if (strcmp(cmd, "resize") == 0) {
		int cols = 0, rows = 0;

		if (sscanf(arg, "%d %d", &cols, &rows) != 2 || cols < 1 || rows < 1)
			return script_fail("resize '%s': want COLS ROWS", arg);
		resizeterm(rows, cols);
		return EV_RESIZE;
	}
	if (strcmp(cmd, "dump") == 0) {
		if (!*arg)
			return script_fail("%s", "dump: no file named");
		if (display_dump(arg) != 0)
			return script_fail("dump %s: cannot write", arg);
		return -1;
	}
	if (strcmp(cmd, "attrs") == 0) {
		if (!*arg)
			return script_fail("%s", "attrs: no file named");
		if (display_dump_attrs(arg) != 0)
			return script_fail("attrs %s: cannot write", arg);
		return -1;
	}
	if (strcmp(cmd, "sh") == 0) {
		int rc;

		fflush(NULL);
		rc = system(arg);
		if (rc != 0)
			return script_fail("sh: '%s' failed", arg);
		return -1;
	}
	if (strcmp(cmd, "env") == 0) {
		char *val = arg + strcspn(arg, " \t");

		if (*val)
			*val++ = '\0';
		if (!*arg)
			return script_fail("%s", "env: NAME VALUE");
		setenv(arg, str_trim(val), 1);
		return -1;
	}
	if (strcmp(cmd, "tick") == 0)
		return EV_TIMEOUT;
	if (strcmp(cmd, "quit") == 0)
		return EV_END;
	return script_fail("unknown command '%s'", cmd);
}

static int script_getkey(int *key)
{
	char line[4096];

	for (;;) {
		int ev;

		if (d.qlen > 0) {
			*key = d.queue[d.qhead];
			d.qhead = (d.qhead + 1) % (int)ARRAY_SIZE(d.queue);
			d.qlen--;
			return EV_KEY;
		}
		if (d.script_err[0] || display_quit_signal)
			return EV_END;
		if (!fgets(line, sizeof line, d.script))
			return EV_END;
		d.script_line++;
		line[strcspn(line, "\n")] = '\0';
		ev = script_command(line);
		if (ev >= 0)
			return ev;
	}
}

/* A curses function key as copse's own code (keys.h). */
static int func_key(int k)
{
	static const struct {
		int curses, copse;
	} map[] = {
		{ KEY_UP, KEYC_UP }, { KEY_DOWN, KEYC_DOWN },
		{ KEY_LEFT, KEYC_LEFT }, { KEY_RIGHT, KEYC_RIGHT },
		{ KEY_HOME, KEYC_HOME }, { KEY_END, KEYC_END },
		{ KEY_PPAGE, KEYC_PGUP }, { KEY_NPAGE, KEYC_PGDN },
		{ KEY_BTAB, KEYC_BTAB }, { KEY_BACKSPACE, KEYC_BACKSPACE },
		{ KEY_DC, KEYC_DELETE }, { KEY_ENTER, KEYC_ENTER },
		{ KEY_RESIZE, KEYC_RESIZE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (map[i].curses == k)
			return map[i].copse;
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KEYC_F1 + (k - KEY_F(1));
	return KEYC_OTHER;
}

/* One key curses can give without waiting for the terminal (a key it
 * holds already, the rest of an escape sequence within ESCDELAY, a key
 * poll said is there).  EV_KEY, EV_RESIZE, or EV_TIMEOUT for none. */
static int curses_key(int *key)
{
	wint_t wch;
	int r;

	timeout(0);
	r = get_wch(&wch);
	if (r == ERR)
		return EV_TIMEOUT;
	if (r == KEY_CODE_YES) {
		if (wch == KEY_RESIZE)
			return EV_RESIZE;
		*key = func_key((int)wch);
		return EV_KEY;
	}
	*key = (int)wch;
	return EV_KEY;
}

/* Under `su -c` or `setsid` the terminal is not copse's controlling
 * terminal, so no SIGWINCH comes when it is resized: asked at each quiet
 * poll, its size tells anyway.  1 when it changed (curses resized). */
static int size_changed(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resizeterm(ws.ws_row, ws.ws_col);
	return 1;
}

static int terminal_gone(const char *why)
{
	d.gone = why;
	return EV_END;
}

int display_keys_waiting(void)
{
	struct pollfd p;

	if (d.script)
		return d.qlen > 0;
	if (d.gone)
		return 0;
	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

int display_getkey(int timeout_ms, int *key)
{
	struct pollfd p;
	int ev, n;

	*key = 0;
	if (d.script)
		return script_getkey(key);
	if (display_quit_signal)
		return EV_END;
	if (d.gone)
		return EV_END;
	ev = curses_key(key);
	if (ev != EV_TIMEOUT) {
		d.empty_reads = 0;
		return ev;
	}
	/* Block in poll(), not in curses: only poll tells a quiet terminal
	 * from one that is gone. */
	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	p.revents = 0;
	n = poll(&p, 1, timeout_ms);
	if (display_quit_signal)
		return EV_END;
	if (n < 0) {
		if (errno != EINTR && errno != EAGAIN)
			return terminal_gone("cannot read the terminal");
		/* a signal: SIGWINCH makes curses give KEY_RESIZE */
		ev = curses_key(key);
		return ev == EV_TIMEOUT ? EV_TIMEOUT : ev;
	}
	if (n == 0)
		return size_changed() ? EV_RESIZE : EV_TIMEOUT;
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return terminal_gone("the terminal was closed");
	ev = curses_key(key);
	if (ev != EV_TIMEOUT) {
		d.empty_reads = 0;
		return ev;
	}
	/* Ready, yet nothing came: end of input or EIO (or half a UTF-8
	 * character, which the next read completes).  A few in a row, with
	 * no time passing, is a terminal that is gone. */
	if (++d.empty_reads >= 8)
		return terminal_gone("the terminal gives no more input");
	return EV_TIMEOUT;
}

void display_suspend(void)
{
	def_prog_mode();
	endwin();
}

void display_resume(void)
{
	reset_prog_mode();
	cur_shown = -1;          /* the editor left the cursor as it liked */
	clearok(curscr, TRUE);
	refresh();
}

/* ---- dump ---- */

int display_dump(const char *path)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	for (int y = 0; y < LINES; y++) {
		char *mem = NULL;
		size_t memlen = 0;
		FILE *lf = open_memstream(&mem, &memlen);

		if (!lf)
			break;
		for (int x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;

			if (mvin_wch(y, x, &cc) == ERR ||
			    getcchar(&cc, wch, &attrs, &pair, NULL) == ERR || !wch[0]) {
				fputc(' ', lf);
				continue;
			}
			for (int i = 0; i < CCHARW_MAX && wch[i]; i++) {
				char u[4];
				fwrite(u, 1, (size_t)keys_utf8((int)wch[i], u), lf);
			}
			if (text_cpwidth((uint32_t)wch[0]) == 2)
				x++;
		}
		fclose(lf);
		while (memlen > 0 && mem[memlen - 1] == ' ')
			memlen--;
		fwrite(mem, 1, memlen, fp);
		fputc('\n', fp);
		free(mem);
	}
	return fclose(fp) == 0 ? 0 : -1;
}

/* The letters are defined with "attrs" in tests/ui/README. */
int display_dump_attrs(const char *path)
{
	FILE *fp = fopen(path, "w");

	if (!fp)
		return -1;
	for (int y = 0; y < LINES; y++) {
		char line[1024];
		int len = 0;

		for (int x = 0; x < COLS && len < (int)sizeof line - 1; x++) {
			cchar_t cc;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t at = 0;
			short pair = 0;
			char c = '.';

			if (mvin_wch(y, x, &cc) != ERR)
				getcchar(&cc, wch, &at, &pair, NULL);
			if (at & A_REVERSE) c = 'r';
			else if (at & A_BOLD) c = 'b';
			else if (at & A_UNDERLINE) c = 'u';
			else if (at & A_DIM) c = 'd';
			else if (at & A_ITALIC) c = 'i';
			if (pair > 0)
				c = (char)(c == '.' ? 'C' : c - 'a' + 'A');
			line[len++] = c;
		}
		while (len > 0 && line[len - 1] == '.')
			len--;
		fwrite(line, 1, (size_t)len, fp);
		fputc('\n', fp);
	}
	return fclose(fp) == 0 ? 0 : -1;
}
