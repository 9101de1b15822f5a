/*
 * fastattractors.h — the C ABI of FastAttractors (ensembles of recurrent networks and the built-in flows and maps:
 * integration, Lyapunov spectra, adjoint gradients; binary sequence attractors). Link with -lfastattractors (native/build after `make -C native`).
 *
 * Conventions
 * - Every function returns an fa_status; on failure fa_last_error() has a one-line message naming the argument.
 * - All arrays are caller-owned; each comes with its length in elements (not bytes), which must be exactly what the
 *   other sizes imply. NULL pointers, negative or inconsistent lengths give FA_ERR_INVALID_ARGUMENT and touch nothing.
 * - Every size the counts imply (n*n, n*members, n*n*members, frames*n*members, networks*hidden*visible, ...) must fit
 *   one array of 2147483591 elements, steps is 1 ... 2^53 and a Lyapunov transient or duration at most 2^53 steps of
 *   dt; otherwise FA_ERR_INVALID_ARGUMENT names the argument, before anything is read (products never wrap).
 * - _f64 functions take double arrays and compute in float64; _f32 functions take float arrays and compute in float32
 *   (Lyapunov exponents and their errors are double in both: the engine accumulates them in float64).
 * - Ensemble layout is MEMBER-FASTEST (the engine's own, so nothing is copied around or transposed):
 *     state x_i of member m                     at  i*members + m          (x0, final_states, grad_x0: n*members)
 *     trajectory frame f, x_i of member m       at  (f*n + i)*members + m  (frames = steps/record_every + 1)
 *     W_ij of member m (per-member W)           at  (i*n + j)*members + m  (w_len = n*n*members; grad_w always so)
 *     W_ij (shared W)                           at  i*n + j                (w_len = n*n)
 *     b_i: b_len n (shared) or n*members (at i*members + m); tau: tau_len 1 (shared) or members; b, tau may be NULL
 *     with length 0 (b = 0, tau = 1). In numpy terms: x0 has shape (n, members), per-member W (n, n, members).
 * - Lyapunov outputs are MEMBER-MAJOR: exponent i of member m at m*k + i, largest first (numpy shape (members, k)).
 * - Binary networks are NETWORK-MAJOR and row-major: pattern t of network b at (b*length + t)*visible, values -1/+1;
 *   U (hidden x visible) of network b at b*hidden*visible; V (visible x hidden) at b*visible*hidden;
 *   success of trial r of network b at b*trials + r.
 * - Contexts: one engine each. A context may be used from any thread, but by one thread at a time: a call that finds
 *   it busy returns FA_ERR_BUSY at once and does nothing. A destroyed or unknown context gives FA_ERR_INVALID_CONTEXT.
 * - The first call starts the .NET runtime (hostfxr) and loads build/managed/FastAttractors.Native.dll beside this
 *   library (override: FASTATTRACTORS_MANAGED_DIR); DOTNET_ROOT selects the .NET install (else the one the library
 *   was built with). Starting the runtime and JIT-compiling take a fraction of a second of CPU, once per process.
 */
#ifndef FASTATTRACTORS_H
#define FASTATTRACTORS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FA_ABI_VERSION 1

#if defined(__GNUC__)
#define FA_API __attribute__((visibility("default")))
#else
#define FA_API
#endif

typedef enum fa_status {
    FA_OK = 0,
    FA_ERR_INVALID_ARGUMENT = 1,   /* NULL pointer, negative/inconsistent size, value the engine rejects */
    FA_ERR_INVALID_CONTEXT = 2,    /* NULL, unknown or destroyed context */
    FA_ERR_BUSY = 3,               /* another thread is inside this context right now */
    FA_ERR_BACKEND_UNAVAILABLE = 4,/* the requested backend has no device here */
    FA_ERR_OUT_OF_MEMORY = 5,
    FA_ERR_RUNTIME = 6,            /* the .NET runtime or the managed assembly could not be loaded */
    FA_ERR_INTERNAL = 7            /* a bug: the message has the details */
} fa_status;

typedef enum fa_backend {
    FA_BACKEND_AUTO = 0,           /* FASTATTRACTORS_BACKEND, else Cuda > OpenCL > Simd */
    FA_BACKEND_CUDA = 1,
    FA_BACKEND_OPENCL = 2,
    FA_BACKEND_ILGPU_CPU = 3,
    FA_BACKEND_SIMD = 4,
    FA_BACKEND_REFERENCE = 5
} fa_backend;

typedef enum fa_recall_criterion {
    FA_RECALL_EXACT = 0,           /* every step equals the stored sequence from step 1 */
    FA_RECALL_REACHES = 1          /* the trajectory falls onto the sequence within 5*length steps */
} fa_recall_criterion;

/* The built-in models of fa_model.kind. n is the state dimension; "matrix" models take w (n*n shared or n*n*members,
 * W_ij of member m at (i*n + j)*members + m); b is n (shared) or n*members; tau 1 or members; coefficients c values
 * (shared) or c*members (coefficient j of member m at j*members + m). Optional arrays may be NULL with length 0
 * (defaults below); a slot the model does not take must be NULL with length 0. Maps are iterated: dt must be 1. */
typedef enum fa_model_kind {
    FA_MODEL_TANH_RNN = 1,         /* flow, tau dx/dt = -x + W tanh(x) + b;  w, b (0), tau (1) */
    FA_MODEL_RELU_RNN = 2,         /* flow, dx/dt = -x + relu(W x + b);      w, b (0) */
    FA_MODEL_TANH_OF_LINEAR = 3,   /* flow, dx/dt = -x + tanh(W x);          w */
    FA_MODEL_TANH_OF_LINEAR_MAP = 4,/* map,  x <- tanh(W x);                 w */
    FA_MODEL_LINEAR = 5,           /* flow, dx/dt = A x + b;                 w = A, b (0) */
    FA_MODEL_LINEAR_MAP = 6,       /* map,  x <- A x + b;                    w = A, b (0) */
    FA_MODEL_LORENZ = 7,           /* flow, n = 3; coefficients (sigma, rho, beta), default (10, 28, 8/3) */
    FA_MODEL_HENON = 8,            /* map,  n = 2; coefficients (a, b), default (1.4, 0.3) */
    FA_MODEL_ROSSLER = 9           /* flow, n = 3; coefficients (a, b, c), default (0.2, 0.2, 5.7), shared only */
} fa_model_kind;

/* How a step advances the state. Flows: an explicit Runge-Kutta method with step dt (gradients on the GPU backends
 * run classic RK4 only). Maps: iteration, one step per iteration, with dt = 1. */
typedef enum fa_method {
    FA_METHOD_DEFAULT = 0,         /* classic RK4 for flows, iteration for maps */
    FA_METHOD_RK4 = 1,
    FA_METHOD_EULER = 2,
    FA_METHOD_HEUN = 3,
    FA_METHOD_TSIT5 = 4,
    FA_METHOD_ITERATE = 5          /* maps only */
} fa_method;

/* One ensemble of a built-in model. The arrays are of the element type of the function they are passed to (double
 * for _f64, float for _f32). Zero-initialise it and set what the model takes. */
typedef struct fa_model {
    int32_t kind;                  /* an fa_model_kind */
    int32_t n;                     /* state dimension (3 for Lorenz and Rossler, 2 for Henon) */
    int32_t members;
    const void *w; int64_t w_len;  /* the n x n matrix: W, or A for the linear models */
    const void *b; int64_t b_len;
    const void *tau; int64_t tau_len;
    const void *coefficients; int64_t coefficients_len;
} fa_model;

/* Outputs for dL/dtheta, each per member (also for shared parameters: sum over members for the summed loss):
 * w n*n*members, b n*members, tau members, coefficients c*members, in the fa_model layouts. A slot may be NULL with
 * length 0 (not wanted); a slot the model has no differentiable parameter for must be (Rossler: all of them). */
typedef struct fa_parameter_gradients {
    void *w; int64_t w_len;
    void *b; int64_t b_len;
    void *tau; int64_t tau_len;
    void *coefficients; int64_t coefficients_len;
} fa_parameter_gradients;

/* Per-member Lyapunov diagnostics (each array NULL with length 0, or members long) and the times actually used. */
typedef struct fa_lyapunov_diagnostics {
    double *sum_rule_residual; int64_t sum_rule_residual_len; /* sum(lambda) - <tr J> (<log|det J|> maps); NaN unless k = n */
    double *contraction; int64_t contraction_len;             /* <tr J> or <log|det J|>; NaN unless k = n */
    double *kaplan_yorke; int64_t kaplan_yorke_len;           /* Kaplan-Yorke dimension (NaN when k < n cannot tell) */
    double *positive_sum; int64_t positive_sum_len;           /* sum of the positive exponents */
    int64_t *failed_step; int64_t failed_step_len;            /* step a diverged member went non-finite, else -1 */
    double transient_time;         /* written: the transient run, rounded up to whole QR intervals */
    double accumulation_time;      /* written: the time the exponents are averaged over */
    int32_t blocks;                /* written: blocks behind the standard errors */
} fa_lyapunov_diagnostics;

/* Opaque: a handle into the library's table of contexts, not a pointer to memory. */
typedef struct fa_context fa_context;

/* The message of the last failed call on this thread ("" after a successful one). Valid until the next call. */
FA_API const char *fa_last_error(void);

/* The library version, e.g. "0.1.0" ("" if the runtime cannot be loaded; fa_last_error says why). */
FA_API const char *fa_version(void);

FA_API fa_status fa_context_create(fa_backend backend, fa_context **out);
FA_API fa_status fa_context_destroy(fa_context *ctx);
FA_API fa_status fa_context_backend(fa_context *ctx, fa_backend *out);

/* tau dx/dt = -x + W tanh(x) + b, RK4 with step dt for `steps` steps. record_every = 0: final states only
 * (trajectory may be NULL); > 0: frames at steps 0, r, 2r, ... into trajectory. status[m]: 0 ok, 1 went non-finite
 * (frozen at its last finite state). */
FA_API fa_status fa_tanh_integrate_f64(fa_context *ctx, int32_t n, int32_t members,
    const double *w, int64_t w_len, const double *b, int64_t b_len, const double *tau, int64_t tau_len,
    const double *x0, int64_t x0_len, double dt, int64_t steps, int32_t record_every,
    double *trajectory, int64_t trajectory_len, double *final_states, int64_t final_len,
    int32_t *status, int64_t status_len);
FA_API fa_status fa_tanh_integrate_f32(fa_context *ctx, int32_t n, int32_t members,
    const float *w, int64_t w_len, const float *b, int64_t b_len, const float *tau, int64_t tau_len,
    const float *x0, int64_t x0_len, double dt, int64_t steps, int32_t record_every,
    float *trajectory, int64_t trajectory_len, float *final_states, int64_t final_len,
    int32_t *status, int64_t status_len);

/* The leading k Lyapunov exponents per member (Benettin QR method; QR every `every` steps, a transient, then an
 * accumulation over `duration` time units) with standard errors. status[m]: 0 ok, 1 diverged, 2 not converged. */
FA_API fa_status fa_tanh_lyapunov_f64(fa_context *ctx, int32_t n, int32_t members,
    const double *w, int64_t w_len, const double *b, int64_t b_len, const double *tau, int64_t tau_len,
    const double *x0, int64_t x0_len, double dt, double transient, double duration, int32_t every, int32_t k,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
    int32_t *status, int64_t status_len);
FA_API fa_status fa_tanh_lyapunov_f32(fa_context *ctx, int32_t n, int32_t members,
    const float *w, int64_t w_len, const float *b, int64_t b_len, const float *tau, int64_t tau_len,
    const float *x0, int64_t x0_len, double dt, double transient, double duration, int32_t every, int32_t k,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
    int32_t *status, int64_t status_len);

/* L = 1/2 |x(T) - y|^2 after `steps` RK4 steps, y one target (target_len n) or per member (n*members); exact
 * gradients by the discrete adjoint. loss: members; grad_x0: n*members; grad_w: n*n*members (per member also for a
 * shared W: sum over m for the gradient of the summed loss). status[m]: 0 ok, 1 forward diverged, 2 gradient
 * non-finite. */
FA_API fa_status fa_tanh_gradient_f64(fa_context *ctx, int32_t n, int32_t members,
    const double *w, int64_t w_len, const double *b, int64_t b_len, const double *tau, int64_t tau_len,
    const double *x0, int64_t x0_len, double dt, int64_t steps, const double *target, int64_t target_len,
    double *loss, int64_t loss_len, double *grad_x0, int64_t grad_x0_len, double *grad_w, int64_t grad_w_len,
    int32_t *status, int64_t status_len);
FA_API fa_status fa_tanh_gradient_f32(fa_context *ctx, int32_t n, int32_t members,
    const float *w, int64_t w_len, const float *b, int64_t b_len, const float *tau, int64_t tau_len,
    const float *x0, int64_t x0_len, double dt, int64_t steps, const float *target, int64_t target_len,
    float *loss, int64_t loss_len, float *grad_x0, int64_t grad_x0_len, float *grad_w, int64_t grad_w_len,
    int32_t *status, int64_t status_len);

/* Any built-in model (fa_model): integrate (flows) or iterate (maps) for `steps` steps, outputs as in
 * fa_tanh_integrate_*. */
FA_API fa_status fa_integrate_f64(fa_context *ctx, const fa_model *model, const double *x0, int64_t x0_len,
    fa_method method, double dt, int64_t steps, int32_t record_every,
    double *trajectory, int64_t trajectory_len, double *final_states, int64_t final_len,
    int32_t *status, int64_t status_len);
FA_API fa_status fa_integrate_f32(fa_context *ctx, const fa_model *model, const float *x0, int64_t x0_len,
    fa_method method, double dt, int64_t steps, int32_t record_every,
    float *trajectory, int64_t trajectory_len, float *final_states, int64_t final_len,
    int32_t *status, int64_t status_len);

/* Any built-in model: the leading k Lyapunov exponents as in fa_tanh_lyapunov_* (times in iterations for maps);
 * diagnostics may be NULL. */
FA_API fa_status fa_lyapunov_f64(fa_context *ctx, const fa_model *model, const double *x0, int64_t x0_len,
    fa_method method, double dt, double transient, double duration, int32_t every, int32_t k,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
    int32_t *status, int64_t status_len, fa_lyapunov_diagnostics *diagnostics);
FA_API fa_status fa_lyapunov_f32(fa_context *ctx, const fa_model *model, const float *x0, int64_t x0_len,
    fa_method method, double dt, double transient, double duration, int32_t every, int32_t k,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len,
    int32_t *status, int64_t status_len, fa_lyapunov_diagnostics *diagnostics);

/* Any built-in model: L = 1/2 |x(T) - y|^2 and its exact gradients, as in fa_tanh_gradient_*; parameter gradients
 * into *grads (NULL: none). */
FA_API fa_status fa_gradient_f64(fa_context *ctx, const fa_model *model, const double *x0, int64_t x0_len,
    fa_method method, double dt, int64_t steps, const double *target, int64_t target_len,
    double *loss, int64_t loss_len, double *grad_x0, int64_t grad_x0_len, const fa_parameter_gradients *grads,
    int32_t *status, int64_t status_len);
FA_API fa_status fa_gradient_f32(fa_context *ctx, const fa_model *model, const float *x0, int64_t x0_len,
    fa_method method, double dt, int64_t steps, const float *target, int64_t target_len,
    float *loss, int64_t loss_len, float *grad_x0, int64_t grad_x0_len, const fa_parameter_gradients *grads,
    int32_t *status, int64_t status_len);

/* Binary networks with `hidden` hidden neurons (U and V learned, +-1 hidden code, batch schedule, zero initial
 * weights), one per periodic sequence, trained by the gated margin rule (margin kappa, rate eta). epochs[b]: epochs
 * run; converged[b]: 1 if the last epoch opened no gate. */
FA_API fa_status fa_sequence_train(fa_context *ctx, const int8_t *patterns, int64_t patterns_len,
    int32_t networks, int32_t length, int32_t visible, int32_t hidden,
    double kappa, double eta, int32_t max_epochs, uint64_t seed,
    double *u, int64_t u_len, double *v, int64_t v_len, int32_t *epochs, int64_t epochs_len,
    int32_t *converged, int64_t converged_len);

/* Recall trials of U+V networks given their weights: each starts from pattern 0 with `flipped` distinct bits
 * flipped (noise keyed by seed, network, trial). success[b*trials + r]: 1 if the trial met the criterion. */
FA_API fa_status fa_sequence_recall(fa_context *ctx, const int8_t *patterns, int64_t patterns_len,
    int32_t networks, int32_t length, int32_t visible, int32_t hidden,
    const double *u, int64_t u_len, const double *v, int64_t v_len,
    int32_t flipped, int32_t trials, fa_recall_criterion criterion, uint64_t seed,
    int32_t *success, int64_t success_len);

/* ---- Scans (src/Native/Exports.Scan.cs, native/shim/scan.c) ------------------------------------------------------
 * Lyapunov spectra over an alpha x theta grid of the rotation-block networks of docs/tutorials/first-scan.md, the rows
 * the CLI's `scan` computes for the same spec, bit for bit (the library's Engine.Scan). Axes are linspaces (both ends
 * included); rows run alpha-major, then theta, then member: rows = alpha_count*theta_count*members. Reals given as NaN
 * and integers given as 0 take the library's default (dt 0.05 for the flow and NaN for the map, which has no step;
 * transient 500, duration 1000 or 50000 map iterations, QR every 0.1 time units (flow) or 10 iterations, k = 2, 10
 * blocks, tolerance 0.05, chunks of 1024 rows). Outputs per row: its alpha, theta and seed; exponents and errors k per
 * row (rows*k, row-major); status 0 ok, 1 diverged, 2 not converged. _f32 integrates in float32 (exponents stay
 * float64). Every size is checked before the scan runs. */
typedef enum fa_scan_family {
    FA_SCAN_ROTATION_FLOW = 0,     /* dx/dt = -x + tanh(alpha R(theta) x) */
    FA_SCAN_ROTATION_MAP = 1,      /* x <- tanh(alpha R(theta) x) */
    FA_SCAN_TANH_GAIN = 2          /* dx/dt = -x + tanh(W x), Gaussian W of gain g (one W per row); fa_scan_* only */
} fa_scan_family;

FA_API fa_status fa_scan_rotation_f64(fa_context *ctx, fa_scan_family family,
    double alpha_start, double alpha_stop, int32_t alpha_count, double theta_start, double theta_stop, int32_t theta_count,
    int32_t members, int64_t seed, double x0_std, double dt, double transient, double duration,
    int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *alpha, int64_t alpha_len, double *theta, int64_t theta_len, int64_t *seeds, int64_t seeds_len,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len);
FA_API fa_status fa_scan_rotation_f32(fa_context *ctx, fa_scan_family family,
    double alpha_start, double alpha_stop, int32_t alpha_count, double theta_start, double theta_stop, int32_t theta_count,
    int32_t members, int64_t seed, double x0_std, double dt, double transient, double duration,
    int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *alpha, int64_t alpha_len, double *theta, int64_t theta_len, int64_t *seeds, int64_t seeds_len,
    double *exponents, int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len);

/* The general scan: any family (rotation-flow and rotation-map take the axes alpha and theta, tanh-gain the axis g),
 * each axis exactly once, in the order the grid's points run (C order, the last axis fastest; then member).
 * An axis is a linspace or logspace (values = {start, stop, count}, values_len = 3; count a whole number in
 * [1, 2^24]; both ends included, logspace's ends > 0) or a list (values_len values, 1 to 2^24, all finite). */
typedef enum fa_scan_axis_kind {
    FA_SCAN_LINSPACE = 0,
    FA_SCAN_LOGSPACE = 1,
    FA_SCAN_LIST = 2
} fa_scan_axis_kind;

typedef struct fa_scan_axis {
    const char *name;              /* "alpha", "theta" or "g", UTF-8, NUL-terminated */
    int32_t kind;                  /* fa_scan_axis_kind */
    const double *values;          /* {start, stop, count} or the list's values */
    int64_t values_len;
} fa_scan_axis;

/* Per-row diagnostics of fa_scan_* (the library's ScanResult), each array rows long: the sum of the k exponents, the
 * Kaplan-Yorke dimension, the sum of the positive exponents, the sum rule's residual (exponent sum minus the
 * contraction; NaN unless k = n), the contraction (<tr J> along the orbit for flows, <log |det J|> for the map; NaN
 * unless k = n) and the step at which a row went non-finite (-1 when none). */
typedef struct fa_scan_diagnostics {
    double *exponent_sum; int64_t exponent_sum_len;
    double *kaplan_yorke; int64_t kaplan_yorke_len;
    double *positive_sum; int64_t positive_sum_len;
    double *sum_rule_residual; int64_t sum_rule_residual_len;
    double *contraction; int64_t contraction_len;
    int64_t *failed_step; int64_t failed_step_len;
} fa_scan_diagnostics;

/* The sizes of a general scan, nothing run: checks family and axes (each fault named, e.g. "axes[1].name",
 * "axes[0].values_len") and writes rows = (product of the axis counts) * members, exact, and k_out, the exponent
 * columns (k, or n when k is 0; n is 2 for the rotation families, where 0 or 2 may be given). */
FA_API fa_status fa_scan_sizes(fa_scan_family family, const fa_scan_axis *axes, int32_t axis_count, int32_t n,
    int32_t members, int32_t k, int64_t *rows, int32_t *k_out);

/* Lyapunov spectra over the grid, the rows of Engine.Scan (and the CLI's `scan`) bit for bit. n is the dimension
 * (required for tanh-gain; 0 for the rotation families), connectivity the tanh-gain weights' connection probability
 * (NaN for 1; the rotation families take only NaN); the rest as fa_scan_rotation_*. Outputs: parameters, each row's
 * axis values (rows * axis_count, row-major, in the order of axes); seeds, status (rows); exponents, errors
 * (rows * k_out); diagnostics may be NULL, else each of its arrays must be rows long. */
FA_API fa_status fa_scan_f64(fa_context *ctx, fa_scan_family family, const fa_scan_axis *axes, int32_t axis_count,
    int32_t n, double connectivity, int32_t members, int64_t seed, double x0_std, double dt, double transient,
    double duration, int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *parameters, int64_t parameters_len, int64_t *seeds, int64_t seeds_len, double *exponents,
    int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,
    fa_scan_diagnostics *diagnostics);
FA_API fa_status fa_scan_f32(fa_context *ctx, fa_scan_family family, const fa_scan_axis *axes, int32_t axis_count,
    int32_t n, double connectivity, int32_t members, int64_t seed, double x0_std, double dt, double transient,
    double duration, int32_t every, int32_t k, int32_t blocks, double tolerance, int32_t chunk,
    double *parameters, int64_t parameters_len, int64_t *seeds, int64_t seeds_len, double *exponents,
    int64_t exponents_len, double *errors, int64_t errors_len, int32_t *status, int64_t status_len,
    fa_scan_diagnostics *diagnostics);

/* ---- Degeneracy studies (src/Native/Exports.Degeneracy.cs, native/shim/degeneracy.c) -----------------------------
 * Task-trained RNN ensembles h <- tanh(W h + U x + b) (the library's EnsembleTrainer: Adam, clipping, early stopping,
 * L2/L1/nuclear penalties) analysed as the CLI's `degeneracy` does (DegeneracyStudy): tasks x widths x regularisers x
 * networks, then per network the losses, OOD loss and fixed points, per pair DSA, permutation weight distance and CKA.
 * spec_json is the CLI's --spec file schema, UTF-8 and NUL-terminated (keys as the flags without dashes, e.g.
 * {"task": "flipflop", "widths": [8, 16], "regularisers": ["none", "l1:1e-3"], "networks": 4, "threshold": 1e-3};
 * absent keys take the CLI's defaults). Malformed JSON, an unknown key or a refused value give
 * FA_ERR_INVALID_ARGUMENT with a message naming the key (or "spec_json").
 *
 * Two calls: fa_degeneracy_sizes validates the spec and gives the array lengths, nothing is trained; the caller
 * allocates and fa_degeneracy_study runs (seconds to hours, depending on the spec). Conditions are widths-major, then
 * regularisers; network i is condition i / N, replicate i % N (N = "networks", seed = "seed" + replicate), so
 * networks = conditions*N. Pair slots run condition-major, then i < j within the condition: pairs = conditions*N(N-1)/2;
 * a slot whose networks are not both usable keeps its indices and NaN values. No checkpoints; "exponents" and
 * "drivenExponents" must be 0 and "pairs" "within" (fa_degeneracy_study_full below takes them, as the CLI does). */
typedef enum fa_degeneracy_status {
    FA_DEGENERACY_CONVERGED = 0,   /* early-stopped at the threshold */
    FA_DEGENERACY_COMPLETED = 1,   /* the budget ran out first */
    FA_DEGENERACY_DIVERGED = 2,    /* a non-finite loss or gradient */
    FA_DEGENERACY_FAILED = 3       /* an unexpected error stopped this network alone */
} fa_degeneracy_status;

FA_API fa_status fa_degeneracy_sizes(const char *spec_json, int64_t *networks, int64_t *pairs);

/* Per network (length networks): condition index, width, seed, fa_degeneracy_status, usable (1: trained and analysed,
 * counted in the pairs), steps (Adam updates), final test loss, OOD loss, fixed points and stable fixed points.
 * Per pair slot (length pairs): network indices first < second, |OOD loss difference|, DSA distance, permutation-
 * invariant weight distance (Frobenius; exact up to width 8, else the profile-matching upper bound), 1 - linear CKA. */
FA_API fa_status fa_degeneracy_study(fa_context *ctx, const char *spec_json,
    int32_t *condition, int64_t condition_len, int32_t *width, int64_t width_len, int64_t *seed, int64_t seed_len,
    int32_t *status, int64_t status_len, int32_t *usable, int64_t usable_len, int64_t *steps, int64_t steps_len,
    double *final_test_loss, int64_t final_test_loss_len, double *ood_loss, int64_t ood_loss_len,
    int32_t *fixed_points, int64_t fixed_points_len, int32_t *stable_fixed_points, int64_t stable_fixed_points_len,
    int32_t *first, int64_t first_len, int32_t *second, int64_t second_len,
    double *ood_difference, int64_t ood_difference_len, double *dsa, int64_t dsa_len,
    double *weight_distance, int64_t weight_distance_len, double *one_minus_cka, int64_t one_minus_cka_len);

/* The whole study, every number of the CLI's networks.parquet and pairs.parquet for the same spec (same seeds), for
 * any spec the CLI accepts: "exponents" k > 0, "drivenExponents" > 0, "lyapunovIterations", "pairs": "all". Refused
 * before training, named, here as in the CLI: "exponents" above the smallest width (by the spec itself, so
 * fa_degeneracy_layout too), and with "exponents" > 0 a "lyapunovIterations" too short for the estimator's standard
 * errors (the engine's ten QR intervals of 10 iterations: about 100 at least; checked by fa_degeneracy_study_full
 * with ctx's engine). Text columns are left out: a network's condition label is its condition index's width x
 * regulariser, index is i and replicate i % N; the failure text is not given (status and usable mark those rows).
 * The CLI's cka column is given as one_minus_cka = 1 - cka, as fa_degeneracy_study gives it.
 *
 * fa_degeneracy_layout validates the spec and gives the lengths, nothing trained: networks = conditions*N;
 * within_pairs = conditions*N(N-1)/2; pairs = within_pairs, plus with "pairs": "all" conditions(conditions-1)/2 * N*N
 * cross-condition slots (so pairs = networks(networks-1)/2 then); exponents = k; driven_exponents = the spec's
 * "drivenExponents".
 *
 * Pair slots: [0, within_pairs) exactly as fa_degeneracy_study's (condition-major, then i < j within the condition);
 * then, with "all", condition pairs a < b in order (a outer), and within each the N*N slots of network i of a with
 * network j of b, slot = within_pairs + rank(a, b)*N*N + i*N + j, rank(a, b) = a*conditions - a(a+1)/2 + (b-a-1).
 * first_condition and second_condition tell within (equal) from across. A slot whose networks are not both usable
 * keeps its indices and conditions, NaN in every real column and weight_exact 0.
 *
 * fa_degeneracy_outputs holds one pointer and its element count per column. A column not wanted is NULL with length 0;
 * any other pointer must have exactly its length (checked before training; a wrong one is refused as
 * FA_ERR_INVALID_ARGUMENT naming "outputs.<column>_len" and the length needed, a NULL one with a length as
 * "outputs.<column>: NULL pointer"). Per network (length networks, network i = condition i / N, replicate i % N):
 *   condition, width, seed, status (fa_degeneracy_status), usable, steps, final_test_loss, ood_loss: as
 *     fa_degeneracy_study;
 *   weight_norm        ||W||_F after training; weight_change ||W_T - W_0||_F (how far training moved W);
 *   fixed_points, stable_fixed_points, saddle_fixed_points: distinct fixed points at zero input and their stability
 *     classes; slow_points: slow but not fixed points (all 0 for width 1 or when the analysis stopped early);
 *   plane_explained    fraction of the state variance in the first two principal components (NaN if not analysed);
 *   dsa_self           DSA's noise floor: the DSA distance between the network's operator on the shared analysis
 *     trials and on a second set of as many trials (NaN when either operator could not be fitted); a pair's dsa
 *     means something only above both networks' dsa_self;
 *   exponents          networks*k, row-major (network i at [i*k, i*k + k)): the leading Lyapunov exponents of the
 *     autonomous map h <- tanh(W h + b) per iteration (natural log, largest first), computed on ctx's backend in
 *     float64 as the CLI computes them on its --backend (transient 500, "lyapunovIterations" iterations, QR every 10);
 *     NaN for a network whose parameters are not finite;
 *   driven_exponents   networks*driven_exponents, row-major: the leading exponents of h <- tanh(W h + U x_t + b)
 *     driven by the task's inputs (the same drive for every network), per step, largest first; NaN beyond the
 *     network's width and for a network not analysed;
 *   mds                networks*8, row-major: the network's 2-D classical-MDS coordinates within its condition at the
 *     behaviour, dynamics (DSA), weight (relative distance) and representation (1 - CKA) levels, as
 *     (x, y) pairs in that order; NaN when it is not usable or its condition has fewer than two usable networks.
 * Per pair slot (length pairs):
 *   first < second (network indices), first_condition, second_condition (condition indices);
 *   ood_difference, dsa, weight_distance, one_minus_cka: as fa_degeneracy_study (weight_distance is NaN across two
 *     widths: no permutation maps one network onto the other; DSA compares networks of any widths);
 *   weight_per_parameter  weight_distance / n^2; weight_relative  weight_distance / the mean of the two ||W||_F;
 *   weight_exact       1 when the weight distance is exact (widths up to 8), 0 for the upper bound or none;
 *   dsa_self_max       the larger of the two networks' dsa_self (NaN when either is). */
typedef struct fa_degeneracy_outputs {
    int32_t *condition; int64_t condition_len;
    int32_t *width; int64_t width_len;
    int64_t *seed; int64_t seed_len;
    int32_t *status; int64_t status_len;
    int32_t *usable; int64_t usable_len;
    int64_t *steps; int64_t steps_len;
    double *final_test_loss; int64_t final_test_loss_len;
    double *ood_loss; int64_t ood_loss_len;
    double *weight_norm; int64_t weight_norm_len;
    double *weight_change; int64_t weight_change_len;
    int32_t *fixed_points; int64_t fixed_points_len;
    int32_t *stable_fixed_points; int64_t stable_fixed_points_len;
    int32_t *saddle_fixed_points; int64_t saddle_fixed_points_len;
    int32_t *slow_points; int64_t slow_points_len;
    double *plane_explained; int64_t plane_explained_len;
    double *dsa_self; int64_t dsa_self_len;
    double *exponents; int64_t exponents_len;
    double *driven_exponents; int64_t driven_exponents_len;
    double *mds; int64_t mds_len;
    int32_t *first; int64_t first_len;
    int32_t *second; int64_t second_len;
    int32_t *first_condition; int64_t first_condition_len;
    int32_t *second_condition; int64_t second_condition_len;
    double *ood_difference; int64_t ood_difference_len;
    double *dsa; int64_t dsa_len;
    double *weight_distance; int64_t weight_distance_len;
    double *weight_per_parameter; int64_t weight_per_parameter_len;
    double *weight_relative; int64_t weight_relative_len;
    int32_t *weight_exact; int64_t weight_exact_len;
    double *one_minus_cka; int64_t one_minus_cka_len;
    double *dsa_self_max; int64_t dsa_self_max_len;
} fa_degeneracy_outputs;

FA_API fa_status fa_degeneracy_layout(const char *spec_json, int64_t *networks, int64_t *pairs, int64_t *within_pairs,
    int32_t *conditions, int32_t *exponents, int32_t *driven_exponents);
FA_API fa_status fa_degeneracy_study_full(fa_context *ctx, const char *spec_json, const fa_degeneracy_outputs *outputs);

/* Trained weights for users who analyse the networks themselves: a spec with exactly one width and one regulariser
 * trains its N networks exactly as fa_degeneracy_study does (network k: seed "seed" + k, the same parameters).
 * fa_ensemble_sizes gives N, the hidden size n, the task's inputs m and outputs o; each network has
 * P = n*n + n*m + n + o*n + o parameters [W (n x n) | U (n x m) | b (n) | C (o x n) | d (o)], row-major, for
 * h <- tanh(W h + U x + b), y = C h + d, or with "dynamics": "continuous" for the Euler steps
 * h <- h + a(-h + W tanh(h) + U x + b), y = C tanh(h) + d (a = "dtOverTau"); parameters holds the networks one after
 * another (length N*P). */
FA_API fa_status fa_ensemble_sizes(const char *spec_json, int32_t *networks, int32_t *hidden, int32_t *inputs,
    int32_t *outputs);
FA_API fa_status fa_train_ensemble(fa_context *ctx, const char *spec_json, double *parameters, int64_t parameters_len,
    int32_t *status, int64_t status_len, int64_t *steps, int64_t steps_len, double *final_test_loss,
    int64_t final_test_loss_len);

#ifdef __cplusplus
}
#endif

#endif
