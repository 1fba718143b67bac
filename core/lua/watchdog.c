/*
 * watchdog.c - the per-thread CPU-time timer of watchdog.h.
 *
 * Why a timer signal, and not the alternatives:
 *   - a watchdog thread would have to call lua_sethook on a state another
 *     thread is running, a data race the Lua manual does not allow, and
 *     would follow wall time or poll the worker's CPU clock;
 *   - polling the clock from the engine's C code misses a rule looping in
 *     plain Lua, which calls nothing;
 *   - a timer on CLOCK_THREAD_CPUTIME_ID counts only the evaluating
 *     thread's CPU time (a busy machine does not make it fire early), and
 *     SIGEV_THREAD_ID delivers its signal to that very thread, so the
 *     handler interrupts the Lua state it is about, never another worker's
 *     (each worker of `batch -j N` has its own state and timer).
 * The timer carries its watchdog in sigev_value: no global state. The
 * handler does only what is async-signal-safe: reads the armed flag and
 * calls lua_sethook.
 */
#define _GNU_SOURCE     /* gettid, SIGEV_THREAD_ID */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua/watchdog.h"

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid   /* glibc before 2.41 */
#endif

static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static int installed;   /* written once, under install_once */

/* A tick: only from our own timers (SI_TIMER), only while armed. */
static void on_tick(int sig, siginfo_t *si, void *context)
{
    struct nms_watchdog *w;

    (void)sig;
    (void)context;
    if (!si || si->si_code != SI_TIMER)
        return;
    w = si->si_value.sival_ptr;
    if (w && w->armed)
        lua_sethook(w->L, w->hook, LUA_MASKCOUNT, 1);
}

/* Installs on_tick unless the signal is someone else's already. */
static void install(void)
{
    struct sigaction sa, old;

    if (sigaction(NMS_WATCHDOG_SIGNAL, NULL, &old) != 0)
        return;
    if ((old.sa_flags & SA_SIGINFO) ? old.sa_sigaction != NULL
                                    : old.sa_handler != SIG_DFL)
        return;   /* the embedding program uses it: count every case */
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_tick;
    /* SA_RESTART: a tick during a system call of the evaluating thread
     * (an allocation that maps memory) must not make it fail. */
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    installed = sigaction(NMS_WATCHDOG_SIGNAL, &sa, NULL) == 0;
}

int nms_watchdog_usable(void)
{
    return pthread_once(&install_once, install) == 0 && installed;
}

/* Makes w's timer for the calling thread: its CPU clock, its signal. */
static int make_timer(struct nms_watchdog *w)
{
    struct sigevent sev;
    sigset_t ours;

    if (w->has_timer) {
        timer_delete(w->timer);
        w->has_timer = 0;
    }
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_THREAD_ID;
    sev.sigev_signo = NMS_WATCHDOG_SIGNAL;
    sev.sigev_value.sival_ptr = w;
    sev.sigev_notify_thread_id = gettid();
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &sev, &w->timer) != 0)
        return -1;
    /* A thread that blocked the signal would never see a tick (and a
     * looping rule would never stop): the evaluating thread takes it. */
    sigemptyset(&ours);
    sigaddset(&ours, NMS_WATCHDOG_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &ours, NULL);
    w->tid = gettid();
    w->has_timer = 1;
    return 0;
}

static struct timespec span(long long ns)
{
    struct timespec ts;

    ts.tv_sec = (time_t)(ns / 1000000000LL);
    ts.tv_nsec = (long)(ns % 1000000000LL);
    return ts;
}

int nms_watchdog_arm(struct nms_watchdog *w, lua_State *L, lua_Hook hook,
                     long long first_ns, long long period_ns)
{
    struct itimerspec when;

    if (!nms_watchdog_usable())
        return -1;
    /* The thread's id, not pthread_self(): a pthread_t may be reused by a
     * later thread, whose CPU clock this timer would not follow. */
    if ((!w->has_timer || w->tid != gettid()) && make_timer(w) != 0)
        return -1;
    w->L = L;
    w->hook = hook;
    when.it_value = span(first_ns > 0 ? first_ns : 1);
    when.it_interval = span(period_ns > 0 ? period_ns : 1);
    w->armed = 1;
    if (timer_settime(w->timer, 0, &when, NULL) != 0) {
        w->armed = 0;
        return -1;
    }
    return 0;
}

void nms_watchdog_disarm(struct nms_watchdog *w)
{
    static const struct itimerspec off;

    if (!w->armed)
        return;
    /* Disarmed first: a tick that arrives before the timer is stopped
     * (or is still pending) then does nothing. A pending tick is delivered
     * when timer_settime returns to this thread, while w still exists. */
    w->armed = 0;
    timer_settime(w->timer, 0, &off, NULL);
}

void nms_watchdog_free(struct nms_watchdog *w)
{
    nms_watchdog_disarm(w);
    if (w->has_timer)
        timer_delete(w->timer);
    w->has_timer = 0;
}
