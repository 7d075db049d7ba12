/*
 * The oracle for convkit's EDF+/BDF+ reader: writes edflib-3ch.edf (EDF+) and edflib-3ch.bdf (BDF+)
 * with EDFlib (Debian libedf-dev 1.23), three signals at different rates, known values and three
 * annotations, then reads each file back with EDFlib and prints what EDFlib decodes:
 *   edflib-<type>-values.csv       signal,index,physical      (edfread_physical_samples)
 *   edflib-<type>-digital.csv      signal,index,digital       (edfread_digital_samples)
 *   edflib-<type>-annotations.csv  onset_s,duration_s,description
 *   edflib-<type>-signals.csv      label,unit,samples_per_record,samples,pmin,pmax,dmin,dmax
 * Build and run:  gcc -O2 -o fixture edflib_fixture.c -ledf -lm && ./fixture
 */
#include <edflib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECONDS 3
#define NSIG 3

static const int rates[NSIG] = {64, 32, 8};

static double value(int s, int i) {
    double t = (double) i / rates[s];
    switch (s) {
        case 0: return 100.0 * sin(2 * M_PI * 3.0 * t) + 20.0;   /* uV, 3 Hz sine */
        case 1: return -150.0 + 3.125 * i;                         /* uV, a ramp */
        default: return 0.37 * i - 1.0;                            /* mV, a slow ramp */
    }
}

static int write_file(const char *path, int type) {
    int bdf = type == EDFLIB_FILETYPE_BDFPLUS;
    int h = edfopen_file_writeonly(path, type, NSIG);
    if (h < 0) { fprintf(stderr, "open %s: %d\n", path, h); return 1; }
    const char *labels[NSIG] = {"EEG Fp1", "EEG Cz", "Resp"};
    const char *units[NSIG] = {"uV", "uV", "mV"};
    for (int s = 0; s < NSIG; s++) {
        edf_set_samplefrequency(h, s, rates[s]);
        edf_set_label(h, s, labels[s]);
        edf_set_physical_dimension(h, s, units[s]);
        if (s == 2) {
            edf_set_physical_maximum(h, s, 5.0);
            edf_set_physical_minimum(h, s, -2.0);
            edf_set_digital_maximum(h, s, 2047);
            edf_set_digital_minimum(h, s, -2048);
        } else {
            edf_set_physical_maximum(h, s, 200.0);
            edf_set_physical_minimum(h, s, -200.0);
            edf_set_digital_maximum(h, s, bdf ? 8388607 : 32767);
            edf_set_digital_minimum(h, s, bdf ? -8388608 : -32768);
        }
    }
    edf_set_patientname(h, "Test Subject");
    edf_set_startdatetime(h, 2020, 3, 14, 9, 26, 53);
    double buf[64];
    for (int sec = 0; sec < SECONDS; sec++) {
        for (int s = 0; s < NSIG; s++) {
            for (int k = 0; k < rates[s]; k++) {
                buf[k] = value(s, sec * rates[s] + k);
            }
            if (edfwrite_physical_samples(h, buf)) { fprintf(stderr, "write %s\n", path); return 1; }
        }
    }
    edfwrite_annotation_utf8(h, 5000, 10000, "alpha");        /* 0.5 s, lasts 1 s */
    edfwrite_annotation_utf8(h, 15000, -1, "blink");          /* 1.5 s, no duration */
    edfwrite_annotation_utf8(h, 20000, 5000, "beta \xc3\xbc"); /* 2.0 s, lasts 0.5 s, UTF-8 */
    return edfclose_file(h) ? 1 : 0;
}

static int dump(const char *path, const char *type) {
    struct edf_hdr_struct hdr;
    if (edfopen_file_readonly(path, &hdr, EDFLIB_READ_ALL_ANNOTATIONS)) { fprintf(stderr, "read %s\n", path); return 1; }
    char name[128];
    snprintf(name, sizeof name, "edflib-%s-values.csv", type);
    FILE *v = fopen(name, "w");
    snprintf(name, sizeof name, "edflib-%s-digital.csv", type);
    FILE *d = fopen(name, "w");
    snprintf(name, sizeof name, "edflib-%s-signals.csv", type);
    FILE *g = fopen(name, "w");
    fprintf(v, "signal,index,physical\n");
    fprintf(d, "signal,index,digital\n");
    fprintf(g, "label,unit,samples_per_record,samples,pmin,pmax,dmin,dmax\n");
    for (int s = 0; s < hdr.edfsignals; s++) {
        struct edf_param_struct *p = &hdr.signalparam[s];
        int n = (int) p->smp_in_file;
        double *x = malloc(sizeof(double) * n);
        int *q = malloc(sizeof(int) * n);
        edfseek(hdr.handle, s, 0, EDFSEEK_SET);
        edfread_physical_samples(hdr.handle, s, n, x);
        edfseek(hdr.handle, s, 0, EDFSEEK_SET);
        edfread_digital_samples(hdr.handle, s, n, q);
        for (int i = 0; i < n; i++) {
            fprintf(v, "%d,%d,%.17g\n", s, i, x[i]);
            fprintf(d, "%d,%d,%d\n", s, i, q[i]);
        }
        fprintf(g, "%s,%s,%d,%lld,%.17g,%.17g,%d,%d\n", p->label, p->physdimension, p->smp_in_datarecord,
                p->smp_in_file, p->phys_min, p->phys_max, p->dig_min, p->dig_max);
        free(x);
        free(q);
    }
    snprintf(name, sizeof name, "edflib-%s-annotations.csv", type);
    FILE *a = fopen(name, "w");
    fprintf(a, "onset_s,duration_s,description\n");
    for (long long i = 0; i < hdr.annotations_in_file; i++) {
        struct edf_annotation_struct an;
        edf_get_annotation(hdr.handle, (int) i, &an);
        fprintf(a, "%.7f,%s,%s\n", an.onset / (double) EDFLIB_TIME_DIMENSION, an.duration, an.annotation);
    }
    fclose(v); fclose(d); fclose(g); fclose(a);
    return edfclose_file(hdr.handle) ? 1 : 0;
}

int main(void) {
    if (write_file("edflib-3ch.edf", EDFLIB_FILETYPE_EDFPLUS) || write_file("edflib-3ch.bdf", EDFLIB_FILETYPE_BDFPLUS)) {
        return 1;
    }
    return dump("edflib-3ch.edf", "edf") || dump("edflib-3ch.bdf", "bdf");
}
