/* editor.c - running $VISUAL/$EDITOR on a draft: the command, the shell
 * around it, signals while it runs, and what it left.  See editor.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "copse/draft.h"
#include "copse/editor.h"
#include "copse/status.h"
#include "copse/util.h"

void editor_result_done(struct editor_result *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->draft);
	free(r->path);
	memset(r, 0, sizeof *r);
}

const char *editor_command(void)
{
	const char *s = getenv("VISUAL");

	if (str_empty(s))
		s = getenv("EDITOR");
	if (str_empty(s))
		s = "vi";
	return s;
}

/* Length of s without its trailing newlines. */
static size_t len_sans_newlines(const char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n;
}

/* Wait for the child pid with SIGCHLD blocked (chld), calling o->tick
 * every o->tick_seconds meanwhile: sigtimedwait sleeps until the child
 * ends or the tick is due, so the wait costs nothing.  Returns 0 with
 * *status, or -1 with errno. */
static int wait_child(pid_t pid, const sigset_t *chld, const struct editor_opts *o,
		      int *status)
{
	int ticking = o && o->tick && o->tick_seconds > 0;

	for (;;) {
		struct timespec ts;
		pid_t w = waitpid(pid, status, ticking ? WNOHANG : 0);

		if (w == pid)
			return 0;
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		ts.tv_sec = o->tick_seconds;
		ts.tv_nsec = 0;
		if (sigtimedwait(chld, NULL, &ts) < 0 && errno == EAGAIN)
			o->tick(o->ctx);
	}
}

/* Run cmd "$1" through /bin/sh with SIGINT/SIGQUIT ignored here. Returns
 * the wait status, or -1 with errno when fork failed. */
static int run_shell(const char *cmd, const char *file, const struct editor_opts *o)
{
	struct sigaction ign, old_int, old_quit;
	sigset_t chld, old_mask;
	struct buf c;
	pid_t pid;
	int status = -1, e = 0;

	buf_init(&c);
	if (buf_printf(&c, "%s \"$1\"", cmd) != 0) {
		errno = ENOMEM;
		return -1;
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	/* Keep an app's SIGCHLD handler from reaping our child, as system() does. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old_mask);

	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGXFSZ, SIG_DFL);     /* copse ignores it (cli.c) */
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		execl("/bin/sh", "sh", "-c", c.s, "sh", file, (char *)NULL);
		_exit(127);
	}
	if (pid < 0) {
		e = errno;
	} else if (wait_child(pid, &chld, o, &status) != 0) {
		e = errno;
		status = -1;
	}
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	buf_done(&c);
	if (status == -1)
		errno = e ? e : ECHILD;
	return status;
}

int editor_run(const char *initial, const struct editor_opts *o, struct editor_result *r,
	       char *err, size_t errlen)
{
	static const struct editor_opts none;
	const char *cmd = editor_command();
	size_t len, line;
	int rc, status, e;

	memset(r, 0, sizeof *r);
	if (!o)
		o = &none;
	if (!initial)
		initial = "";
	{
		struct draft_meta m = {
			.kind = o->kind, .context = o->context, .db_path = o->db_path,
			.record = o->record, .record_id = o->record_id,
			.record_created = o->record_created, .title = o->title,
			.version = o->version,
		};

		rc = draft_create_meta(&m, initial, &r->draft, &r->path, err, errlen);
	}
	if (rc != COPSE_OK)
		return rc;

	if (o->suspend)
		o->suspend(o->ctx);
	status = run_shell(cmd, r->path, o);
	e = errno;
	if (o->resume)
		o->resume(o->ctx);

	if (status == -1)
		return err_set(err, errlen, err_from_errno(e), "cannot start the editor: %s; nothing saved",
			       strerror(e));
	if (file_read_len(r->path, &r->text, &len) != 0) {
		e = errno;
		r->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		return err_set(err, errlen, err_from_errno(e), "%s: cannot read the edited text: %s",
			       r->path, strerror(e));
	}
	/* a NUL would cut the text short there: refuse it, keep the draft */
	if ((line = str_nul_line(r->text, len)) > 0) {
		r->exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		return err_set(err, errlen, COPSE_INVALID, "line %zu holds a NUL byte; nothing"
			       " saved, your text is kept in %s", line, r->path);
	}
	{
		size_t a = len_sans_newlines(initial), b = len_sans_newlines(r->text);
		r->changed = a != b || memcmp(initial, r->text, a) != 0;
	}
	if (WIFSIGNALED(status)) {
		r->exit_status = 128 + WTERMSIG(status);
		return err_set(err, errlen, COPSE_IO, "editor killed by signal %d; nothing saved",
			       WTERMSIG(status));
	}
	r->exit_status = WEXITSTATUS(status);
	/* The editor runs under sh, which reports a child killed by signal N
	 * as exit status 128+N. */
	if (r->exit_status > 128 && r->exit_status < 128 + 65)
		return err_set(err, errlen, COPSE_IO, "editor killed by signal %d; nothing saved",
			       r->exit_status - 128);
	if (r->exit_status == 127)
		return err_set(err, errlen, COPSE_IO, "editor '%s' not found; nothing saved", cmd);
	if (r->exit_status != 0)
		return err_set(err, errlen, COPSE_IO, "editor exited with status %d; nothing saved",
			       r->exit_status);
	return COPSE_OK;
}

