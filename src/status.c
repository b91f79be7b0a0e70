/* status.c - the status codes' messages and exit statuses, from the one
 * list in status.h. */
#include "copse/status.h"
#include "copse/util.h"

static const struct {
	int exit;
	const char *msg;
} statuses[] = {
#define STATUS_ROW(name, ex, m) { ex, m },
	COPSE_STATUSES(STATUS_ROW)
#undef STATUS_ROW
};

const char *status_message(int status)
{
	if (status < 0 || (size_t)status >= ARRAY_SIZE(statuses))
		return "unknown error";
	return statuses[status].msg;
}

int status_exit(int status)
{
	if (status < 0 || (size_t)status >= ARRAY_SIZE(statuses))
		return 1;
	return statuses[status].exit;
}
