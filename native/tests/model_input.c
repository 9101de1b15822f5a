/* Bad input and hostile sizes through the generic model functions (fa_integrate_*, fa_lyapunov_*, fa_gradient_*),
 * printed like bad_input.c: "model_<case>" or "hostile.<argument>.<what>", TAB status TAB fa_last_error(). The xUnit
 * tests (BadInputTests.cs, HostileSizeTests.cs) check the codes and that each message names the argument. Buffers
 * are small: a size that slipped through its check would read or write past them. */
#include <stdint.h>
#include <stdio.h>

#include "fastattractors.h"

enum { M = 3 };
#define P31 ((int64_t)1 << 31)
#define P62 ((int64_t)1 << 62)

static double w[9] = { 0.5, -1.0, 0.25, 1.0, 0.5, -0.5, 0.0, 0.25, -1.0 }, bias[9], tau[M] = { 1, 2, 1 };
static double coefficients[9] = { 10, 10, 10, 28, 28, 28, 2.5, 2.5, 2.5 }, x0[9] = { 1, 1, 1, 0.5, 0.5, 0.5, 2, 2, 2 };
static double final_states[64], trajectory[64], exponents[9], errors[9], loss[M], grad_x0[9], grad_w[27], grad_b[9];
static double per_member[M];
static int64_t failed[M];
static int32_t status[M];

static void report(const char *name, fa_status rc)
{
    printf("%s\t%d\t%s\n", name, (int)rc, fa_last_error());
    fflush(stdout);
}

static fa_model tanh3(void)
{
    return (fa_model){ .kind = FA_MODEL_TANH_RNN, .n = 3, .members = M, .w = w, .w_len = 9 };
}

static fa_model lorenz(void)
{
    return (fa_model){ .kind = FA_MODEL_LORENZ, .n = 3, .members = M, .coefficients = coefficients, .coefficients_len = 9 };
}

static fa_status integrate(fa_context *ctx, const fa_model *model, int64_t x0_len, fa_method method, double dt)
{
    int64_t n = model != NULL && model->n > 0 && model->n <= 3 ? model->n : 3;
    return fa_integrate_f64(ctx, model, x0, x0_len, method, dt, 10, 0, NULL, 0, final_states, n * M, status, M);
}

static fa_status integrate_model(fa_context *ctx, fa_model model)
{
    return integrate(ctx, &model, (int64_t)model.n * M, FA_METHOD_DEFAULT, model.kind == FA_MODEL_HENON ? 1.0 : 0.01);
}

static fa_status lyapunov(fa_context *ctx, fa_model model, fa_lyapunov_diagnostics *d)
{
    return fa_lyapunov_f64(ctx, &model, x0, 3 * M, FA_METHOD_DEFAULT, 0.01, 1, 5, 10, 3, exponents, 9, errors, 9,
        status, M, d);
}

static fa_status gradient(fa_context *ctx, fa_model model, const fa_parameter_gradients *g)
{
    return fa_gradient_f64(ctx, &model, x0, 3 * M, FA_METHOD_DEFAULT, 0.01, 10, x0, 3, loss, M, grad_x0, 3 * M, g,
        status, M);
}

static fa_lyapunov_diagnostics all_diagnostics(void)
{
    return (fa_lyapunov_diagnostics){ per_member, M, per_member, M, per_member, M, per_member, M, failed, M, 0, 0, 0 };
}

static void bad_model_input(fa_context *ctx)
{
    fa_model m;
    fa_lyapunov_diagnostics d;
    fa_parameter_gradients g;

    report("model_integrate_lorenz", integrate_model(ctx, lorenz()));
    m = lorenz(); m.coefficients = NULL; m.coefficients_len = 0; report("model_integrate_lorenz_defaults", integrate_model(ctx, m));
    m = (fa_model){ .kind = FA_MODEL_HENON, .n = 2, .members = M }; report("model_integrate_henon", integrate_model(ctx, m));
    d = all_diagnostics(); report("model_lyapunov_diagnostics", lyapunov(ctx, lorenz(), &d));
    printf("model_lyapunov_blocks\t%d\t%d %g\n", 0, d.blocks, d.accumulation_time);
    g = (fa_parameter_gradients){ .w = grad_w, .w_len = 27, .b = grad_b, .b_len = 9 };
    report("model_gradient_tanh", gradient(ctx, tanh3(), &g));
    report("model_gradient_no_parameter_outputs", gradient(ctx, tanh3(), NULL));

    report("model_null_model", integrate(ctx, NULL, 9, FA_METHOD_DEFAULT, 0.01));
    m = tanh3(); m.kind = 42; report("model_unknown_kind", integrate_model(ctx, m));
    m = tanh3(); m.kind = 0; report("model_zero_kind", integrate_model(ctx, m));
    m = lorenz(); m.n = 4; report("model_lorenz_wrong_n", integrate(ctx, &m, 12, FA_METHOD_DEFAULT, 0.01));
    m = lorenz(); m.w = w; m.w_len = 9; report("model_lorenz_with_w", integrate_model(ctx, m));
    m = (fa_model){ .kind = FA_MODEL_RELU_RNN, .n = 3, .members = M, .w = w, .w_len = 9, .tau = tau, .tau_len = M };
    report("model_relu_with_tau", integrate_model(ctx, m));
    m = (fa_model){ .kind = FA_MODEL_ROSSLER, .n = 3, .members = M, .coefficients = coefficients, .coefficients_len = 9 };
    report("model_rossler_per_member_coefficients", integrate_model(ctx, m));
    m = lorenz(); m.coefficients_len = 4; report("model_lorenz_coefficients_len", integrate_model(ctx, m));
    m = tanh3(); m.w = NULL; report("model_null_w", integrate_model(ctx, m));
    m = tanh3(); m.b = bias; m.b_len = 4; report("model_inconsistent_b_len", integrate_model(ctx, m));
    m = (fa_model){ .kind = FA_MODEL_HENON, .n = 2, .members = M };
    report("model_map_dt", integrate(ctx, &m, 2 * M, FA_METHOD_DEFAULT, 0.1));
    report("model_map_rk4", integrate(ctx, &m, 2 * M, FA_METHOD_RK4, 1.0));
    m = lorenz(); report("model_flow_iterate", integrate(ctx, &m, 3 * M, FA_METHOD_ITERATE, 0.01));
    report("model_unknown_method", integrate(ctx, &m, 3 * M, (fa_method)9, 0.01));
    report("model_x0_len", integrate(ctx, &m, 3 * M - 1, FA_METHOD_DEFAULT, 0.01));
    d = all_diagnostics(); d.kaplan_yorke_len = 2; report("model_lyapunov_diagnostics_len", lyapunov(ctx, lorenz(), &d));
    d = all_diagnostics(); d.failed_step = NULL; report("model_lyapunov_diagnostics_null", lyapunov(ctx, lorenz(), &d));
    m = (fa_model){ .kind = FA_MODEL_ROSSLER, .n = 3, .members = M };
    g = (fa_parameter_gradients){ .coefficients = grad_b, .coefficients_len = 9 };
    report("model_gradient_rossler_coefficients", gradient(ctx, m, &g));
    g = (fa_parameter_gradients){ .b = grad_b, .b_len = 3 }; report("model_gradient_grad_b_len", gradient(ctx, tanh3(), &g));
    g = (fa_parameter_gradients){ .tau = grad_b, .tau_len = M };
    report("model_gradient_lorenz_tau", gradient(ctx, lorenz(), &g));
}

static void hostile_model_sizes(fa_context *ctx)
{
    static const int64_t huge[] = { P31, P62, INT64_MAX, INT64_MIN, (int64_t)1 << 60, -1 };
    static const char *names[] = { "2p31", "2p62", "int64_max", "int64_min", "2p60", "negative" };
    char name[96];
    fa_model m;
    fa_lyapunov_diagnostics d;
    fa_parameter_gradients g;

    m = tanh3(); m.n = INT32_MAX; report("hostile.model.n.int32_max", integrate_model(ctx, m));
    m = tanh3(); m.n = 46341; report("hostile.model.n.46341_square_above_one_array", integrate_model(ctx, m));
    m = tanh3(); m.n = 1 << 30; m.members = 16; report("hostile.model.n.2p30_members_16", integrate_model(ctx, m));
    m = lorenz(); m.members = INT32_MAX; report("hostile.model.members.int32_max_states_above_one_array", integrate_model(ctx, m));
    m = lorenz(); m.members = INT32_MIN; report("hostile.model.members.int32_min", integrate_model(ctx, m));
    m = tanh3(); m.n = 46340; m.members = 2; m.w_len = (int64_t)46340 * 46340 * 2;
    report("hostile.model.w_len.per_member_above_one_array", integrate_model(ctx, m));
    for (int k = 0; k < 6; k++) {
        m = tanh3(); m.w_len = huge[k]; snprintf(name, sizeof name, "hostile.model.w_len.%s", names[k]); report(name, integrate_model(ctx, m));
        m = tanh3(); m.b = bias; m.b_len = huge[k]; snprintf(name, sizeof name, "hostile.model.b_len.%s", names[k]); report(name, integrate_model(ctx, m));
        m = tanh3(); m.tau = tau; m.tau_len = huge[k]; snprintf(name, sizeof name, "hostile.model.tau_len.%s", names[k]); report(name, integrate_model(ctx, m));
        m = lorenz(); m.coefficients_len = huge[k]; snprintf(name, sizeof name, "hostile.model.coefficients_len.%s", names[k]);
        report(name, integrate_model(ctx, m));
        m = lorenz(); snprintf(name, sizeof name, "hostile.x0_len.model_%s", names[k]); report(name, integrate(ctx, &m, huge[k], FA_METHOD_DEFAULT, 0.01));
        snprintf(name, sizeof name, "hostile.final_states_len.model_%s", names[k]);
        report(name, fa_integrate_f64(ctx, &m, x0, 9, FA_METHOD_DEFAULT, 0.01, 10, 0, NULL, 0, final_states, huge[k], status, M));
        snprintf(name, sizeof name, "hostile.trajectory_len.model_%s", names[k]);
        report(name, fa_integrate_f64(ctx, &m, x0, 9, FA_METHOD_DEFAULT, 0.01, 10, 1, trajectory, huge[k], final_states, 9, status, M));
        snprintf(name, sizeof name, "hostile.exponents_len.model_%s", names[k]);
        report(name, fa_lyapunov_f64(ctx, &m, x0, 9, FA_METHOD_DEFAULT, 0.01, 1, 5, 10, 3, exponents, huge[k], errors, 9, status, M, NULL));
        d = all_diagnostics(); d.contraction_len = huge[k]; snprintf(name, sizeof name, "hostile.diagnostics.contraction_len.%s", names[k]);
        report(name, lyapunov(ctx, lorenz(), &d));
        g = (fa_parameter_gradients){ .w = grad_w, .w_len = huge[k] }; snprintf(name, sizeof name, "hostile.grads.w_len.%s", names[k]);
        report(name, gradient(ctx, tanh3(), &g));
        g = (fa_parameter_gradients){ .coefficients = grad_b, .coefficients_len = huge[k] };
        snprintf(name, sizeof name, "hostile.grads.coefficients_len.%s", names[k]); report(name, gradient(ctx, lorenz(), &g));
    }
    /* n*n fits one array, n*n*members does not: a per-member gradient of W cannot exist. */
    m = tanh3(); m.n = 46340; m.members = 2; m.w_len = (int64_t)46340 * 46340; g = (fa_parameter_gradients){ .w = grad_w, .w_len = 27 };
    report("hostile.model.members.grads_w_above_one_array", fa_gradient_f64(ctx, &m, x0, (int64_t)46340 * 2, FA_METHOD_DEFAULT,
        0.01, 10, x0, 46340, loss, 2, grad_x0, (int64_t)46340 * 2, &g, status, 2));
    m = lorenz(); report("hostile.steps.model_int64_max", fa_integrate_f64(ctx, &m, x0, 9, FA_METHOD_DEFAULT, 0.01, INT64_MAX, 0, NULL, 0,
        final_states, 9, status, M));
    report("hostile.transient.model_1e300", fa_lyapunov_f64(ctx, &m, x0, 9, FA_METHOD_DEFAULT, 0.01, 1e300, 5, 10, 3, exponents, 9,
        errors, 9, status, M, NULL));
    m = (fa_model){ .kind = FA_MODEL_HENON, .n = 2, .members = M };
    report("hostile.duration.map_above_2p53_iterations", fa_lyapunov_f64(ctx, &m, x0, 6, FA_METHOD_DEFAULT, 1.0, 0, 1e17, 10, 2,
        exponents, 6, errors, 6, status, M, NULL));
}

void model_cases(fa_context *ctx)
{
    bad_model_input(ctx);
    hostile_model_sizes(ctx);
}
