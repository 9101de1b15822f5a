/* The public functions of fastattractors.h: each starts the runtime if needed and forwards to its managed export,
 * adding the element type (for the _f32/_f64 pairs) and this thread's error buffer. No logic lives here. */
#include "../fastattractors.h"
#include "runtime.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#define FA_ERR fa_error_buffer, (int)sizeof fa_error_buffer
#define FA_BEGIN() do { if (fa_runtime_begin() != 0) return FA_ERR_RUNTIME; } while (0)
#define FA_CTX(ctx) ((intptr_t)(ctx))

const char *fa_last_error(void)
{
    return fa_error_buffer;
}

static char version[64];
static pthread_once_t version_once = PTHREAD_ONCE_INIT;

static void read_version(void)
{
    if (fa_managed.version(version, (int)sizeof version) != FA_OK)
        version[0] = '\0';
}

const char *fa_version(void)
{
    if (fa_runtime_begin() != 0)
        return "";
    pthread_once(&version_once, read_version);
    return version;
}

fa_status fa_context_create(fa_backend backend, fa_context **out)
{
    FA_BEGIN();
    return (fa_status)fa_managed.context_create((int)backend, (intptr_t *)out, FA_ERR);
}

fa_status fa_context_destroy(fa_context *ctx)
{
    FA_BEGIN();
    return (fa_status)fa_managed.context_destroy(FA_CTX(ctx), FA_ERR);
}

fa_status fa_context_backend(fa_context *ctx, fa_backend *out)
{
    FA_BEGIN();
    return (fa_status)fa_managed.context_backend(FA_CTX(ctx), (int *)out, FA_ERR);
}

#define FA_INTEGRATE(suffix, real, dtype)                                                                              \
    fa_status fa_tanh_integrate_##suffix(fa_context *ctx, int32_t n, int32_t members,                                  \
        const real *w, int64_t w_len, const real *b, int64_t b_len, const real *tau, int64_t tau_len,                  \
        const real *x0, int64_t x0_len, double dt, int64_t steps, int32_t record_every,                                \
        real *trajectory, int64_t trajectory_len, real *final_states, int64_t final_len,                               \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.tanh_integrate(FA_CTX(ctx), dtype, n, members, w, w_len, b, b_len, tau, tau_len,  \
            x0, x0_len, dt, steps, record_every, trajectory, trajectory_len, final_states, final_len,                  \
            status, status_len, FA_ERR);                                                                               \
    }

#define FA_LYAPUNOV(suffix, real, dtype)                                                                               \
    fa_status fa_tanh_lyapunov_##suffix(fa_context *ctx, int32_t n, int32_t members,                                   \
        const real *w, int64_t w_len, const real *b, int64_t b_len, const real *tau, int64_t tau_len,                  \
        const real *x0, int64_t x0_len, double dt, double transient, double duration, int32_t every, int32_t k,        \
        double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,                                  \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.tanh_lyapunov(FA_CTX(ctx), dtype, n, members, w, w_len, b, b_len, tau, tau_len,   \
            x0, x0_len, dt, transient, duration, every, k, exponents, exponents_len, errors, errors_len,                \
            status, status_len, FA_ERR);                                                                               \
    }

#define FA_GRADIENT(suffix, real, dtype)                                                                               \
    fa_status fa_tanh_gradient_##suffix(fa_context *ctx, int32_t n, int32_t members,                                   \
        const real *w, int64_t w_len, const real *b, int64_t b_len, const real *tau, int64_t tau_len,                  \
        const real *x0, int64_t x0_len, double dt, int64_t steps, const real *target, int64_t target_len,              \
        real *loss, int64_t loss_len, real *grad_x0, int64_t grad_x0_len, real *grad_w, int64_t grad_w_len,            \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.tanh_gradient(FA_CTX(ctx), dtype, n, members, w, w_len, b, b_len, tau, tau_len,   \
            x0, x0_len, dt, steps, target, target_len, loss, loss_len, grad_x0, grad_x0_len, grad_w, grad_w_len,       \
            status, status_len, FA_ERR);                                                                               \
    }

FA_INTEGRATE(f64, double, FA_DTYPE_F64)
FA_INTEGRATE(f32, float, FA_DTYPE_F32)
FA_LYAPUNOV(f64, double, FA_DTYPE_F64)
FA_LYAPUNOV(f32, float, FA_DTYPE_F32)
FA_GRADIENT(f64, double, FA_DTYPE_F64)
FA_GRADIENT(f32, float, FA_DTYPE_F32)

/* The structs cross into managed code as they are (src/Native/NativeModel.cs mirrors them field for field). */
_Static_assert(sizeof(fa_model) == 80 && offsetof(fa_model, w) == 16 && offsetof(fa_model, coefficients_len) == 72,
    "fa_model must have the layout src/Native/NativeModel.cs declares");
_Static_assert(sizeof(fa_parameter_gradients) == 64, "fa_parameter_gradients layout (src/Native/NativeModel.cs)");
_Static_assert(sizeof(fa_lyapunov_diagnostics) == 104 && offsetof(fa_lyapunov_diagnostics, blocks) == 96,
    "fa_lyapunov_diagnostics layout (src/Native/NativeModel.cs)");

#define FA_MODEL_FUNCTIONS(suffix, real, dtype)                                                                        \
    fa_status fa_integrate_##suffix(fa_context *ctx, const fa_model *model, const real *x0, int64_t x0_len,            \
        fa_method method, double dt, int64_t steps, int32_t record_every,                                              \
        real *trajectory, int64_t trajectory_len, real *final_states, int64_t final_len,                               \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.model_integrate(FA_CTX(ctx), dtype, model, x0, x0_len, (int)method, dt, steps,   \
            record_every, trajectory, trajectory_len, final_states, final_len, status, status_len, FA_ERR);             \
    }                                                                                                                  \
    fa_status fa_lyapunov_##suffix(fa_context *ctx, const fa_model *model, const real *x0, int64_t x0_len,             \
        fa_method method, double dt, double transient, double duration, int32_t every, int32_t k,                      \
        double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,                                  \
        int32_t *status, int64_t status_len, fa_lyapunov_diagnostics *diagnostics)                                     \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.model_lyapunov(FA_CTX(ctx), dtype, model, x0, x0_len, (int)method, dt,            \
            transient, duration, every, k, exponents, exponents_len, errors, errors_len, status, status_len,            \
            diagnostics, FA_ERR);                                                                                      \
    }                                                                                                                  \
    fa_status fa_gradient_##suffix(fa_context *ctx, const fa_model *model, const real *x0, int64_t x0_len,             \
        fa_method method, double dt, int64_t steps, const real *target, int64_t target_len,                            \
        real *loss, int64_t loss_len, real *grad_x0, int64_t grad_x0_len, const fa_parameter_gradients *grads,         \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        FA_BEGIN();                                                                                                    \
        return (fa_status)fa_managed.model_gradient(FA_CTX(ctx), dtype, model, x0, x0_len, (int)method, dt, steps,    \
            target, target_len, loss, loss_len, grad_x0, grad_x0_len, grads, status, status_len, FA_ERR);              \
    }

FA_MODEL_FUNCTIONS(f64, double, FA_DTYPE_F64)
FA_MODEL_FUNCTIONS(f32, float, FA_DTYPE_F32)

fa_status fa_sequence_train(fa_context *ctx, const int8_t *patterns, int64_t patterns_len,
    int32_t networks, int32_t length, int32_t visible, int32_t hidden,
    double kappa, double eta, int32_t max_epochs, uint64_t seed,
    double *u, int64_t u_len, double *v, int64_t v_len, int32_t *epochs, int64_t epochs_len,
    int32_t *converged, int64_t converged_len)
{
    FA_BEGIN();
    return (fa_status)fa_managed.sequence_train(FA_CTX(ctx), patterns, patterns_len, networks, length, visible, hidden,
        kappa, eta, max_epochs, seed, u, u_len, v, v_len, epochs, epochs_len, converged, converged_len, FA_ERR);
}

fa_status fa_sequence_recall(fa_context *ctx, const int8_t *patterns, int64_t patterns_len,
    int32_t networks, int32_t length, int32_t visible, int32_t hidden,
    const double *u, int64_t u_len, const double *v, int64_t v_len,
    int32_t flipped, int32_t trials, fa_recall_criterion criterion, uint64_t seed,
    int32_t *success, int64_t success_len)
{
    FA_BEGIN();
    return (fa_status)fa_managed.sequence_recall(FA_CTX(ctx), patterns, patterns_len, networks, length, visible, hidden,
        u, u_len, v, v_len, flipped, trials, (int)criterion, seed, success, success_len, FA_ERR);
}
