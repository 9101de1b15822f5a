/* fa_scan_rotation_f64 / _f32, fa_scan_sizes and fa_scan_f64 / _f32 of fastattractors.h: start the runtime, resolve
 * the managed ScanRotation, ScanSizes and ScanGeneral exports on first use (src/Native/Exports.Scan.cs,
 * Exports.ScanGeneral.cs) and forward, adding the element type and this thread's error buffer. */
#include "../fastattractors.h"
#include "runtime.h"

#include <pthread.h>

typedef int (*scan_rotation_fn)(intptr_t ctx, int dtype, int32_t family,
    double alpha_start, double alpha_stop, int32_t alpha_count, double theta_start, double theta_stop, int32_t theta_count,
    int32_t members, int64_t seed, double x0_std, double dt, double transient, double duration, int32_t every, int32_t k,
    int32_t blocks, double tolerance, int32_t chunk,
    double *alpha, int64_t alpha_len, double *theta, int64_t theta_len, int64_t *seeds, int64_t seeds_len,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,
    char *error, int capacity);

static scan_rotation_fn scan_rotation;
static pthread_once_t scan_once = PTHREAD_ONCE_INIT;

static void resolve_scan(void)
{
    scan_rotation = (scan_rotation_fn)fa_runtime_resolve("ScanRotation");
}

static fa_status scan(int dtype, fa_context *ctx, fa_scan_family family,
    double alpha_start, double alpha_stop, int32_t alpha_count, double theta_start, double theta_stop, int32_t theta_count,
    int32_t members, int64_t seed, double x0_std, double dt, double transient, double duration, int32_t every, int32_t k,
    int32_t blocks, double tolerance, int32_t chunk,
    double *alpha, int64_t alpha_len, double *theta, int64_t theta_len, int64_t *seeds, int64_t seeds_len,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len)
{
    if (fa_runtime_begin() != 0)
        return FA_ERR_RUNTIME;
    pthread_once(&scan_once, resolve_scan);
    if (scan_rotation == NULL)
        return FA_ERR_RUNTIME;
    return (fa_status)scan_rotation((intptr_t)ctx, dtype, (int32_t)family, alpha_start, alpha_stop, alpha_count,
        theta_start, theta_stop, theta_count, members, seed, x0_std, dt, transient, duration, every, k, blocks, tolerance,
        chunk, alpha, alpha_len, theta, theta_len, seeds, seeds_len, exponents, exponents_len, errors, errors_len,
        status, status_len, fa_error_buffer, (int)sizeof fa_error_buffer);
}

#define FA_SCAN(suffix, dtype)                                                                                         \
    fa_status fa_scan_rotation_##suffix(fa_context *ctx, fa_scan_family family,                                         \
        double alpha_start, double alpha_stop, int32_t alpha_count,                                                    \
        double theta_start, double theta_stop, int32_t theta_count,                                                    \
        int32_t members, int64_t seed, double x0_std, double dt, double transient, double duration,                    \
        int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,                                     \
        double *alpha, int64_t alpha_len, double *theta, int64_t theta_len, int64_t *seeds, int64_t seeds_len,        \
        double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,                                  \
        int32_t *status, int64_t status_len)                                                                           \
    {                                                                                                                  \
        return scan(dtype, ctx, family, alpha_start, alpha_stop, alpha_count, theta_start, theta_stop, theta_count,   \
            members, seed, x0_std, dt, transient, duration, every, k, blocks, tolerance, chunk, alpha, alpha_len,      \
            theta, theta_len, seeds, seeds_len, exponents, exponents_len, errors, errors_len, status, status_len);     \
    }

FA_SCAN(f64, FA_DTYPE_F64)
FA_SCAN(f32, FA_DTYPE_F32)

/* fa_scan_sizes and fa_scan_f64 / _f32: the general scan (ScanSizes and ScanGeneral), resolved on first use. */
typedef int (*scan_sizes_fn)(int32_t family, const fa_scan_axis *axes, int32_t axis_count, int32_t n, int32_t members,
    int32_t k, int64_t *rows, int32_t *k_out, char *error, int capacity);
typedef int (*scan_general_fn)(intptr_t ctx, int dtype, int32_t family, const fa_scan_axis *axes, int32_t axis_count,
    int32_t n, double connectivity, int32_t members, int64_t seed, double x0_std, double dt, double transient,
    double duration, int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *parameters, int64_t parameters_len, int64_t *seeds, int64_t seeds_len, double *exponents,
    int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,
    fa_scan_diagnostics *diagnostics, char *error, int capacity);

static scan_sizes_fn scan_sizes;
static scan_general_fn scan_general;
static pthread_once_t scan_general_once = PTHREAD_ONCE_INIT;

static void resolve_scan_general(void)
{
    scan_sizes = (scan_sizes_fn)fa_runtime_resolve("ScanSizes");
    scan_general = (scan_general_fn)fa_runtime_resolve("ScanGeneral");
}

fa_status fa_scan_sizes(fa_scan_family family, const fa_scan_axis *axes, int32_t axis_count, int32_t n,
    int32_t members, int32_t k, int64_t *rows, int32_t *k_out)
{
    if (fa_runtime_begin() != 0)
        return FA_ERR_RUNTIME;
    pthread_once(&scan_general_once, resolve_scan_general);
    if (scan_sizes == NULL)
        return FA_ERR_RUNTIME;
    return (fa_status)scan_sizes((int32_t)family, axes, axis_count, n, members, k, rows, k_out, fa_error_buffer,
        (int)sizeof fa_error_buffer);
}

static fa_status scan_any(int dtype, fa_context *ctx, fa_scan_family family, const fa_scan_axis *axes,
    int32_t axis_count, int32_t n, double connectivity, int32_t members, int64_t seed, double x0_std, double dt,
    double transient, double duration, int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *parameters, int64_t parameters_len, int64_t *seeds, int64_t seeds_len, double *exponents,
    int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,
    fa_scan_diagnostics *diagnostics)
{
    if (fa_runtime_begin() != 0)
        return FA_ERR_RUNTIME;
    pthread_once(&scan_general_once, resolve_scan_general);
    if (scan_general == NULL)
        return FA_ERR_RUNTIME;
    return (fa_status)scan_general((intptr_t)ctx, dtype, (int32_t)family, axes, axis_count, n, connectivity, members,
        seed, x0_std, dt, transient, duration, every, k, blocks, tolerance, chunk, parameters, parameters_len, seeds,
        seeds_len, exponents, exponents_len, errors, errors_len, status, status_len, diagnostics, fa_error_buffer,
        (int)sizeof fa_error_buffer);
}

#define FA_SCAN_ANY(suffix, dtype)                                                                                     \
    fa_status fa_scan_##suffix(fa_context *ctx, fa_scan_family family, const fa_scan_axis *axes, int32_t axis_count,  \
        int32_t n, double connectivity, int32_t members, int64_t seed, double x0_std, double dt, double transient,     \
        double duration, int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,                   \
        double *parameters, int64_t parameters_len, int64_t *seeds, int64_t seeds_len, double *exponents,             \
        int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,               \
        fa_scan_diagnostics *diagnostics)                                                                              \
    {                                                                                                                  \
        return scan_any(dtype, ctx, family, axes, axis_count, n, connectivity, members, seed, x0_std, dt, transient,  \
            duration, every, k, blocks, tolerance, chunk, parameters, parameters_len, seeds, seeds_len, exponents,     \
            exponents_len, errors, errors_len, status, status_len, diagnostics);                                       \
    }

FA_SCAN_ANY(f64, FA_DTYPE_F64)
FA_SCAN_ANY(f32, FA_DTYPE_F32)
