/* input.c - one entry from one or more lines (see input.h). */
#include <ctype.h>
#include <string.h>

#include "session/input.h"
#include "session/replua.h"

void input_reset(struct input *in)
{
    in->len = 0;
    in->buf[0] = '\0';
}

/* A line that is a whole entry by itself: a dot-command, a # comment or
 * a blank line, when no Lua chunk is pending. */
static int single_line(const char *line)
{
    while (isspace((unsigned char)*line))
        line++;
    return !*line || *line == '.' || *line == '#';
}

enum input_state input_add(struct input *in, struct session *s,
                           const char *line, long line_no)
{
    size_t n = strlen(line);

    if (in->len == 0)
        in->first_line = line_no;
    if (in->len + n + 2 > sizeof in->buf) {
        input_reset(in);
        repl_error(s, "input too long (more than %u bytes in one entry)",
                   REPL_MAX_INPUT);
        return INPUT_TOOLONG;
    }
    if (in->len > 0)
        in->buf[in->len++] = '\n';
    memcpy(in->buf + in->len, line, n + 1);
    in->len += n;
    if (in->len == n && single_line(line))
        return INPUT_READY;
    return replua_check(s->lua, in->buf, in->len) ? INPUT_MORE : INPUT_READY;
}
