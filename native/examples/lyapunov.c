/* The leading Lyapunov exponents of a gain sweep of tanh networks, tau dx/dt = -x + W tanh(x), through the C ABI.
 * Build and run from the repository root after `make -C native`:
 *   cc -I native -o lyapunov native/examples/lyapunov.c -L native/build -lfastattractors -lm -Wl,-rpath,native/build
 *   ./lyapunov */
#include <math.h>
#include <stdio.h>

#include "fastattractors.h"

enum { N = 10, MEMBERS = 4, K = 3 };

/* A 64-bit LCG (top 53 bits), so other languages can rebuild exactly these inputs (the tests do). */
static uint64_t seed = 42;
static double uniform(void) /* on [-1, 1) */
{
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(seed >> 11) * 0x1.0p-53 * 2.0 - 1.0;
}

int main(void)
{
    static double w[N * N * MEMBERS], x0[N * MEMBERS], exponents[MEMBERS * K], errors[MEMBERS * K];
    int32_t status[MEMBERS];
    double base[N * N], scale = sqrt(3.0 / N); /* entries of variance 1/N */
    for (int ij = 0; ij < N * N; ij++)
        base[ij] = uniform() * scale;
    for (int m = 0; m < MEMBERS; m++) { /* member m: W = g_m * base, member-fastest layout */
        double g = 0.5 + 2.5 * m / (MEMBERS - 1);
        for (int ij = 0; ij < N * N; ij++)
            w[ij * MEMBERS + m] = g * base[ij];
    }
    for (int i = 0; i < N * MEMBERS; i++)
        x0[i] = uniform();

    fa_context *ctx;
    if (fa_context_create(FA_BACKEND_AUTO, &ctx) != FA_OK) {
        fprintf(stderr, "error: %s\n", fa_last_error());
        return 1;
    }
    fa_status rc = fa_tanh_lyapunov_f64(ctx, N, MEMBERS, w, N * N * MEMBERS, NULL, 0, NULL, 0, x0, N * MEMBERS,
        /* dt */ 0.05, /* transient */ 50.0, /* duration */ 500.0, /* every */ 10, K,
        exponents, MEMBERS * K, errors, MEMBERS * K, status, MEMBERS);
    if (rc != FA_OK) {
        fprintf(stderr, "error %d: %s\n", rc, fa_last_error());
        fa_context_destroy(ctx);
        return 1;
    }
    printf("FastAttractors %s: leading %d Lyapunov exponents, n = %d\n", fa_version(), K, N);
    for (int m = 0; m < MEMBERS; m++) {
        printf("g = %.3f  status %d ", 0.5 + 2.5 * m / (MEMBERS - 1), status[m]);
        for (int i = 0; i < K; i++) /* member-major: exponent i of member m at m*K + i */
            printf(" %+.15e (+- %.1e)", exponents[m * K + i], errors[m * K + i]);
        printf("\n");
    }
    fa_context_destroy(ctx);
    return 0;
}
