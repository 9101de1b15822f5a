/* Hostile sizes through every function of the C ABI: 0, negative, 2^31, 2^53 + 1, 2^62, INT64_MAX and INT64_MIN
 * lengths and counts, products of counts that wrap in int64 or exceed one array, NULL pointers with nonzero lengths.
 * Each case is printed as "hostile.<argument>.<what>" TAB status TAB fa_last_error(); the xUnit test
 * (HostileSizeTests.cs) expects FA_ERR_INVALID_ARGUMENT and a message that starts with "<argument>:".
 * Buffers are small: a size that got through its check would read or write far past them (a crash, which the test
 * also reports), so passing means every size below was refused before any array was touched. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>

#include "fastattractors.h"

enum { N = 2, M = 3 };
#define P31 ((int64_t)1 << 31)
#define P53 ((int64_t)1 << 53)
#define P62 ((int64_t)1 << 62)

static double w[N * N] = { 0.5, -1.0, 1.0, 0.5 }, x0[N * M] = { 1, 0.5, -1, 0.2, 0.1, 0.3 }, b[N * M], tau[M] = { 1, 1, 1 };
static double out[64], exponents[M * N], errors[M * N], target[N * M], u[20], v[20];
static int32_t status[M], ints[8];
static int8_t patterns[12] = { 1, 1, -1, -1, -1, 1, 1, -1, 1, -1, 1, -1 };

static void report(const char *name, fa_status rc)
{
    printf("hostile.%s\t%d\t%s\n", name, (int)rc, fa_last_error());
    fflush(stdout);
}

/* One integrate call with every size given: the cases below change one or two of them. */
typedef struct {
    int32_t n, members;
    int64_t w_len, b_len, tau_len, x0_len, steps, trajectory_len, final_len, status_len;
    int32_t record_every;
    const double *b, *tau;
    double *trajectory, *final_states;
    int32_t *status;
} integrate_args;

static integrate_args good(void)
{
    return (integrate_args){ N, M, N * N, 0, 0, N * M, 10, 0, N * M, M, 0, NULL, NULL, out, out, status };
}

static fa_status integrate(fa_context *ctx, integrate_args a)
{
    return fa_tanh_integrate_f64(ctx, a.n, a.members, w, a.w_len, a.b, a.b_len, a.tau, a.tau_len, x0, a.x0_len, 0.1,
        a.steps, a.record_every, a.trajectory, a.trajectory_len, a.final_states, a.final_len, a.status, a.status_len);
}

static void integrate_cases(fa_context *ctx)
{
    static const int64_t huge[] = { P31, P62, INT64_MAX, INT64_MIN, (int64_t)1 << 60 };
    static const char *huge_names[] = { "2p31", "2p62", "int64_max", "int64_min", "2p60" };
    integrate_args a;
    char name[96];

    a = good(); a.n = 1 << 30; a.members = 16; report("n.2p30_members_16", integrate(ctx, a));
    a = good(); a.n = 1 << 30; a.members = 16; a.w_len = (int64_t)1 << 60; report("n.2p30_w_len_2p60", integrate(ctx, a));
    a = good(); a.n = INT32_MAX; report("n.int32_max", integrate(ctx, a));
    a = good(); a.n = INT32_MIN; report("n.int32_min", integrate(ctx, a));
    a = good(); a.n = 46341; report("n.46341_square_above_one_array", integrate(ctx, a));
    a = good(); a.n = 0; report("n.zero", integrate(ctx, a));
    a = good(); a.members = 0; report("members.zero", integrate(ctx, a));
    a = good(); a.members = INT32_MIN; report("members.int32_min", integrate(ctx, a));
    a = good(); a.members = INT32_MAX; report("members.int32_max_states_above_one_array", integrate(ctx, a));
    a = good(); a.n = 1 << 15; a.members = 1 << 16; a.w_len = (int64_t)1 << 30; report("members.2p15_by_2p16_states", integrate(ctx, a));
    /* n*n fits, n*n*members does not: a per-member W is impossible, a shared one is still fine. */
    a = good(); a.n = 46340; a.members = 2; a.w_len = (int64_t)46340 * 46340 * 2; report("w_len.per_member_above_one_array", integrate(ctx, a));
    for (int k = 0; k < 5; k++) {
        a = good(); a.w_len = huge[k]; snprintf(name, sizeof name, "w_len.%s", huge_names[k]); report(name, integrate(ctx, a));
        a = good(); a.x0_len = huge[k]; snprintf(name, sizeof name, "x0_len.%s", huge_names[k]); report(name, integrate(ctx, a));
        a = good(); a.final_len = huge[k]; snprintf(name, sizeof name, "final_states_len.%s", huge_names[k]); report(name, integrate(ctx, a));
        a = good(); a.status_len = huge[k]; snprintf(name, sizeof name, "status_len.%s", huge_names[k]); report(name, integrate(ctx, a));
        a = good(); a.record_every = 1; a.trajectory_len = huge[k]; snprintf(name, sizeof name, "trajectory_len.%s", huge_names[k]);
        report(name, integrate(ctx, a));
        a = good(); a.b = b; a.b_len = huge[k]; snprintf(name, sizeof name, "b_len.%s", huge_names[k]); report(name, integrate(ctx, a));
        a = good(); a.tau = tau; a.tau_len = huge[k]; snprintf(name, sizeof name, "tau_len.%s", huge_names[k]); report(name, integrate(ctx, a));
    }
    a = good(); a.trajectory_len = -1; report("trajectory_len.negative_without_recording", integrate(ctx, a));
    static const int64_t steps[] = { 0, -1, INT64_MIN, P53 + 1, P62, INT64_MAX };
    static const char *steps_names[] = { "zero", "minus_one", "int64_min", "2p53_plus_1", "2p62", "int64_max" };
    for (int k = 0; k < 6; k++) {
        a = good(); a.steps = steps[k]; snprintf(name, sizeof name, "steps.%s", steps_names[k]); report(name, integrate(ctx, a));
        a = good(); a.steps = steps[k]; a.record_every = 1; a.trajectory_len = 18;
        snprintf(name, sizeof name, "steps.%s_recording", steps_names[k]); report(name, integrate(ctx, a));
    }
    a = good(); a.steps = P53; a.record_every = 1; a.trajectory_len = 18; report("record_every.trajectory_above_one_array", integrate(ctx, a));
    a = good(); a.record_every = INT32_MIN; report("record_every.int32_min", integrate(ctx, a));
    /* NULL with a nonzero length; a pointer with length 0 where values are needed. */
    a = good(); a.b_len = N; report("b.null_with_length", integrate(ctx, a));
    a = good(); a.tau_len = 1; report("tau.null_with_length", integrate(ctx, a));
    a = good(); a.record_every = 5; a.trajectory = NULL; a.trajectory_len = 18; report("trajectory.null_with_length", integrate(ctx, a));
    a = good(); a.final_states = NULL; report("final_states.null_with_length", integrate(ctx, a));
    a = good(); a.status = NULL; report("status.null_with_length", integrate(ctx, a));
    a = good(); a.b = b; a.b_len = 0; report("b_len.zero_with_pointer", integrate(ctx, a));
    a = good(); a.x0_len = 0; report("x0_len.zero", integrate(ctx, a));
    {
        float wf[N * N] = { 0 }, x0f[N * M] = { 0 }, finalf[N * M];
        report("n.f32_2p30_members_16", fa_tanh_integrate_f32(ctx, 1 << 30, 16, wf, 4, NULL, 0, NULL, 0, x0f, N * M, 0.1, 10, 0,
            NULL, 0, finalf, N * M, status, M));
        report("steps.f32_int64_max", fa_tanh_integrate_f32(ctx, N, M, wf, 4, NULL, 0, NULL, 0, x0f, N * M, 0.1, INT64_MAX, 0,
            NULL, 0, finalf, N * M, status, M));
    }
}

static fa_status lyapunov(fa_context *ctx, int32_t n, int32_t members, int64_t x0_len, double transient, double duration,
    int32_t every, int32_t k, double *exponents_, int64_t exponents_len, int64_t errors_len)
{
    return fa_tanh_lyapunov_f64(ctx, n, members, w, N * N, NULL, 0, NULL, 0, x0, x0_len, 0.1, transient, duration, every, k,
        exponents_, exponents_len, errors, errors_len, status, M);
}

static void lyapunov_cases(fa_context *ctx)
{
    report("transient.1e300", lyapunov(ctx, N, M, N * M, 1e300, 10, 1, N, exponents, M * N, M * N));
    report("transient.nan", lyapunov(ctx, N, M, N * M, NAN, 10, 1, N, exponents, M * N, M * N));
    report("transient.negative", lyapunov(ctx, N, M, N * M, -1, 10, 1, N, exponents, M * N, M * N));
    report("duration.1e300", lyapunov(ctx, N, M, N * M, 1, 1e300, 1, N, exponents, M * N, M * N));
    report("duration.2p53_steps_in_total", lyapunov(ctx, N, M, N * M, 0.6 * P53 * 0.1, 0.6 * P53 * 0.1, 1, N, exponents, M * N, M * N));
    report("duration.infinity", lyapunov(ctx, N, M, N * M, 1, INFINITY, 1, N, exponents, M * N, M * N));
    report("duration.zero", lyapunov(ctx, N, M, N * M, 1, 0, 1, N, exponents, M * N, M * N));
    report("k.int32_max", lyapunov(ctx, N, M, N * M, 1, 10, 1, INT32_MAX, exponents, M * N, M * N));
    report("k.int32_min", lyapunov(ctx, N, M, N * M, 1, 10, 1, INT32_MIN, exponents, M * N, M * N));
    report("every.zero", lyapunov(ctx, N, M, N * M, 1, 10, 0, N, exponents, M * N, M * N));
    report("every.int32_min", lyapunov(ctx, N, M, N * M, 1, 10, INT32_MIN, N, exponents, M * N, M * N));
    report("exponents_len.int64_max", lyapunov(ctx, N, M, N * M, 1, 10, 1, N, exponents, INT64_MAX, M * N));
    report("exponents_len.int64_min", lyapunov(ctx, N, M, N * M, 1, 10, 1, N, exponents, INT64_MIN, M * N));
    report("errors_len.2p62", lyapunov(ctx, N, M, N * M, 1, 10, 1, N, exponents, M * N, P62));
    report("exponents.null_with_length", lyapunov(ctx, N, M, N * M, 1, 10, 1, N, NULL, M * N, M * N));
    report("n.lyapunov_2p30", lyapunov(ctx, 1 << 30, 16, N * M, 1, 10, 1, N, exponents, M * N, M * N));
    report("members.lyapunov_int32_max", lyapunov(ctx, N, INT32_MAX, (int64_t)N * INT32_MAX, 1, 10, 1, N, exponents, M * N, M * N));
}

static fa_status gradient(fa_context *ctx, int32_t n, int32_t members, int64_t w_len, int64_t x0_len, int64_t steps,
    const double *target_, int64_t target_len, int64_t grad_w_len, double *loss, int64_t loss_len)
{
    return fa_tanh_gradient_f64(ctx, n, members, w, w_len, NULL, 0, NULL, 0, x0, x0_len, 0.1, steps, target_, target_len,
        loss, loss_len, out, x0_len, out + 16, grad_w_len, status, M);
}

static void gradient_cases(fa_context *ctx)
{
    report("steps.gradient_int64_max", gradient(ctx, N, M, N * N, N * M, INT64_MAX, target, N, N * N * M, out + 40, M));
    report("steps.gradient_2p53_plus_1", gradient(ctx, N, M, N * N, N * M, P53 + 1, target, N, N * N * M, out + 40, M));
    report("steps.gradient_int64_min", gradient(ctx, N, M, N * N, N * M, INT64_MIN, target, N, N * N * M, out + 40, M));
    report("target_len.2p62", gradient(ctx, N, M, N * N, N * M, 10, target, P62, N * N * M, out + 40, M));
    report("target_len.int64_min", gradient(ctx, N, M, N * N, N * M, 10, target, INT64_MIN, N * N * M, out + 40, M));
    report("target.null_with_length", gradient(ctx, N, M, N * N, N * M, 10, NULL, N, N * N * M, out + 40, M));
    report("grad_w_len.int64_max", gradient(ctx, N, M, N * N, N * M, 10, target, N, INT64_MAX, out + 40, M));
    report("loss_len.2p31", gradient(ctx, N, M, N * N, N * M, 10, target, N, N * N * M, out + 40, P31));
    report("loss.null_with_length", gradient(ctx, N, M, N * N, N * M, 10, target, N, N * N * M, NULL, M));
    /* A shared W of 46340^2 fits one array, dL/dW per member (n*n*members) does not: refused before anything is read. */
    report("members.gradient_grad_w_above_one_array", gradient(ctx, 46340, 2, (int64_t)46340 * 46340, 46340 * 2, 10, target, 46340,
        (int64_t)46340 * 46340 * 2, out + 40, 2));
}

static fa_status train(fa_context *ctx, int64_t patterns_len, int32_t networks, int32_t length, int32_t visible, int32_t hidden,
    int32_t max_epochs, double *u_, int64_t u_len, int32_t *epochs, int64_t epochs_len)
{
    return fa_sequence_train(ctx, patterns, patterns_len, networks, length, visible, hidden, 1, 1.0 / 1024, max_epochs, 1,
        u_, u_len, v, 20, epochs, epochs_len, ints + 4, 1);
}

static fa_status recall(fa_context *ctx, int32_t networks, int32_t hidden, const double *u_, int64_t u_len, int64_t v_len,
    int32_t flipped, int32_t trials, int32_t criterion, int32_t *success, int64_t success_len)
{
    return fa_sequence_recall(ctx, patterns, 12, networks, 3, 4, hidden, u_, u_len, v, v_len, flipped, trials,
        (fa_recall_criterion)criterion, 2, success, success_len);
}

static void sequence_cases(fa_context *ctx)
{
    report("networks.product_wraps_int64", train(ctx, 12, INT32_MAX, INT32_MAX, INT32_MAX, 5, 10, u, 20, ints, 1));
    report("networks.patterns_above_one_array", train(ctx, 12, 1 << 20, 1 << 10, 4, 5, 10, u, 20, ints, 1));
    report("networks.int32_min", train(ctx, 12, INT32_MIN, 3, 4, 5, 10, u, 20, ints, 1));
    report("length.one", train(ctx, 12, 1, 1, 4, 5, 10, u, 20, ints, 1));
    report("visible.zero", train(ctx, 12, 1, 3, 0, 5, 10, u, 20, ints, 1));
    report("patterns_len.2p62", train(ctx, P62, 1, 3, 4, 5, 10, u, 20, ints, 1));
    report("patterns_len.int64_min", train(ctx, INT64_MIN, 1, 3, 4, 5, 10, u, 20, ints, 1));
    report("hidden.int32_max", train(ctx, 12, 1, 3, 4, INT32_MAX, 10, u, 20, ints, 1));
    report("hidden.zero", train(ctx, 12, 1, 3, 4, 0, 10, u, 20, ints, 1));
    report("max_epochs.zero", train(ctx, 12, 1, 3, 4, 5, 0, u, 20, ints, 1));
    report("max_epochs.int32_min", train(ctx, 12, 1, 3, 4, 5, INT32_MIN, u, 20, ints, 1));
    report("u_len.int64_max", train(ctx, 12, 1, 3, 4, 5, 10, u, INT64_MAX, ints, 1));
    report("u.null_with_length", train(ctx, 12, 1, 3, 4, 5, 10, NULL, 20, ints, 1));
    report("epochs.null_with_length", train(ctx, 12, 1, 3, 4, 5, 10, u, 20, NULL, 1));
    report("epochs_len.2p31", train(ctx, 12, 1, 3, 4, 5, 10, u, 20, ints, P31));

    report("trials.int32_max_above_one_array", recall(ctx, 1, 5, u, 20, 20, 0, INT32_MAX, 0, ints, 2));
    report("trials.zero", recall(ctx, 1, 5, u, 20, 20, 0, 0, 0, ints, 2));
    report("trials.int32_min", recall(ctx, 1, 5, u, 20, 20, 0, INT32_MIN, 0, ints, 2));
    report("hidden.recall_int32_max", recall(ctx, 1, INT32_MAX, u, 20, 20, 0, 2, 0, ints, 2));
    report("u.recall_null_with_length", recall(ctx, 1, 5, NULL, 20, 20, 0, 2, 0, ints, 2));
    report("v_len.int64_min", recall(ctx, 1, 5, u, 20, INT64_MIN, 0, 2, 0, ints, 2));
    report("success_len.2p62", recall(ctx, 1, 5, u, 20, 20, 0, 2, 0, ints, P62));
    report("success.null_with_length", recall(ctx, 1, 5, u, 20, 20, 0, 2, 0, NULL, 2));
    report("flipped.int32_min", recall(ctx, 1, 5, u, 20, 20, INT32_MIN, 2, 0, ints, 2));
    report("criterion.int32_max", recall(ctx, 1, 5, u, 20, 20, 0, 2, INT32_MAX, ints, 2));
}

void hostile_sizes(fa_context *ctx)
{
    integrate_cases(ctx);
    lyapunov_cases(ctx);
    gradient_cases(ctx);
    sequence_cases(ctx);
}
