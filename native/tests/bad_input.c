/* Feeds every kind of bad input through the C ABI and prints one line per case: name<TAB>status<TAB>fa_last_error().
 * The xUnit test (tests/FastAttractors.Native.Tests/BadInputTests.cs) checks each status and message; this program
 * only has to get through all cases without crashing. Built by `make -C native examples`. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fastattractors.h"

enum { N = 2, M = 3 };
static double w[N * N] = { 0.5, -1.0, 1.0, 0.5 }, x0[N * M] = { 1, 0.5, -1, 0.2, 0.1, 0.3 };
static double final_states[N * M], trajectory[3 * N * M], exponents[M * N], errors[M * N], loss[M], grad_x0[N * M],
    grad_w[N * N * M], target[N];
static int32_t status[M];
static int8_t patterns[1 * 3 * 4] = { 1, 1, -1, -1, -1, 1, 1, -1, 1, -1, 1, -1 };
static double u[1 * 5 * 4], v[1 * 4 * 5];
static int32_t epochs[1], converged[1], success[2];

void hostile_sizes(fa_context *ctx); /* tests/hostile_sizes.c */
void model_cases(fa_context *ctx);   /* tests/model_input.c */
void degeneracy_cases(fa_context *ctx); /* tests/degeneracy_input.c */

static void report(const char *name, fa_status rc)
{
    printf("%s\t%d\t%s\n", name, (int)rc, fa_last_error());
    fflush(stdout);
}

static fa_status integrate(fa_context *ctx, int32_t n, int32_t members, const double *w_, int64_t w_len,
    const double *x0_, int64_t x0_len, double dt, int64_t steps, int32_t every, int64_t trajectory_len, double *final_, int64_t final_len)
{
    return fa_tanh_integrate_f64(ctx, n, members, w_, w_len, NULL, 0, NULL, 0, x0_, x0_len, dt, steps, every,
        trajectory, trajectory_len, final_, final_len, status, M);
}

static fa_status good_integrate(fa_context *ctx)
{
    return integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, 10, 0, 0, final_states, N * M);
}

static fa_status lyapunov(fa_context *ctx, int32_t k, double *exponents_, int64_t exponents_len)
{
    return fa_tanh_lyapunov_f64(ctx, N, M, w, N * N, NULL, 0, NULL, 0, x0, N * M, 0.1, 1, 10, 1, k,
        exponents_, exponents_len, errors, (int64_t)M * k, status, M);
}

static fa_status gradient(fa_context *ctx, int64_t target_len, double *grad_w_)
{
    return fa_tanh_gradient_f64(ctx, N, M, w, N * N, NULL, 0, NULL, 0, x0, N * M, 0.1, 10, target, target_len,
        loss, M, grad_x0, N * M, grad_w_, N * N * M, status, M);
}

static fa_status train(fa_context *ctx, const int8_t *patterns_, int32_t hidden)
{
    return fa_sequence_train(ctx, patterns_, 12, 1, 3, 4, hidden, 1, 1.0 / 1024, 100, 1, u, 20, v, 20, epochs, 1, converged, 1);
}

static fa_status recall(fa_context *ctx, int32_t flipped, int64_t u_len)
{
    return fa_sequence_recall(ctx, patterns, 12, 1, 3, 4, 5, u, u_len, v, 20, flipped, 2, FA_RECALL_EXACT, 2, success, 2);
}

/* Two threads on one context: the owner runs a long integration (retrying while the poller holds the context); the
 * main thread polls until it sees FA_ERR_BUSY, and tries to destroy the context meanwhile. */
static fa_context *shared_ctx;
static atomic_int owner_started, owner_done;
static fa_status owner_rc;
enum { BIG_N = 32, BIG_M = 64 };
static double big_w[BIG_N * BIG_N], big_x0[BIG_N * BIG_M], big_final[BIG_N * BIG_M];
static int32_t big_status[BIG_M];

static void *owner(void *arg)
{
    (void)arg;
    atomic_store(&owner_started, 1);
    do
        owner_rc = fa_tanh_integrate_f64(shared_ctx, BIG_N, BIG_M, big_w, BIG_N * BIG_N, NULL, 0, NULL, 0, big_x0,
            BIG_N * BIG_M, 0.01, 10000, 0, NULL, 0, big_final, BIG_N * BIG_M, big_status, BIG_M);
    while (owner_rc == FA_ERR_BUSY);
    atomic_store(&owner_done, 1);
    return NULL;
}

static void *fail_on_other_thread(void *arg)
{
    (void)arg;
    good_integrate(NULL); /* sets this thread's error only */
    return NULL;
}

int main(void)
{
    fa_context *ctx = NULL, *dead = NULL;
    fa_backend backend;
    printf("version\t%d\t%s\n", FA_OK, fa_version());
    report("create_null_out", fa_context_create(FA_BACKEND_AUTO, NULL));
    report("create_unknown_backend", fa_context_create((fa_backend)99, &ctx));
    {
        fa_context *cuda = NULL;
        fa_status rc = fa_context_create(FA_BACKEND_CUDA, &cuda); /* FA_OK on a machine with an NVIDIA GPU */
        report("create_cuda", rc);
        if (rc == FA_OK)
            fa_context_destroy(cuda);
    }
    report("create", fa_context_create(FA_BACKEND_AUTO, &ctx));
    report("good_call", good_integrate(ctx));
    report("backend_null_out", fa_context_backend(ctx, NULL));

    report("null_context", good_integrate(NULL));
    report("unknown_context", good_integrate((fa_context *)(intptr_t)0x7fff1234));
    fa_context_create(FA_BACKEND_AUTO, &dead);
    fa_context_destroy(dead);
    report("destroyed_context", good_integrate(dead));
    report("destroy_twice", fa_context_destroy(dead));

    report("null_w", integrate(ctx, N, M, NULL, N * N, x0, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("null_x0", integrate(ctx, N, M, w, N * N, NULL, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("null_final_states", integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, 10, 0, 0, NULL, N * M));
    report("null_trajectory", fa_tanh_integrate_f64(ctx, N, M, w, N * N, NULL, 0, NULL, 0, x0, N * M, 0.1, 10, 5,
        NULL, 3 * N * M, final_states, N * M, status, M));
    report("null_status", fa_tanh_integrate_f64(ctx, N, M, w, N * N, NULL, 0, NULL, 0, x0, N * M, 0.1, 10, 0,
        NULL, 0, final_states, N * M, NULL, M));
    report("negative_n", integrate(ctx, -1, M, w, N * N, x0, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("negative_members", integrate(ctx, N, -3, w, N * N, x0, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("negative_w_len", integrate(ctx, N, M, w, -4, x0, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("inconsistent_w_len", integrate(ctx, N, M, w, 5, x0, N * M, 0.1, 10, 0, 0, final_states, N * M));
    report("inconsistent_x0_len", integrate(ctx, N, M, w, N * N, x0, N * M - 1, 0.1, 10, 0, 0, final_states, N * M));
    report("inconsistent_final_len", integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, 10, 0, 0, final_states, N * M + 1));
    report("inconsistent_trajectory_len", integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, 10, 5, 2 * N * M, final_states, N * M));
    report("negative_steps", integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, -10, 0, 0, final_states, N * M));
    report("negative_record_every", integrate(ctx, N, M, w, N * N, x0, N * M, 0.1, 10, -2, 0, final_states, N * M));
    report("zero_dt", integrate(ctx, N, M, w, N * N, x0, N * M, 0.0, 10, 0, 0, final_states, N * M));
    {
        float wf[N * N] = { 0 }, x0f[N * M] = { 0 }, finalf[N * M];
        report("f32_inconsistent_w_len", fa_tanh_integrate_f32(ctx, N, M, wf, 3, NULL, 0, NULL, 0, x0f, N * M, 0.1, 10, 0,
            NULL, 0, finalf, N * M, status, M));
    }
    report("inconsistent_b_len", fa_tanh_integrate_f64(ctx, N, M, w, N * N, x0, 1, NULL, 0, x0, N * M, 0.1, 10, 0,
        NULL, 0, final_states, N * M, status, M));
    report("nonpositive_tau", fa_tanh_integrate_f64(ctx, N, M, w, N * N, NULL, 0, (double[]){ -1.0 }, 1, x0, N * M, 0.1,
        10, 0, NULL, 0, final_states, N * M, status, M));

    report("lyapunov_k_above_n", lyapunov(ctx, N + 1, exponents, M * (N + 1)));
    report("lyapunov_null_exponents", lyapunov(ctx, N, NULL, M * N));
    report("lyapunov_inconsistent_exponents_len", lyapunov(ctx, N, exponents, M * N - 1));
    report("gradient_inconsistent_target_len", gradient(ctx, N + 1, grad_w));
    report("gradient_null_grad_w", gradient(ctx, N, NULL));

    report("train_null_patterns", train(ctx, NULL, 5));
    report("train_negative_hidden", train(ctx, patterns, -5));
    {
        int8_t zero[12];
        memcpy(zero, patterns, sizeof zero);
        zero[5] = 0;
        report("train_pattern_not_pm1", train(ctx, zero, 5));
    }
    report("train", train(ctx, patterns, 5));
    report("recall_flipped_above_visible", recall(ctx, 5, 20));
    report("recall_inconsistent_u_len", recall(ctx, 1, 19));
    report("recall", recall(ctx, 0, 20));
    hostile_sizes(ctx);
    model_cases(ctx);
    degeneracy_cases(ctx);
    report("good_call_after_hostile_sizes", good_integrate(ctx));

    /* fa_last_error is per thread: another thread's failure leaves this thread's message alone. */
    report("thread_local_before", good_integrate(NULL));
    pthread_t other;
    pthread_create(&other, NULL, fail_on_other_thread, NULL);
    pthread_join(other, NULL);
    printf("thread_local_after\t%d\t%s\n", FA_ERR_INVALID_CONTEXT, fa_last_error());
    report("success_clears_error", good_integrate(ctx));

    for (int k = 0; k < BIG_N * BIG_N; k++)
        big_w[k] = ((k * 7919) % 17 - 8) / 16.0;
    for (int k = 0; k < BIG_N * BIG_M; k++)
        big_x0[k] = ((k * 104729) % 13 - 6) / 6.0;
    shared_ctx = ctx;
    pthread_t thread;
    pthread_create(&thread, NULL, owner, NULL);
    while (!atomic_load(&owner_started))
        ;
    fa_status seen = FA_OK, destroy_seen = FA_OK;
    int polls = 0;
    struct timespec pause = { 0, 200000 };
    while (!atomic_load(&owner_done) && (seen != FA_ERR_BUSY || destroy_seen != FA_ERR_BUSY)) {
        fa_status rc = fa_context_backend(ctx, &backend);
        if (rc != FA_OK && rc != FA_ERR_BUSY) {
            report("two_threads_unexpected", rc);
            break;
        }
        if (rc == FA_ERR_BUSY && seen != FA_ERR_BUSY) {
            seen = rc;
            report("two_threads_busy", rc);
        }
        if (seen == FA_ERR_BUSY && destroy_seen != FA_ERR_BUSY) {
            destroy_seen = fa_context_destroy(ctx);
            report("two_threads_destroy_busy", destroy_seen);
            if (destroy_seen == FA_OK)
                break;
        }
        polls++;
        nanosleep(&pause, NULL);
    }
    pthread_join(thread, NULL);
    printf("two_threads_owner\t%d\t\n", (int)owner_rc);
    printf("two_threads_polls\t0\t%d\n", polls);
    report("destroy", fa_context_destroy(ctx));
    report("use_after_destroy", good_integrate(ctx));
    printf("done\t0\t\n");
    return 0;
}
