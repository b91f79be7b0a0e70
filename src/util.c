/* util.c - buffers, string vectors, strings, time, files and error
 * messages. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copse/status.h"
#include "copse/util.h"

/* ---- buf ---- */

void buf_init(struct buf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

void buf_done(struct buf *b)
{
	free(b->s);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

static int buf_grow(struct buf *b, size_t need)
{
	size_t cap;
	char *s;

	if (b->len + need + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + need + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (!s)
		return -1;
	b->s = s;
	b->cap = cap;
	return 0;
}

int buf_add(struct buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n) != 0)
		return -1;
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int buf_puts(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int buf_putc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || buf_grow(b, (size_t)n) != 0)
		return -1;
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return 0;
}

char *buf_steal(struct buf *b)
{
	char *s = b->s;

	if (!s)
		s = calloc(1, 1);
	buf_init(b);
	return s;
}

int buf_read_file(struct buf *b, FILE *fp)
{
	char chunk[8192];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		if (buf_add(b, chunk, n) != 0)
			return -1;
	if (ferror(fp))
		return -1;
	if (!b->s && buf_add(b, "", 0) != 0)
		return -1;
	return 0;
}

/* ---- strv ---- */

void strv_init(struct strv *sv)
{
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

void strv_done(struct strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	strv_init(sv);
}

int strv_push(struct strv *sv, const char *s)
{
	char *dup;

	if (sv->n + 1 >= sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 8;
		char **v = realloc(sv->v, cap * sizeof *v);
		if (!v)
			return -1;
		sv->v = v;
		sv->cap = cap;
	}
	if (!(dup = xstrdup(s)))
		return -1;
	sv->v[sv->n++] = dup;
	sv->v[sv->n] = NULL;
	return 0;
}

int strv_contains(const struct strv *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

/* ---- set of strings ---- */

void strset_init(struct strset *s, int fold)
{
	memset(s, 0, sizeof *s);
	s->fold = fold;
}

void strset_done(struct strset *s)
{
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
	strset_init(s, s->fold);
}

static unsigned char fold_ascii(unsigned char c, int fold)
{
	return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* FNV-1a over the (folded) bytes. */
static size_t strset_hash(const struct strset *s, const char *t)
{
	uint64_t h = 1469598103934665603u;

	for (const unsigned char *p = (const unsigned char *)t; *p; p++)
		h = (h ^ fold_ascii(*p, s->fold)) * 1099511628211u;
	return (size_t)h;
}

static int strset_eq(const struct strset *s, const char *a, const char *b)
{
	return s->fold ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

/* The slot holding t, or the free slot where it would go (cap > 0). */
static size_t strset_find(const struct strset *s, const char *t)
{
	size_t i = strset_hash(s, t) & (s->cap - 1);

	while (s->slot[i] && !strset_eq(s, s->slot[i], t))
		i = (i + 1) & (s->cap - 1);
	return i;
}

int strset_has(const struct strset *s, const char *t)
{
	return s->cap && s->slot[strset_find(s, t)] != NULL;
}

int strset_add(struct strset *s, const char *t)
{
	size_t i;
	char *dup;

	if (strset_has(s, t))
		return 0;
	if ((s->n + 1) * 2 > s->cap) {   /* at most half full */
		struct strset bigger = *s;

		bigger.cap = s->cap ? s->cap * 2 : 16;
		if (!(bigger.slot = calloc(bigger.cap, sizeof *bigger.slot)))
			return -1;
		for (size_t k = 0; k < s->cap; k++)
			if (s->slot[k])
				bigger.slot[strset_find(&bigger, s->slot[k])] = s->slot[k];
		free(s->slot);
		*s = bigger;
	}
	if (!(dup = xstrdup(t)))
		return -1;
	i = strset_find(s, t);
	s->slot[i] = dup;
	s->n++;
	return 1;
}

/* The items already in sv and those added are kept in a hash set:
 * linear in the number of items. */
int strv_split(struct strv *sv, const char *s, char sep)
{
	const char *p = s;
	struct strset seen;
	int rc = 0;

	strset_init(&seen, 0);
	for (size_t i = 0; i < sv->n && rc == 0; i++)
		rc = strset_add(&seen, sv->v[i]) < 0 ? -1 : 0;
	while (rc == 0 && p && *p) {
		const char *end = strchr(p, sep);
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *item = xstrndup(p, n);
		int added;

		if (!item) {
			rc = -1;
			break;
		}
		str_trim(item);
		added = *item ? strset_add(&seen, item) : 0;
		if (added < 0 || (added > 0 && strv_push(sv, item) != 0))
			rc = -1;
		free(item);
		p = end ? end + 1 : NULL;
	}
	strset_done(&seen);
	return rc;
}

char *strv_join(const struct strv *sv, const char *sep)
{
	struct buf b;

	buf_init(&b);
	for (size_t i = 0; i < sv->n; i++) {
		if ((i && buf_puts(&b, sep) != 0) || buf_puts(&b, sv->v[i]) != 0) {
			buf_done(&b);
			return NULL;
		}
	}
	return buf_steal(&b);
}

/* ---- strings ---- */

char *xstrdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *xstrndup(const char *s, size_t n)
{
	return s ? strndup(s, n) : NULL;
}

int str_empty(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

char *str_trim(char *s)
{
	char *start = s, *end;

	if (!s)
		return s;
	while (isspace((unsigned char)*start))
		start++;
	end = start + strlen(start);
	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	memmove(s, start, (size_t)(end - start));
	s[end - start] = '\0';
	return s;
}

int str_to_id(const char *s, int64_t *out)
{
	int64_t v = 0;

	if (!s || !*s || *s == '0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

size_t str_nul_line(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);
	size_t line = 1;

	if (!nul)
		return 0;
	for (const char *p = s; p < nul; p++)
		line += *p == '\n';
	return line;
}

/* ---- time ---- */

void time_iso(time_t t, char out[ISO_LEN])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, ISO_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int days_in_month(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/* Read exactly n digits. */
static int digits(const char **p, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* timegm without relying on the nonstandard function's TZ dance. */
static time_t utc_mktime(int y, int mo, int d, int h, int mi, int s)
{
	int64_t days = 0;

	/* days from civil, Howard Hinnant's algorithm */
	y -= mo <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = era * 146097 + doe - 719468;
	return (time_t)(days * 86400 + h * 3600 + mi * 60 + s);
}

/* A calendar date "YYYY-MM-DD" (year 1900 on) at *p, after any blanks;
 * *p moves past it.  0 ok, -1 bad. */
static int ymd(const char **p, int *y, int *mo, int *d)
{
	while (isspace((unsigned char)**p))
		(*p)++;
	if (digits(p, 4, y) || *(*p)++ != '-' || digits(p, 2, mo) || *(*p)++ != '-' ||
	    digits(p, 2, d))
		return -1;
	return *y < 1900 || *mo < 1 || *mo > 12 || *d < 1 || *d > days_in_month(*y, *mo) ? -1 : 0;
}

int time_parse(const char *str, time_t *out)
{
	const char *p = str;
	int y, mo, d, h = 0, mi = 0, s = 0, utc = 0;

	if (!p || ymd(&p, &y, &mo, &d) != 0)
		return -1;
	if ((*p == 'T' || *p == ' ') && isdigit((unsigned char)p[1])) {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &s))
				return -1;
			if (*p == '.')  /* fractional seconds: ignored */
				for (p++; isdigit((unsigned char)*p); p++)
					;
		}
		if (h > 23 || mi > 59 || s > 60)
			return -1;
	}
	if (*p == 'Z') {
		utc = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		int oh, om, sign = *p == '-' ? -1 : 1;
		p++;
		if (digits(&p, 2, &oh))
			return -1;
		if (*p == ':')
			p++;
		if (digits(&p, 2, &om))
			return -1;
		*out = utc_mktime(y, mo, d, h, mi, s) - sign * (oh * 3600 + om * 60);
		goto tail;
	}
	if (utc) {
		*out = utc_mktime(y, mo, d, h, mi, s);
	} else {
		struct tm tm = { 0 };
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = s;
		tm.tm_isdst = -1;
		*out = mktime(&tm);
		if (*out == (time_t)-1)
			return -1;
	}
tail:
	while (isspace((unsigned char)*p))
		p++;
	return *p ? -1 : 0;
}

int date_parse(const char *str, char out[11])
{
	const char *p = str, *date;
	int y, mo, d;

	if (!p || ymd(&p, &y, &mo, &d) != 0)
		return -1;
	date = p - 10;                 /* ymd read exactly these ten bytes */
	while (isspace((unsigned char)*p))
		p++;
	if (*p)
		return -1;
	memcpy(out, date, 10);
	out[10] = '\0';
	return 0;
}

/* Set by copse_now_set: "now" fixed for this process. */
static int now_is_set;
static time_t now_set_to;

time_t copse_now(void)
{
	const char *env = getenv("COPSE_NOW");
	time_t t;

	if (now_is_set)
		return now_set_to;
	if (env && *env && time_parse(env, &t) == 0)
		return t;
	return time(NULL);
}

void copse_now_set(time_t t)
{
	now_is_set = 1;
	now_set_to = t;
}

void copse_now_reset(void)
{
	now_is_set = 0;
}

void time_now_iso(char out[ISO_LEN])
{
	time_iso(copse_now(), out);
}

void time_local(const char *iso, const char *fmt, char *out, size_t n)
{
	time_t t;
	struct tm tm;

	if (!n)
		return;
	if (!iso || time_parse(iso, &t) != 0) {
		snprintf(out, n, "%s", iso ? iso : "");
		return;
	}
	/* A bare date has no time of day: show it as written. */
	if (strlen(iso) == 10) {
		struct tm d = { 0 };
		sscanf(iso, "%d-%d-%d", &d.tm_year, &d.tm_mon, &d.tm_mday);
		d.tm_year -= 1900;
		d.tm_mon -= 1;
		d.tm_hour = 12;
		d.tm_isdst = -1;
		mktime(&d);
		if (strftime(out, n, fmt, &d) == 0)
			out[0] = '\0';
		return;
	}
	localtime_r(&t, &tm);
	if (strftime(out, n, fmt, &tm) == 0)
		out[0] = '\0';
}

/* ---- files ---- */

int fd_write_all(int fd, const char *s, size_t n)
{
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int file_read_all(const char *path, char **out)
{
	size_t len;

	return file_read_len(path, out, &len);
}

int file_read_len(const char *path, char **out, size_t *len)
{
	FILE *fp = fopen(path, "r");
	struct buf b;
	int e;

	*out = NULL;
	*len = 0;
	if (!fp)
		return -1;
	buf_init(&b);
	if (buf_read_file(&b, fp) != 0) {
		e = errno ? errno : EIO;
		fclose(fp);
		buf_done(&b);
		errno = e;
		return -1;
	}
	fclose(fp);
	*len = b.len;
	*out = buf_steal(&b);
	if (!*out) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

char *path_join(const char *dir, const char *name)
{
	struct buf b;

	buf_init(&b);
	if (buf_printf(&b, "%s/%s", dir, name) != 0) {
		buf_done(&b);
		return NULL;
	}
	return buf_steal(&b);
}

int file_create_beside(const char *path, const char *like, char **tmp)
{
	const char *slash = strrchr(path, '/');
	struct stat ref, sb;
	struct buf b;
	mode_t mode = 0600;
	int fd, e;

	*tmp = NULL;
	buf_init(&b);
	if (buf_printf(&b, "%.*s.%s.XXXXXX", slash ? (int)(slash - path + 1) : 0, path,
		       slash ? slash + 1 : path) != 0) {
		errno = ENOMEM;
		return -1;
	}
	/* mkstemp: O_CREAT | O_EXCL, mode 0600, a random name */
	if ((fd = mkstemp(b.s)) < 0) {
		e = errno;
		buf_done(&b);
		errno = e;
		return -1;
	}
	if (like && stat(like, &ref) == 0 && S_ISREG(ref.st_mode)) {
		mode = ref.st_mode & 0666;
		if ((mode & 0060) && fstat(fd, &sb) == 0 && sb.st_gid != ref.st_gid &&
		    fchown(fd, (uid_t)-1, ref.st_gid) != 0)
			mode &= ~(mode_t)0070;
	}
	if (fchmod(fd, mode) != 0) {
		e = errno;
		close(fd);
		unlink(b.s);
		buf_done(&b);
		errno = e;
		return -1;
	}
	*tmp = buf_steal(&b);
	return fd;
}

int file_publish_new(const char *tmp, const char *path)
{
	struct stat sb;

	/* link() never replaces and never follows a symlink at path */
	if (link(tmp, path) == 0) {
		unlink(tmp);
		return 0;
	}
	if (errno != EPERM && errno != ENOTSUP && errno != EXDEV && errno != EMLINK)
		return -1;
	/* a file system without hard links: check, then rename */
	if (lstat(path, &sb) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(tmp, path);
}

/* ---- error messages ---- */

int err_set(char *err, size_t errlen, int status, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return status;
}

int err_nomem(char *err, size_t errlen)
{
	return err_set(err, errlen, COPSE_NOMEM, "out of memory");
}

int err_from_errno(int e)
{
	if (e == EACCES || e == EPERM || e == EROFS)
		return COPSE_PERM;
	if (e == ENOSPC || e == EDQUOT)
		return COPSE_FULL;
	if (e == ENOMEM)
		return COPSE_NOMEM;
	return COPSE_IO;
}

const char *err_text(int e)
{
	if (e == EFBIG)
		return "file size limit reached (ulimit -f)";
	return strerror(e);
}
