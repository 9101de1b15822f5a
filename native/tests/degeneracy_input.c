/* fa_degeneracy_layout and fa_degeneracy_study_full from C, printed like bad_input.c: "degeneracy_<case>" TAB status
 * TAB fa_last_error(), or for the good runs what this program checked of the numbers (the xUnit test BadInputTests.cs
 * checks each line). A tiny study of two widths x two networks, with every output fa_degeneracy_study refuses:
 * "pairs": "all", two autonomous and two driven exponents. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fastattractors.h"

#define SPEC_BODY "\"task\": \"flipflop\", \"length\": 8, \"widths\": [3, 4], \"networks\": 2, \"seed\": 3, \"batch\": 4, " \
    "\"trainSize\": 8, \"testSize\": 4, \"epochs\": 2, \"analysisTrials\": 2, \"oodTrials\": 2, \"fixedPointStarts\": 2, " \
    "\"lyapunovIterations\": 100, \"threads\": 1"
static const char *full_spec = "{" SPEC_BODY ", \"pairs\": \"all\", \"exponents\": 2, \"drivenExponents\": 2}";
static const char *within_spec = "{" SPEC_BODY "}";

enum { NETS = 4, PAIRS = 6, WITHIN = 2, K = 2 };
static int32_t condition[NETS], width[NETS], status[NETS], usable[NETS], fixed_points[NETS], stable[NETS], saddle[NETS],
    slow[NETS];
static int64_t seed[NETS], steps[NETS];
static double final_loss[NETS], ood_loss[NETS], weight_norm[NETS], weight_change[NETS], plane[NETS], dsa_self[NETS],
    exponents[NETS * K], driven[NETS * K], mds[NETS * 8];
static int32_t first[PAIRS], second[PAIRS], first_condition[PAIRS], second_condition[PAIRS], weight_exact[PAIRS];
static double ood_difference[PAIRS], dsa[PAIRS], weight_distance[PAIRS], weight_per_parameter[PAIRS],
    weight_relative[PAIRS], one_minus_cka[PAIRS], dsa_self_max[PAIRS];

static void report(const char *name, fa_status rc)
{
    printf("%s\t%d\t%s\n", name, (int)rc, fa_last_error());
    fflush(stdout);
}

static fa_degeneracy_outputs all_outputs(void)
{
    return (fa_degeneracy_outputs){
        condition, NETS, width, NETS, seed, NETS, status, NETS, usable, NETS, steps, NETS, final_loss, NETS,
        ood_loss, NETS, weight_norm, NETS, weight_change, NETS, fixed_points, NETS, stable, NETS, saddle, NETS,
        slow, NETS, plane, NETS, dsa_self, NETS, exponents, NETS * K, driven, NETS * K, mds, NETS * 8,
        first, PAIRS, second, PAIRS, first_condition, PAIRS, second_condition, PAIRS, ood_difference, PAIRS,
        dsa, PAIRS, weight_distance, PAIRS, weight_per_parameter, PAIRS, weight_relative, PAIRS, weight_exact, PAIRS,
        one_minus_cka, PAIRS, dsa_self_max, PAIRS,
    };
}

/* Equal to the last bit, NaN equal to NaN. */
static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* The within-condition slots of the full run against fa_degeneracy_study's on the same spec without the extras. */
static int within_equal_old_call(fa_context *ctx)
{
    int32_t c[NETS], w[NETS], st[NETS], u[NETS], fp[NETS], sfp[NETS], f[WITHIN], s[WITHIN];
    int64_t sd[NETS], sp[NETS];
    double fl[NETS], ol[NETS], od[WITHIN], d[WITHIN], wd[WITHIN], cka[WITHIN];
    fa_status rc = fa_degeneracy_study(ctx, within_spec, c, NETS, w, NETS, sd, NETS, st, NETS, u, NETS, sp, NETS, fl,
        NETS, ol, NETS, fp, NETS, sfp, NETS, f, WITHIN, s, WITHIN, od, WITHIN, d, WITHIN, wd, WITHIN, cka, WITHIN);
    if (rc != FA_OK)
        return -(int)rc;
    int equal = 1;
    for (int i = 0; i < NETS; i++)
        equal &= c[i] == condition[i] && st[i] == status[i] && sp[i] == steps[i] && same(fl[i], final_loss[i])
            && same(ol[i], ood_loss[i]) && fp[i] == fixed_points[i];
    for (int p = 0; p < WITHIN; p++)
        equal &= f[p] == first[p] && s[p] == second[p] && same(od[p], ood_difference[p]) && same(d[p], dsa[p])
            && same(wd[p], weight_distance[p]) && same(cka[p], one_minus_cka[p]);
    return equal;
}

void degeneracy_cases(fa_context *ctx)
{
    int64_t networks = -1, pairs = -1, within = -1;
    int32_t conditions = -1, k = -1, driven_k = -1;
    fa_status rc = fa_degeneracy_layout(full_spec, &networks, &pairs, &within, &conditions, &k, &driven_k);
    if (rc != FA_OK)
        report("degeneracy_layout", rc);
    else
        printf("degeneracy_layout\t0\t%lld %lld %lld %d %d %d\n", (long long)networks, (long long)pairs,
            (long long)within, conditions, k, driven_k);

    fa_degeneracy_outputs out = all_outputs();
    rc = fa_degeneracy_study_full(ctx, full_spec, &out);
    if (rc != FA_OK)
        report("degeneracy_full", rc);
    else {
        /* What any run of this spec must satisfy: slot order, condition ids, exponents largest first, dsa_self >= 0
         * (or NaN), NaN driven exponents only beyond a width (none here: 2 <= 3). */
        int slots_ok = 1, sorted = 1, floor_ok = 1, within_ok;
        for (int p = 0; p < PAIRS; p++) {
            slots_ok &= first[p] < second[p] && first_condition[p] == first[p] / 2 && second_condition[p] == second[p] / 2;
            slots_ok &= (p < WITHIN) == (first_condition[p] == second_condition[p]);
        }
        for (int i = 0; i < NETS; i++) {
            for (int j = 0; j + 1 < K; j++)
                sorted &= exponents[i * K + j] >= exponents[i * K + j + 1] && driven[i * K + j] >= driven[i * K + j + 1];
            floor_ok &= isnan(dsa_self[i]) || dsa_self[i] >= 0;
        }
        within_ok = within_equal_old_call(ctx);
        printf("degeneracy_full\t0\tslots %d sorted %d dsa_self %d within_equals_old_call %d\n", slots_ok, sorted,
            floor_ok, within_ok);
    }

    /* Only dsa_self wanted: every other column NULL with length 0, the same numbers. */
    double alone[NETS];
    fa_degeneracy_outputs one = { 0 };
    one.dsa_self = alone;
    one.dsa_self_len = NETS;
    rc = fa_degeneracy_study_full(ctx, full_spec, &one);
    if (rc != FA_OK)
        report("degeneracy_full_one_column", rc);
    else
        printf("degeneracy_full_one_column\t0\tsame %d\n", same(alone[0], dsa_self[0]) && same(alone[3], dsa_self[3]));

    out = all_outputs();
    out.dsa_self_len = NETS - 1;
    report("degeneracy_full_short_dsa_self", fa_degeneracy_study_full(ctx, full_spec, &out));
    out = all_outputs();
    out.mds_len = NETS * 8 + 1;
    report("degeneracy_full_long_mds", fa_degeneracy_study_full(ctx, full_spec, &out));
    out = all_outputs();
    out.exponents = NULL;
    report("degeneracy_full_null_exponents", fa_degeneracy_study_full(ctx, full_spec, &out));
    out = all_outputs();
    out.second_condition_len = WITHIN;
    report("degeneracy_full_within_length_for_all", fa_degeneracy_study_full(ctx, full_spec, &out));
    report("degeneracy_full_null_outputs", fa_degeneracy_study_full(ctx, full_spec, NULL));
    report("degeneracy_full_null_spec", fa_degeneracy_study_full(ctx, NULL, &out));
    report("degeneracy_full_short_lyapunov_iterations", fa_degeneracy_study_full(ctx,
        "{\"widths\": [3], \"exponents\": 1, \"lyapunovIterations\": 50}", &one));
    report("degeneracy_layout_exponents_above_width", fa_degeneracy_layout("{\"widths\": [3, 4], \"exponents\": 4}",
        &networks, &pairs, &within, &conditions, &k, &driven_k));
    report("degeneracy_layout_null_within", fa_degeneracy_layout(full_spec, &networks, &pairs, NULL, &conditions, &k,
        &driven_k));
}
