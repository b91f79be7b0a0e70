/* benchpty.c - run a full-screen program on a pseudo-terminal, keep a
 * model of its screen, and time what a user would see (make bench).
 *
 *   benchpty [-s COLSxROWS] [-r RUNS] [-T TERM] [-v] -e SCRIPT -- PROGRAM [ARG...]
 *   benchpty -r RUNS -c -- PROGRAM [ARG...]      time a plain command
 *
 * The program runs on a pty of the given size (default 80x24) with TERM
 * (default xterm-256color).  Everything it writes goes through a small
 * terminal model (cursor moves, erasing, scrolling regions, insert and
 * delete, repeat, UTF-8 and wide characters), so "the screen shows X"
 * means what it says: X is in one row of the screen as drawn, not merely
 * somewhere in the byte stream, and not "the output went quiet".
 *
 * SCRIPT is a list of commands, one a line:
 *   wait TEXT      until TEXT is on the screen (30 s at most: then the
 *                  run is reported as failed and the screen printed)
 *   settle MS      until output came and then MS ms passed without any
 *                  (3 s without any output also ends it)
 *   key NAME       send a key: a character, or Enter, Esc, Tab, Up, Down,
 *                  Left, Right, PgUp, PgDn, Space, C-x
 *   type TEXT      send TEXT as typed
 *   mark           start counting: time, bytes written to the terminal,
 *                  and the program's CPU time (from /proc)
 *   sh COMMAND     run COMMAND with /bin/sh while the screen is watched;
 *                  the time mark moves to the moment it exits (bytes and
 *                  CPU marks are kept)
 *   sleep MS       watch the screen for MS ms
 *   ms LABEL       report the ms since the time mark
 *   bytes LABEL    report the bytes written since the mark
 *   cpu LABEL      report the CPU ms the program used since the mark
 *   dump           print the screen on stderr
 *   quit LABEL     press q until the program exits and report its peak
 *                  RSS in KB (getrusage of the child)
 * The start of the program is a mark.
 *
 * With -r RUNS the whole script runs RUNS times; each label is printed
 * once, "LABEL VALUE", with the median of its values (all of them with
 * -v).  With -c the program is run RUNS times with stdout and stderr on
 * /dev/null and "ms" (median wall time) and "rss" (largest peak RSS, KB)
 * are printed.  Exit status 1 when a run failed (a wait timed out, the
 * program died).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define WAIT_MS 30000
#define SETTLE_IDLE_MS 3000
#define MAXLABELS 64
#define MAXVALUES 512

/* ---- clock ---- */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- the terminal model ---- */

struct term {
	int rows, cols;
	uint32_t *cell;            /* rows * cols code points; 0 = right half of a wide one */
	int y, x, wrap;            /* wrap: the last column was written (xenl) */
	int top, bot;              /* scrolling region, inclusive */
	int sy, sx;                /* saved cursor */
	uint32_t last;             /* last printed, for REP */
	/* parser */
	int state;                 /* 0 ground, 1 ESC, 2 CSI, 3 OSC, 4 ESC+charset, 5 OSC ESC */
	char priv;
	int param[16], nparam;
	uint32_t u8;               /* UTF-8 being decoded */
	int u8left;
};

static void term_init(struct term *t, int rows, int cols)
{
	memset(t, 0, sizeof *t);
	t->rows = rows;
	t->cols = cols;
	t->cell = calloc((size_t)rows * cols, sizeof *t->cell);
	if (!t->cell) {
		perror("benchpty");
		exit(2);
	}
	for (int i = 0; i < rows * cols; i++)
		t->cell[i] = ' ';
	t->bot = rows - 1;
}

static uint32_t *at(struct term *t, int y, int x)
{
	return &t->cell[y * t->cols + x];
}

static void erase(struct term *t, int y, int x0, int x1)
{
	if (y < 0 || y >= t->rows)
		return;
	if (x0 < 0)
		x0 = 0;
	for (int x = x0; x < x1 && x < t->cols; x++)
		*at(t, y, x) = ' ';
}

/* Move rows [top, bot] up by n (n < 0: down), blanking what comes in. */
static void scroll(struct term *t, int top, int bot, int n)
{
	int h = bot - top + 1;

	if (top < 0 || bot >= t->rows || top > bot || n == 0)
		return;
	if (n >= h || -n >= h) {
		for (int y = top; y <= bot; y++)
			erase(t, y, 0, t->cols);
		return;
	}
	if (n > 0) {
		memmove(at(t, top, 0), at(t, top + n, 0), (size_t)(h - n) * t->cols * sizeof *t->cell);
		for (int y = bot - n + 1; y <= bot; y++)
			erase(t, y, 0, t->cols);
	} else {
		n = -n;
		memmove(at(t, top + n, 0), at(t, top, 0), (size_t)(h - n) * t->cols * sizeof *t->cell);
		for (int y = top; y < top + n; y++)
			erase(t, y, 0, t->cols);
	}
}

static void index_down(struct term *t)
{
	if (t->y == t->bot)
		scroll(t, t->top, t->bot, 1);
	else if (t->y < t->rows - 1)
		t->y++;
}

static void clampxy(struct term *t)
{
	if (t->y < 0)
		t->y = 0;
	if (t->y >= t->rows)
		t->y = t->rows - 1;
	if (t->x < 0)
		t->x = 0;
	if (t->x >= t->cols)
		t->x = t->cols - 1;
	t->wrap = 0;
}

static void put(struct term *t, uint32_t c)
{
	int w = wcwidth((wchar_t)c);

	if (w < 0)
		w = 1;
	if (w == 0) {               /* combining: belongs to the cell before */
		t->last = c;
		return;
	}
	if (t->wrap || t->x + w > t->cols) {
		t->x = 0;
		t->wrap = 0;
		index_down(t);
	}
	*at(t, t->y, t->x) = c;
	if (w == 2 && t->x + 1 < t->cols)
		*at(t, t->y, t->x + 1) = 0;
	t->last = c;
	if (t->x + w >= t->cols) {
		t->x = t->cols - 1;
		t->wrap = 1;
	} else
		t->x += w;
}

static int par(struct term *t, int i, int def)
{
	return i < t->nparam && t->param[i] > 0 ? t->param[i] : def;
}

static void csi(struct term *t, char f)
{
	int n = par(t, 0, 1);

	if (t->priv)                /* DEC private modes and replies: nothing drawn */
		return;
	switch (f) {
	case 'A': t->y -= n; clampxy(t); break;
	case 'B': case 'e': t->y += n; clampxy(t); break;
	case 'C': case 'a': t->x += n; clampxy(t); break;
	case 'D': t->x -= n; clampxy(t); break;
	case 'E': t->y += n; t->x = 0; clampxy(t); break;
	case 'F': t->y -= n; t->x = 0; clampxy(t); break;
	case 'G': case '`': t->x = n - 1; clampxy(t); break;
	case 'd': t->y = n - 1; clampxy(t); break;
	case 'H': case 'f': t->y = par(t, 0, 1) - 1; t->x = par(t, 1, 1) - 1; clampxy(t); break;
	case 'J': {
		int m = t->nparam ? t->param[0] : 0;
		if (m == 0) {
			erase(t, t->y, t->x, t->cols);
			for (int y = t->y + 1; y < t->rows; y++)
				erase(t, y, 0, t->cols);
		} else if (m == 1) {
			erase(t, t->y, 0, t->x + 1);
			for (int y = 0; y < t->y; y++)
				erase(t, y, 0, t->cols);
		} else
			for (int y = 0; y < t->rows; y++)
				erase(t, y, 0, t->cols);
		t->wrap = 0;
		break;
	}
	case 'K': {
		int m = t->nparam ? t->param[0] : 0;
		erase(t, t->y, m == 0 ? t->x : 0, m == 1 ? t->x + 1 : t->cols);
		t->wrap = 0;
		break;
	}
	case 'X': erase(t, t->y, t->x, t->x + n); t->wrap = 0; break;
	case '@':
		if (n > t->cols - t->x)
			n = t->cols - t->x;
		memmove(at(t, t->y, t->x + n), at(t, t->y, t->x),
			(size_t)(t->cols - t->x - n) * sizeof *t->cell);
		erase(t, t->y, t->x, t->x + n);
		t->wrap = 0;
		break;
	case 'P':
		if (n > t->cols - t->x)
			n = t->cols - t->x;
		memmove(at(t, t->y, t->x), at(t, t->y, t->x + n),
			(size_t)(t->cols - t->x - n) * sizeof *t->cell);
		erase(t, t->y, t->cols - n, t->cols);
		t->wrap = 0;
		break;
	case 'L': if (t->y >= t->top && t->y <= t->bot) scroll(t, t->y, t->bot, -n); t->x = 0; t->wrap = 0; break;
	case 'M': if (t->y >= t->top && t->y <= t->bot) scroll(t, t->y, t->bot, n); t->x = 0; t->wrap = 0; break;
	case 'S': scroll(t, t->top, t->bot, n); break;
	case 'T': scroll(t, t->top, t->bot, -n); break;
	case 'b':
		while (n-- > 0)
			put(t, t->last);
		break;
	case 'r':
		t->top = par(t, 0, 1) - 1;
		t->bot = par(t, 1, t->rows) - 1;
		if (t->top < 0 || t->bot >= t->rows || t->top >= t->bot) {
			t->top = 0;
			t->bot = t->rows - 1;
		}
		t->y = t->x = 0;
		t->wrap = 0;
		break;
	case 's': t->sy = t->y; t->sx = t->x; break;
	case 'u': t->y = t->sy; t->x = t->sx; clampxy(t); break;
	default: break;             /* m (attributes), h/l, n, c, t ...: nothing drawn */
	}
}

static void feed(struct term *t, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		switch (t->state) {
		case 1:                      /* after ESC */
			t->state = 0;
			if (c == '[') {
				t->state = 2;
				t->nparam = 0;
				t->priv = 0;
				memset(t->param, 0, sizeof t->param);
			} else if (c == ']' || c == 'P' || c == '_' || c == '^')
				t->state = 3;
			else if (c == '(' || c == ')' || c == '*' || c == '+' || c == '#' || c == '%')
				t->state = 4;
			else if (c == '7') {
				t->sy = t->y;
				t->sx = t->x;
			} else if (c == '8') {
				t->y = t->sy;
				t->x = t->sx;
				clampxy(t);
			} else if (c == 'D')
				index_down(t);
			else if (c == 'E') {
				t->x = 0;
				index_down(t);
			} else if (c == 'M') {
				if (t->y == t->top)
					scroll(t, t->top, t->bot, -1);
				else if (t->y > 0)
					t->y--;
			} else if (c == 'c') {
				int r = t->rows, k = t->cols;
				free(t->cell);
				term_init(t, r, k);
			}
			continue;
		case 2:                      /* CSI parameters */
			if (c >= '0' && c <= '9') {
				if (t->nparam == 0)
					t->nparam = 1;
				t->param[t->nparam - 1] = t->param[t->nparam - 1] * 10 + (c - '0');
			} else if (c == ';' || c == ':') {
				if (t->nparam == 0)
					t->nparam = 1;
				if (t->nparam < 16)
					t->nparam++;
			} else if (c == '?' || c == '>' || c == '<' || c == '=' || c == '!')
				t->priv = (char)c;
			else if (c >= 0x20 && c < 0x40)
				;                    /* intermediates */
			else if (c >= 0x40 && c < 0x7f) {
				t->state = 0;
				csi(t, (char)c);
			} else if (c < 0x20) {
				/* controls inside a sequence act at once */
				if (c == 0x1b)
					t->state = 1;
				else if (c == '\b' && t->x > 0)
					t->x--;
			}
			continue;
		case 3:                      /* string: until BEL or ST */
			if (c == 7)
				t->state = 0;
			else if (c == 0x1b)
				t->state = 5;
			continue;
		case 5:
			t->state = c == '\\' ? 0 : 3;
			continue;
		case 4:                      /* charset designation: one byte */
			t->state = 0;
			continue;
		}
		if (t->u8left) {
			if ((c & 0xc0) == 0x80) {
				t->u8 = (t->u8 << 6) | (c & 0x3f);
				if (--t->u8left == 0)
					put(t, t->u8);
				continue;
			}
			t->u8left = 0;
			put(t, 0xfffd);
		}
		if (c >= 0xc0 && c < 0xf8) {
			t->u8left = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
			t->u8 = c & (c >= 0xf0 ? 0x07 : c >= 0xe0 ? 0x0f : 0x1f);
			continue;
		}
		if (c >= 0x80)
			continue;
		switch (c) {
		case 0x1b: t->state = 1; break;
		case '\r': t->x = 0; t->wrap = 0; break;
		case '\n': case '\v': case '\f': index_down(t); t->wrap = 0; break;
		case '\b': if (t->x > 0) t->x--; t->wrap = 0; break;
		case '\t': t->x = (t->x / 8 + 1) * 8; if (t->x >= t->cols) t->x = t->cols - 1; break;
		default:
			if (c >= 0x20 && c < 0x7f)
				put(t, c);
			break;
		}
	}
}

/* Row y as UTF-8 into out (at least cols * 4 + 1 bytes). */
static void row_text(struct term *t, int y, char *out)
{
	char *p = out;

	for (int x = 0; x < t->cols; x++) {
		uint32_t c = *at(t, y, x);
		if (c == 0)
			continue;
		if (c < 0x80)
			*p++ = (char)c;
		else if (c < 0x800) {
			*p++ = (char)(0xc0 | (c >> 6));
			*p++ = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			*p++ = (char)(0xe0 | (c >> 12));
			*p++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*p++ = (char)(0x80 | (c & 0x3f));
		} else {
			*p++ = (char)(0xf0 | (c >> 18));
			*p++ = (char)(0x80 | ((c >> 12) & 0x3f));
			*p++ = (char)(0x80 | ((c >> 6) & 0x3f));
			*p++ = (char)(0x80 | (c & 0x3f));
		}
	}
	*p = '\0';
}

static int shows(struct term *t, const char *s)
{
	char *row = malloc((size_t)t->cols * 4 + 1);
	int found = 0;

	for (int y = 0; y < t->rows && !found && row; y++) {
		row_text(t, y, row);
		found = strstr(row, s) != NULL;
	}
	free(row);
	return found;
}

static void dump(struct term *t)
{
	char *row = malloc((size_t)t->cols * 4 + 1);

	for (int y = 0; y < t->rows && row; y++) {
		row_text(t, y, row);
		for (size_t n = strlen(row); n && row[n - 1] == ' '; )
			row[--n] = '\0';
		fprintf(stderr, "|%s\n", row);
	}
	free(row);
}

/* ---- the program on its pty ---- */

struct run {
	struct term t;
	int fd;
	pid_t pid;
	int done, failed;
	struct rusage ru;
	double tmark, last_out;
	long bytes, got;            /* since the mark; since the last settle began */
	double cpu_mark;
};

/* CPU time of pid in ms: /proc/PID/schedstat (ns), else stat (ticks). */
static double cpu_ms(pid_t pid)
{
	char path[64];
	FILE *f;
	double v = 0;

	snprintf(path, sizeof path, "/proc/%d/schedstat", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		unsigned long long ns;
		int ok = fscanf(f, "%llu", &ns) == 1;
		fclose(f);
		if (ok && ns > 0)
			return ns / 1e6;
	}
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		char buf[1024], *p;
		unsigned long ut, st;
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
		if ((p = strrchr(buf, ')')) != NULL &&
		    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) == 2)
			v = (ut + st) * 1000.0 / sysconf(_SC_CLK_TCK);
	}
	return v;
}

/* Wait at most ms ms for output and read all of it that is there;
 * 1 when something came. */
static int pump_once(struct run *r, double ms)
{
	struct pollfd p = { r->fd, POLLIN, 0 };
	int n, got = 0;

	if (r->done)
		return 0;
	while ((n = poll(&p, 1, got ? 0 : (int)(ms + 0.999))) != 0) {
		unsigned char buf[65536];
		ssize_t k;

		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		k = read(r->fd, buf, sizeof buf);
		if (k > 0) {
			feed(&r->t, buf, (size_t)k);
			r->bytes += k;
			r->got += k;
			r->last_out = now_ms();
			got = 1;
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		/* EIO: the slave side closed, the program is gone */
		if (wait4(r->pid, NULL, 0, &r->ru) == r->pid)
			r->done = 1;
		break;
	}
	return got;
}

/* Read what the program writes for ms ms (0: what is there now). */
static void pump(struct run *r, double ms)
{
	double end = now_ms() + ms;

	do
		pump_once(r, end - now_ms() > 0 ? end - now_ms() : 0);
	while (!r->done && now_ms() < end);
}

static pid_t start(struct run *r, int rows, int cols, char **argv)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	memset(r, 0, sizeof *r);
	term_init(&r->t, rows, cols);
	r->tmark = now_ms();
	r->pid = forkpty(&r->fd, NULL, NULL, &ws);
	if (r->pid < 0) {
		perror("benchpty: forkpty");
		exit(2);
	}
	if (r->pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "benchpty: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	r->cpu_mark = 0;
	return r->pid;
}

static void send_key(struct run *r, const char *name)
{
	static const struct { const char *name, *seq; } keys[] = {
		{ "Enter", "\r" }, { "Esc", "\033" }, { "Tab", "\t" }, { "Space", " " },
		{ "Up", "\033OA" }, { "Down", "\033OB" }, { "Right", "\033OC" },
		{ "Left", "\033OD" }, { "PgUp", "\033[5~" }, { "PgDn", "\033[6~" },
		{ "Backspace", "\177" },
	};
	const char *seq = name;
	char ctl[2];

	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (strcmp(keys[i].name, name) == 0)
			seq = keys[i].seq;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
		ctl[0] = (char)(name[2] & 0x1f);
		ctl[1] = '\0';
		seq = ctl;
	}
	if (write(r->fd, seq, strlen(seq)) < 0)
		r->failed = 1;
}

/* ---- results ---- */

struct label {
	char name[64];
	double v[MAXVALUES];
	int n;
};

static struct label labels[MAXLABELS];
static int nlabels;

static void record(const char *name, double v)
{
	int i;

	for (i = 0; i < nlabels && strcmp(labels[i].name, name) != 0; i++)
		;
	if (i == nlabels) {
		if (nlabels == MAXLABELS)
			return;
		snprintf(labels[nlabels++].name, sizeof labels[0].name, "%s", name);
	}
	if (labels[i].n < MAXVALUES)
		labels[i].v[labels[i].n++] = v;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void report(int verbose)
{
	for (int i = 0; i < nlabels; i++) {
		struct label *l = &labels[i];
		double m;

		qsort(l->v, (size_t)l->n, sizeof l->v[0], cmp_double);
		m = l->n % 2 ? l->v[l->n / 2] : (l->v[l->n / 2 - 1] + l->v[l->n / 2]) / 2;
		printf("%s %.1f", l->name, m);
		if (verbose)
			for (int k = 0; k < l->n; k++)
				printf(" %.1f", l->v[k]);
		putchar('\n');
	}
}

/* ---- scripts ---- */

static int run_script(char *script, int rows, int cols, char **argv)
{
	struct run r;
	char *save = NULL, *line;
	char *copy = strdup(script);
	int ok = 1;

	if (!copy)
		return 0;
	start(&r, rows, cols, argv);
	for (line = strtok_r(copy, "\n", &save); line && ok; line = strtok_r(NULL, "\n", &save)) {
		char *arg;

		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line || *line == '#')
			continue;
		arg = line + strcspn(line, " ");
		if (*arg)
			*arg++ = '\0';
		if (strcmp(line, "wait") == 0) {
			double end = now_ms() + WAIT_MS;
			while (!shows(&r.t, arg) && !r.done && now_ms() < end)
				pump_once(&r, 50);
			if (!shows(&r.t, arg)) {
				fprintf(stderr, "benchpty: %s: \"%s\" never shown%s; the screen:\n",
					argv[0], arg, r.done ? " (program ended)" : "");
				dump(&r.t);
				ok = 0;
			}
		} else if (strcmp(line, "settle") == 0) {
			double quiet = atof(arg), begin = now_ms();
			r.got = 0;
			for (;;) {
				pump_once(&r, 10);
				if (r.done)
					break;
				if (r.got ? now_ms() - r.last_out >= quiet : now_ms() - begin >= SETTLE_IDLE_MS)
					break;
			}
		} else if (strcmp(line, "key") == 0)
			send_key(&r, arg);
		else if (strcmp(line, "type") == 0) {
			if (write(r.fd, arg, strlen(arg)) < 0)
				ok = 0;
		} else if (strcmp(line, "mark") == 0) {
			pump(&r, 0);
			r.tmark = now_ms();
			r.bytes = 0;
			r.cpu_mark = cpu_ms(r.pid);
		} else if (strcmp(line, "sh") == 0) {
			pid_t p = fork();
			int st;
			if (p == 0) {
				int null = open("/dev/null", O_WRONLY);
				if (null >= 0)
					dup2(null, 1);
				execl("/bin/sh", "sh", "-c", arg, (char *)NULL);
				_exit(127);
			}
			while (waitpid(p, &st, WNOHANG) == 0)
				pump_once(&r, 1);
			r.tmark = now_ms();
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				fprintf(stderr, "benchpty: failed: %s\n", arg);
				ok = 0;
			}
		} else if (strcmp(line, "sleep") == 0)
			pump(&r, atof(arg));
		else if (strcmp(line, "ms") == 0)
			record(arg, now_ms() - r.tmark);
		else if (strcmp(line, "bytes") == 0) {
			pump(&r, 0);
			record(arg, (double)r.bytes);
		} else if (strcmp(line, "cpu") == 0)
			record(arg, cpu_ms(r.pid) - r.cpu_mark);
		else if (strcmp(line, "dump") == 0)
			dump(&r.t);
		else if (strcmp(line, "quit") == 0) {
			for (int i = 0; i < 50 && !r.done; i++) {
				send_key(&r, "q");
				pump(&r, 200);
			}
			if (r.done)
				record(arg, (double)r.ru.ru_maxrss);
			else
				ok = 0;
		} else {
			fprintf(stderr, "benchpty: unknown command '%s'\n", line);
			ok = 0;
		}
		if (r.done && strcmp(line, "quit") != 0 && ok) {
			fprintf(stderr, "benchpty: %s ended early; the screen:\n", argv[0]);
			dump(&r.t);
			ok = 0;
		}
	}
	if (!r.done) {
		kill(r.pid, SIGTERM);
		pump(&r, 2000);
		if (!r.done) {
			kill(r.pid, SIGKILL);
			waitpid(r.pid, NULL, 0);
		}
	}
	close(r.fd);
	free(r.t.cell);
	free(copy);
	return ok;
}

/* -c: the whole command, no terminal: wall time and peak RSS. */
static int run_command(char **argv)
{
	double t0 = now_ms();
	struct rusage ru;
	int st;
	pid_t p = fork();

	if (p == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (p < 0 || wait4(p, &st, 0, &ru) != p)
		return 0;
	record("ms", now_ms() - t0);
	record("rss", (double)ru.ru_maxrss);
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: benchpty [-s COLSxROWS] [-r RUNS] [-T TERM] [-v] -e SCRIPT -- PROGRAM [ARG...]\n"
		"       benchpty [-r RUNS] [-v] -c -- PROGRAM [ARG...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	int rows = 24, cols = 80, runs = 1, verbose = 0, command = 0, ok = 1, opt;
	const char *script = NULL, *term = "xterm-256color";

	setlocale(LC_CTYPE, "C.UTF-8");
	while ((opt = getopt(argc, argv, "s:r:T:e:cv")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 || cols < 2 || rows < 2)
				return usage();
			break;
		case 'r': runs = atoi(optarg); break;
		case 'T': term = optarg; break;
		case 'e': script = optarg; break;
		case 'c': command = 1; break;
		case 'v': verbose = 1; break;
		default: return usage();
		}
	}
	if (optind >= argc || (!script && !command) || runs < 1)
		return usage();
	signal(SIGPIPE, SIG_IGN);
	if (!command) {
		setenv("TERM", term, 1);
		unsetenv("LINES");
		unsetenv("COLUMNS");
	}
	for (int i = 0; i < runs; i++)
		if (!(command ? run_command(argv + optind) : run_script((char *)script, rows, cols, argv + optind)))
			ok = 0;
	report(verbose);
	fflush(stdout);
	return ok ? 0 : 1;
}
