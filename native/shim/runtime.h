/* The shim's internals: start .NET once per process and resolve the managed exports (src/Native/Exports*.cs). */
#ifndef FA_SHIM_RUNTIME_H
#define FA_SHIM_RUNTIME_H

#include <stdint.h>

#define FA_ERROR_CAPACITY 2048

/* Element types of the managed exports' dtype argument (src/Native/ElementType.cs). */
enum { FA_DTYPE_F64 = 0, FA_DTYPE_F32 = 1 };

/* The exported methods, each with the caller's fa_last_error buffer and its capacity as the last two arguments.
 * Pointers to contexts travel as intptr_t handles. These signatures must match src/Native/Exports*.cs exactly. */
typedef struct fa_managed_api {
    int (*context_create)(int backend, intptr_t *out, char *error, int capacity);
    int (*context_destroy)(intptr_t ctx, char *error, int capacity);
    int (*context_backend)(intptr_t ctx, int *out, char *error, int capacity);
    int (*version)(char *buffer, int capacity);
    int (*tanh_integrate)(intptr_t ctx, int dtype, int32_t n, int32_t members,
        const void *w, int64_t w_len, const void *b, int64_t b_len, const void *tau, int64_t tau_len,
        const void *x0, int64_t x0_len, double dt, int64_t steps, int32_t record_every,
        void *trajectory, int64_t trajectory_len, void *final_states, int64_t final_len,
        int32_t *status, int64_t status_len, char *error, int capacity);
    int (*tanh_lyapunov)(intptr_t ctx, int dtype, int32_t n, int32_t members,
        const void *w, int64_t w_len, const void *b, int64_t b_len, const void *tau, int64_t tau_len,
        const void *x0, int64_t x0_len, double dt, double transient, double duration, int32_t every, int32_t k,
        double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
        int32_t *status, int64_t status_len, char *error, int capacity);
    int (*tanh_gradient)(intptr_t ctx, int dtype, int32_t n, int32_t members,
        const void *w, int64_t w_len, const void *b, int64_t b_len, const void *tau, int64_t tau_len,
        const void *x0, int64_t x0_len, double dt, int64_t steps, const void *target, int64_t target_len,
        void *loss, int64_t loss_len, void *grad_x0, int64_t grad_x0_len, void *grad_w, int64_t grad_w_len,
        int32_t *status, int64_t status_len, char *error, int capacity);
    int (*model_integrate)(intptr_t ctx, int dtype, const void *model, const void *x0, int64_t x0_len,
        int method, double dt, int64_t steps, int32_t record_every,
        void *trajectory, int64_t trajectory_len, void *final_states, int64_t final_len,
        int32_t *status, int64_t status_len, char *error, int capacity);
    int (*model_lyapunov)(intptr_t ctx, int dtype, const void *model, const void *x0, int64_t x0_len,
        int method, double dt, double transient, double duration, int32_t every, int32_t k,
        double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
        int32_t *status, int64_t status_len, void *diagnostics, char *error, int capacity);
    int (*model_gradient)(intptr_t ctx, int dtype, const void *model, const void *x0, int64_t x0_len,
        int method, double dt, int64_t steps, const void *target, int64_t target_len,
        void *loss, int64_t loss_len, void *grad_x0, int64_t grad_x0_len, const void *grads,
        int32_t *status, int64_t status_len, char *error, int capacity);
    int (*sequence_train)(intptr_t ctx, const int8_t *patterns, int64_t patterns_len,
        int32_t networks, int32_t length, int32_t visible, int32_t hidden,
        double kappa, double eta, int32_t max_epochs, uint64_t seed,
        double *u, int64_t u_len, double *v, int64_t v_len, int32_t *epochs, int64_t epochs_len,
        int32_t *converged, int64_t converged_len, char *error, int capacity);
    int (*sequence_recall)(intptr_t ctx, const int8_t *patterns, int64_t patterns_len,
        int32_t networks, int32_t length, int32_t visible, int32_t hidden,
        const double *u, int64_t u_len, const double *v, int64_t v_len,
        int32_t flipped, int32_t trials, int criterion, uint64_t seed,
        int32_t *success, int64_t success_len, char *error, int capacity);
} fa_managed_api;

extern fa_managed_api fa_managed;
extern __thread char fa_error_buffer[FA_ERROR_CAPACITY];

/* Clears this thread's error, starts the runtime on first use; 0 when the managed exports are ready, else -1 with
 * the reason in fa_error_buffer. */
int fa_runtime_begin(void);

/* The managed export named `method` of the started runtime, or NULL with the reason in fa_error_buffer: for shim files
 * that resolve their exports on first use instead of in the list of fa_managed_api (e.g. shim/scan.c). */
void *fa_runtime_resolve(const char *method);

#endif
