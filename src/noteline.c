/* noteline.c - a line typed into the minutes, read (see noteline.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "copse/noteline.h"
#include "copse/status.h"
#include "copse/util.h"

#define DATE_WORDS "YYYY-MM-DD, today, tomorrow or a weekday"

void noteline_init(struct noteline *nl)
{
	memset(nl, 0, sizeof *nl);
	nl->kind = "note";
}

void noteline_done(struct noteline *nl)
{
	if (!nl)
		return;
	free(nl->text);
	free(nl->handle);
	noteline_init(nl);
}

static int starts_with_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* The local date of t plus days, as YYYY-MM-DD. */
static void local_date(time_t t, int days, char out[11])
{
	struct tm tm;

	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = 12;          /* away from a DST change at midnight */
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* A day of the week by name or its abbreviation: 0 Sunday .. 6, or -1. */
static int weekday_of(const char *w, size_t n)
{
	static const char *const days[] = {
		"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	};

	if (n < 3)
		return -1;
	for (int d = 0; d < 7; d++) {
		size_t full = strlen(days[d]);

		/* "fri", "thur", "thurs", "friday" */
		if (n <= full && strncasecmp(w, days[d], n) == 0 &&
		    (n == 3 || n == full || (d == 2 && n == 4) || (d == 4 && n <= 5)))
			return d;
	}
	return -1;
}

/* The date that word (n bytes) names as of now: 0 with out set, 1 when
 * it is no date word, -1 when it looks like YYYY-MM-DD but is no date. */
static int date_word(const char *w, size_t n, time_t now, char out[11])
{
	char buf[16];
	int wd;

	if (n >= sizeof buf)
		return 1;
	memcpy(buf, w, n);
	buf[n] = '\0';
	if (isdigit((unsigned char)buf[0]) && strchr(buf, '-'))
		return date_parse(buf, out) == 0 ? 0 : -1;
	if (strcasecmp(buf, "today") == 0) {
		local_date(now, 0, out);
		return 0;
	}
	if (strcasecmp(buf, "tomorrow") == 0) {
		local_date(now, 1, out);
		return 0;
	}
	if ((wd = weekday_of(buf, n)) >= 0) {
		struct tm tm;
		int ahead;

		localtime_r(&now, &tm);
		ahead = (wd - tm.tm_wday + 7) % 7;
		local_date(now, ahead ? ahead : 7, out);
		return 0;
	}
	return 1;
}

/* The start of the last whole word "due" in text (any case), or NULL. */
static char *last_due(char *text)
{
	char *found = NULL;

	for (char *p = text; *p; p++)
		if (strncasecmp(p, "due", 3) == 0 && (p == text || isspace((unsigned char)p[-1])) &&
		    (p[3] == '\0' || isspace((unsigned char)p[3])))
			found = p;
	return found;
}

/* The date the n bytes of word name ("friday", "2024-05-03") into due;
 * COPSE_OK or INVALID with the message. */
static int due_words(const char *word, size_t n, time_t now, char due[11], char *err,
		     size_t errlen)
{
	int r;

	if (n == 0)
		return err_set(err, errlen, COPSE_INVALID, "due: say when (" DATE_WORDS ")");
	if (strcspn(word, " \t") < n || (r = date_word(word, n, now, due)) > 0)
		return err_set(err, errlen, COPSE_INVALID,
			       "due '%s': not a date (use " DATE_WORDS ")", word);
	if (r < 0)
		return err_set(err, errlen, COPSE_INVALID,
			       "due date '%.*s': not a valid date (YYYY-MM-DD)", (int)n, word);
	return COPSE_OK;
}

/* Split the trailing "due DATE" (or "by YYYY-MM-DD") off an action's
 * text, in place, into due.  COPSE_OK or INVALID with the message. */
static int split_due(char *text, time_t now, char due[11], char *err, size_t errlen)
{
	char *kw = last_due(text), *word, *end;
	size_t n;
	int r;

	due[0] = '\0';
	if (!kw) {
		/* "by 2025-04-01": only a date-shaped word, "by Friday" is words */
		end = text + strlen(text);
		word = end;
		while (word > text && !isspace((unsigned char)word[-1]))
			word--;
		kw = word;
		while (kw > text && isspace((unsigned char)kw[-1]))
			kw--;
		if (kw - text < 2 || strncasecmp(kw - 2, "by", 2) != 0 ||
		    (kw - 2 > text && !isspace((unsigned char)kw[-3])) ||
		    !isdigit((unsigned char)*word) || !strchr(word, '-'))
			return COPSE_OK;
		if (date_word(word, (size_t)(end - word), now, due) != 0)
			return err_set(err, errlen, COPSE_INVALID,
				       "due date '%s': not a valid date (YYYY-MM-DD)", word);
		kw[-2] = '\0';
		str_trim(text);
		return COPSE_OK;
	}
	word = str_trim(kw + 3);
	n = strlen(word);
	while (n > 0 && strchr(".,;!", word[n - 1]))   /* "due friday." */
		n--;
	if ((r = due_words(word, n, now, due, err, errlen)) != COPSE_OK)
		return r;
	*kw = '\0';
	str_trim(text);
	return COPSE_OK;
}

int noteline_due(const char *word, time_t now, char due[11], char *err, size_t errlen)
{
	due[0] = '\0';
	return due_words(word, strlen(word), now, due, err, errlen);
}

int noteline_parse(const char *line, time_t now, struct noteline *out, char *err, size_t errlen)
{
	char *copy, *text;
	int status = COPSE_OK;

	noteline_init(out);
	if (str_empty(line))
		return err_set(err, errlen, COPSE_INVALID, "note: must not be empty");
	if (!(copy = xstrdup(line)))
		return err_nomem(err, errlen);
	text = str_trim(copy);
	if (starts_with_ci(text, "d:")) {
		out->kind = "decision";
		text += 2;
	} else if (starts_with_ci(text, "q:")) {
		out->kind = "question";
		text += 2;
	} else if (text[0] == '?') {
		out->kind = "question";
		text += 1;
	} else if (starts_with_ci(text, "a:")) {
		out->kind = "action";
		text += 2;
	}
	text = str_trim(text);
	if (strcmp(out->kind, "action") == 0) {
		char *handle;
		size_t hl;

		if (text[0] != '@' || !text[1] || isspace((unsigned char)text[1])) {
			status = err_set(err, errlen, COPSE_INVALID,
					 "action line: say who, as in 'a: @handle what to do'");
			goto out;
		}
		handle = text + 1;
		hl = strcspn(handle, " \t\n");
		text = handle + hl;
		if (*text)
			*text++ = '\0';
		/* "@zoe:" or "@zoe," */
		while (hl > 0 && (handle[hl - 1] == ':' || handle[hl - 1] == ','))
			handle[--hl] = '\0';
		text = str_trim(text);
		if (*text && (status = split_due(text, now, out->due, err, errlen)) != COPSE_OK)
			goto out;
		if (!*text) {
			status = err_set(err, errlen, COPSE_INVALID,
					 "action line: say what, as in 'a: @%s what to do'", handle);
			goto out;
		}
		if (!(out->handle = xstrdup(handle))) {
			status = err_nomem(err, errlen);
			goto out;
		}
	} else if (!*text) {
		status = err_set(err, errlen, COPSE_INVALID, "%s: must not be empty", out->kind);
		goto out;
	}
	if (!(out->text = xstrdup(text)))
		status = err_nomem(err, errlen);
out:
	free(copy);
	return status;
}

char *noteline_action_body(const struct noteline *nl)
{
	struct buf b;

	buf_init(&b);
	if (buf_printf(&b, "@%s: %s", nl->handle ? nl->handle : "", nl->text ? nl->text : "") != 0 ||
	    (nl->due[0] && buf_printf(&b, " (due %s)", nl->due) != 0)) {
		buf_done(&b);
		return NULL;
	}
	return buf_steal(&b);
}
