/* Any built-in model through one fa_model: the Lyapunov spectra of a Lorenz ensemble sweeping rho (per-member
 * coefficients), with the Kaplan-Yorke dimension from the diagnostics. */
#include <stdio.h>

#include "fastattractors.h"

enum { MEMBERS = 4 };

int main(void)
{
    /* Coefficients (sigma, rho, beta) per member, member fastest: coefficient j of member m at j*MEMBERS + m. */
    static const double rho[MEMBERS] = { 10.0, 20.0, 28.0, 35.0 };
    double coefficients[3 * MEMBERS], x0[3 * MEMBERS], exponents[3 * MEMBERS], errors[3 * MEMBERS], dimension[MEMBERS];
    int32_t status[MEMBERS];
    for (int m = 0; m < MEMBERS; m++) {
        coefficients[m] = 10.0;
        coefficients[MEMBERS + m] = rho[m];
        coefficients[2 * MEMBERS + m] = 8.0 / 3.0;
        for (int i = 0; i < 3; i++)
            x0[i * MEMBERS + m] = 1.0;
    }
    fa_model lorenz = { .kind = FA_MODEL_LORENZ, .n = 3, .members = MEMBERS,
                        .coefficients = coefficients, .coefficients_len = 3 * MEMBERS };
    fa_lyapunov_diagnostics diagnostics = { .kaplan_yorke = dimension, .kaplan_yorke_len = MEMBERS };

    fa_context *ctx;
    if (fa_context_create(FA_BACKEND_AUTO, &ctx) != FA_OK) {
        fprintf(stderr, "error: %s\n", fa_last_error());
        return 1;
    }
    fa_status rc = fa_lyapunov_f64(ctx, &lorenz, x0, 3 * MEMBERS, FA_METHOD_RK4, /* dt */ 0.01, /* transient */ 20.0,
        /* duration */ 200.0, /* every */ 10, /* k */ 3, exponents, 3 * MEMBERS, errors, 3 * MEMBERS, status, MEMBERS,
        &diagnostics);
    if (rc != FA_OK) {
        fprintf(stderr, "error %d: %s\n", rc, fa_last_error());
        fa_context_destroy(ctx);
        return 1;
    }
    for (int m = 0; m < MEMBERS; m++) {
        printf("rho = %4.1f  status %d  D_KY %.15e ", rho[m], status[m], dimension[m]);
        for (int i = 0; i < 3; i++) /* member-major: exponent i of member m at m*3 + i */
            printf(" %+.15e", exponents[m * 3 + i]);
        printf("\n");
    }
    fa_context_destroy(ctx);
    return 0;
}
