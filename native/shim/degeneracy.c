/* fa_degeneracy_sizes / fa_degeneracy_study / fa_degeneracy_layout / fa_degeneracy_study_full / fa_ensemble_sizes /
 * fa_train_ensemble of fastattractors.h: start the runtime, resolve the managed exports on first
 * use (src/Native/Exports.Degeneracy.cs) and forward, adding this thread's error buffer. */
#include "../fastattractors.h"
#include "runtime.h"

#include <pthread.h>

typedef int (*degeneracy_sizes_fn)(const char *spec_json, int64_t *networks, int64_t *pairs, char *error, int capacity);
typedef int (*degeneracy_study_fn)(intptr_t ctx, const char *spec_json,
    int32_t *condition, int64_t condition_len, int32_t *width, int64_t width_len, int64_t *seed, int64_t seed_len,
    int32_t *status, int64_t status_len, int32_t *usable, int64_t usable_len, int64_t *steps, int64_t steps_len,
    double *final_test_loss, int64_t final_test_loss_len, double *ood_loss, int64_t ood_loss_len,
    int32_t *fixed_points, int64_t fixed_points_len, int32_t *stable_fixed_points, int64_t stable_fixed_points_len,
    int32_t *first, int64_t first_len, int32_t *second, int64_t second_len,
    double *ood_difference, int64_t ood_difference_len, double *dsa, int64_t dsa_len,
    double *weight_distance, int64_t weight_distance_len, double *one_minus_cka, int64_t one_minus_cka_len,
    char *error, int capacity);
typedef int (*degeneracy_layout_fn)(const char *spec_json, int64_t *networks, int64_t *pairs, int64_t *within_pairs,
    int32_t *conditions, int32_t *exponents, int32_t *driven_exponents, char *error, int capacity);
typedef int (*degeneracy_study_full_fn)(intptr_t ctx, const char *spec_json, const fa_degeneracy_outputs *outputs,
    char *error, int capacity);

typedef int (*ensemble_sizes_fn)(const char *spec_json, int32_t *networks, int32_t *hidden, int32_t *inputs,
    int32_t *outputs, char *error, int capacity);
typedef int (*train_ensemble_fn)(intptr_t ctx, const char *spec_json, double *parameters, int64_t parameters_len,
    int32_t *status, int64_t status_len, int64_t *steps, int64_t steps_len, double *final_test_loss,
    int64_t final_test_loss_len, char *error, int capacity);

static degeneracy_sizes_fn degeneracy_sizes;
static ensemble_sizes_fn ensemble_sizes;
static train_ensemble_fn train_ensemble;
static degeneracy_study_fn degeneracy_study;
static degeneracy_layout_fn degeneracy_layout;
static degeneracy_study_full_fn degeneracy_study_full;
static pthread_once_t degeneracy_once = PTHREAD_ONCE_INIT;

static void resolve_degeneracy(void)
{
    degeneracy_sizes = (degeneracy_sizes_fn)fa_runtime_resolve("DegeneracySizes");
    degeneracy_study = (degeneracy_study_fn)fa_runtime_resolve("DegeneracyStudyRun");
    degeneracy_layout = (degeneracy_layout_fn)fa_runtime_resolve("DegeneracyLayout");
    degeneracy_study_full = (degeneracy_study_full_fn)fa_runtime_resolve("DegeneracyStudyFull");
    ensemble_sizes = (ensemble_sizes_fn)fa_runtime_resolve("EnsembleSizes");
    train_ensemble = (train_ensemble_fn)fa_runtime_resolve("TrainEnsemble");
}

static int begin(void)
{
    if (fa_runtime_begin() != 0)
        return 0;
    pthread_once(&degeneracy_once, resolve_degeneracy);
    return degeneracy_sizes != NULL && degeneracy_study != NULL && degeneracy_layout != NULL && degeneracy_study_full != NULL
        && ensemble_sizes != NULL && train_ensemble != NULL;
}

fa_status fa_degeneracy_sizes(const char *spec_json, int64_t *networks, int64_t *pairs)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)degeneracy_sizes(spec_json, networks, pairs, fa_error_buffer, (int)sizeof fa_error_buffer);
}

fa_status fa_degeneracy_study(fa_context *ctx, const char *spec_json,
    int32_t *condition, int64_t condition_len, int32_t *width, int64_t width_len, int64_t *seed, int64_t seed_len,
    int32_t *status, int64_t status_len, int32_t *usable, int64_t usable_len, int64_t *steps, int64_t steps_len,
    double *final_test_loss, int64_t final_test_loss_len, double *ood_loss, int64_t ood_loss_len,
    int32_t *fixed_points, int64_t fixed_points_len, int32_t *stable_fixed_points, int64_t stable_fixed_points_len,
    int32_t *first, int64_t first_len, int32_t *second, int64_t second_len,
    double *ood_difference, int64_t ood_difference_len, double *dsa, int64_t dsa_len,
    double *weight_distance, int64_t weight_distance_len, double *one_minus_cka, int64_t one_minus_cka_len)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)degeneracy_study((intptr_t)ctx, spec_json, condition, condition_len, width, width_len, seed,
        seed_len, status, status_len, usable, usable_len, steps, steps_len, final_test_loss, final_test_loss_len,
        ood_loss, ood_loss_len, fixed_points, fixed_points_len, stable_fixed_points, stable_fixed_points_len, first,
        first_len, second, second_len, ood_difference, ood_difference_len, dsa, dsa_len, weight_distance,
        weight_distance_len, one_minus_cka, one_minus_cka_len, fa_error_buffer, (int)sizeof fa_error_buffer);
}

fa_status fa_degeneracy_layout(const char *spec_json, int64_t *networks, int64_t *pairs, int64_t *within_pairs,
    int32_t *conditions, int32_t *exponents, int32_t *driven_exponents)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)degeneracy_layout(spec_json, networks, pairs, within_pairs, conditions, exponents, driven_exponents,
        fa_error_buffer, (int)sizeof fa_error_buffer);
}

fa_status fa_degeneracy_study_full(fa_context *ctx, const char *spec_json, const fa_degeneracy_outputs *outputs)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)degeneracy_study_full((intptr_t)ctx, spec_json, outputs, fa_error_buffer,
        (int)sizeof fa_error_buffer);
}

fa_status fa_ensemble_sizes(const char *spec_json, int32_t *networks, int32_t *hidden, int32_t *inputs, int32_t *outputs)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)ensemble_sizes(spec_json, networks, hidden, inputs, outputs, fa_error_buffer,
        (int)sizeof fa_error_buffer);
}

fa_status fa_train_ensemble(fa_context *ctx, const char *spec_json, double *parameters, int64_t parameters_len,
    int32_t *status, int64_t status_len, int64_t *steps, int64_t steps_len, double *final_test_loss,
    int64_t final_test_loss_len)
{
    if (!begin())
        return FA_ERR_RUNTIME;
    return (fa_status)train_ensemble((intptr_t)ctx, spec_json, parameters, parameters_len, status, status_len, steps,
        steps_len, final_test_loss, final_test_loss_len, fa_error_buffer, (int)sizeof fa_error_buffer);
}
