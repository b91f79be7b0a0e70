/* display.h - the terminal: curses set-up, styles, drawing of sanitised
 * UTF-8 clipped by display width, key input, and the scripted headless
 * mode used by the screen tests.
 *
 * Only display.c, app.c and view*.c use curses.  All drawing goes to
 * stdscr; dumps read it back.
 *
 * Scripted mode (COPSE_SCRIPT=FILE): the terminal is a headless newterm()
 * writing to /dev/null (never /dev/tty), sized by LINES and COLUMNS, and
 * keys come from the script.  The script format is defined in
 * tests/ui/README.
 */
#ifndef COPSE_DISPLAY_H
#define COPSE_DISPLAY_H

#include <signal.h>

/* Styles, mapped to colour pairs + attributes, or to attributes only
 * under NO_COLOR or on monochrome terminals. */
enum display_style {
	ST_NORMAL,
	ST_HEADER,        /* top line */
	ST_TAB,           /* tab bar */
	ST_TAB_CUR,       /* current tab */
	ST_SELECTED,      /* selected list row */
	ST_SECTION,       /* section heading in a list */
	ST_STATUS,        /* status line */
	ST_ERROR,         /* status line message for a failure */
	ST_DIM,           /* secondary text */
	ST_HEADING,       /* Markdown heading */
	ST_LINK,          /* link text */
	ST_LINK_SEL,      /* the selected link */
	ST_MISSING,       /* link to a missing entry */
	ST_CODE,          /* code */
	ST_QUOTE,         /* quote bar */
	ST_MATCH,         /* search match */
	ST_BORDER,        /* separator between list and preview */
	ST_COUNT
};

enum display_event {
	EV_KEY,           /* *key holds a code (see keys.h) */
	EV_TIMEOUT,       /* nothing within the timeout (or script "tick") */
	EV_RESIZE,        /* the terminal changed size: lay out again */
	EV_END,           /* end of script, or input closed */
};

int display_init(void);            /* 0 ok; -1 with a message on stderr */
void display_done(void);           /* restores the terminal; idempotent */
int display_ascii(void);           /* non-UTF-8 locale: ASCII glyphs */
int display_rows(void);
int display_cols(void);

int display_attr(int style);       /* curses attributes for a style */
void display_erase(void);
/* Draw s (UTF-8) at y,x clipped to w columns with attr; returns the
 * columns used.  Never writes outside the screen.  Text that is not
 * already safe (text_is_safe) is sanitised first, so every byte drawn
 * has passed the sanitiser. */
int display_text(int y, int x, int w, const char *s, int attr);
/* Same, sanitising untrusted text first whatever it holds. */
int display_untrusted(int y, int x, int w, const char *s, int attr);
void display_fill(int y, int x, int w, int attr);    /* w spaces */
void display_chattr(int y, int x, int w, int attr);  /* restyle cells */
void display_cursor(int y, int x);  /* show the cursor there; y<0 hides */
void display_refresh(void);
void display_redraw_all(void);      /* Ctrl-L: repaint from scratch */

/* Wait up to timeout_ms (-1: forever) for input.  In scripted mode the
 * script is read instead; "dump", "resize", "sh" are handled here.  A key
 * comes as copse's own code (keys.h): curses' KEY_* codes are mapped
 * here, so nothing past the screen layer knows them.
 *
 * The wait is a poll() on the terminal, so a terminal that is gone is
 * told from a timeout: a hang-up or an error on it (POLLHUP, POLLERR: the
 * pty was closed, as when an SSH connection drops under `su -c` or
 * `setsid`, where no SIGHUP comes), or input said to be ready that gives
 * nothing (end of input, EIO), returns EV_END, and display_gone() then
 * says why. */
int display_getkey(int timeout_ms, int *key);
/* 1 when more keys are already waiting (a held j; in scripted mode the
 * rest of a "key" line): what is costly to draw can wait for them. */
int display_keys_waiting(void);
/* Why the terminal was given up ("the terminal was closed"), or NULL. */
const char *display_gone(void);

/* Around running an external program (the editor). */
void display_suspend(void);
void display_resume(void);

/* Write the visible screen as text (UTF-8, trailing spaces trimmed). */
int display_dump(const char *path);
/* Write the screen's attributes, one letter a cell (the letters: "attrs"
 * in tests/ui/README). */
int display_dump_attrs(const char *path);

/* Flag set by SIGHUP/SIGTERM/SIGINT; display_getkey returns EV_END. */
extern volatile sig_atomic_t display_quit_signal;

/* Set when the script had an error: the message (for stderr after the
 * terminal is restored), or NULL. */
const char *display_script_error(void);

#endif
