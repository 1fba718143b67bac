/* interrupt.c - recording SIGINT/SIGTERM for a clean stop (see interrupt.h). */
#include <signal.h>
#include <string.h>

#include "front/interrupt.h"

/* The one global a signal handler needs (STYLE.md habit 10). */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

int nms_interrupt_install(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   /* no SA_RESTART: a read blocked on a pipe returns */
    if (sigaction(SIGINT, &sa, NULL) != 0 || sigaction(SIGTERM, &sa, NULL) != 0)
        return -1;
    return 0;
}

int nms_interrupted(void)
{
    return (int)stop_signal;
}

int nms_interrupt_install_sigint(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   /* no SA_RESTART: select() at the prompt returns */
    return sigaction(SIGINT, &sa, NULL);
}

const volatile sig_atomic_t *nms_interrupt_flag(void)
{
    return &stop_signal;
}

void nms_interrupt_clear(void)
{
    stop_signal = 0;
}
