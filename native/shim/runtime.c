/* Starts the .NET runtime inside the caller's process through the SDK's nethost/hostfxr and resolves the
 * [UnmanagedCallersOnly] exports of FastAttractors.Native.dll. Runs once per process (pthread_once); a failure is
 * remembered and reported by every later call as FA_ERR_RUNTIME with the same message. */
#define _GNU_SOURCE
#include "runtime.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <coreclr_delegates.h>
#include <hostfxr.h>
#include <nethost.h>

#ifndef FA_DOTNET_ROOT
#define FA_DOTNET_ROOT ""   /* the Makefile bakes in the dotnet root it built with, used when DOTNET_ROOT is unset */
#endif

#define FA_EXPORTS_TYPE "FastAttractors.Native.Exports, FastAttractors.Native"

fa_managed_api fa_managed;
__thread char fa_error_buffer[FA_ERROR_CAPACITY];

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_failed = 1;
static char load_error[FA_ERROR_CAPACITY];
/* Kept for fa_runtime_resolve once load() has succeeded. */
static load_assembly_and_get_function_pointer_fn loaded_assembly_loader;
static char loaded_assembly[PATH_MAX + 64];

static void fail(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(load_error, sizeof load_error, format, args);
    va_end(args);
    load_failed = 1;
}

/* build/managed beside this library (found with dladdr), or $FASTATTRACTORS_MANAGED_DIR. */
static int managed_dir(char *dir, size_t capacity)
{
    const char *override = getenv("FASTATTRACTORS_MANAGED_DIR");
    if (override != NULL && override[0] != '\0')
        return snprintf(dir, capacity, "%s", override) < (int)capacity ? 0 : -1;
    Dl_info info;
    char library[PATH_MAX];
    if (dladdr((void *)&fa_runtime_begin, &info) == 0 || info.dli_fname == NULL || realpath(info.dli_fname, library) == NULL)
        return -1;
    char *slash = strrchr(library, '/');
    if (slash != NULL)
        *slash = '\0';
    return snprintf(dir, capacity, "%s/managed", library) < (int)capacity ? 0 : -1;
}

static void *resolve(load_assembly_and_get_function_pointer_fn load, const char *assembly, const char *method)
{
    void *function = NULL;
    int rc = load(assembly, FA_EXPORTS_TYPE, method, UNMANAGEDCALLERSONLY_METHOD, NULL, &function);
    if (rc != 0 || function == NULL) {
        fail("could not resolve %s.%.200s in %.1500s (hostfxr status 0x%08x)", FA_EXPORTS_TYPE, method, assembly, (unsigned)rc);
        return NULL;
    }
    return function;
}

static void load(void)
{
    char dir[PATH_MAX], assembly[PATH_MAX + 64], config[PATH_MAX + 64];
    if (managed_dir(dir, sizeof dir) != 0) {
        fail("cannot locate the managed assembly directory (set FASTATTRACTORS_MANAGED_DIR)");
        return;
    }
    snprintf(assembly, sizeof assembly, "%s/FastAttractors.Native.dll", dir);
    snprintf(config, sizeof config, "%s/FastAttractors.Native.runtimeconfig.json", dir);
    if (access(assembly, R_OK) != 0 || access(config, R_OK) != 0) {
        fail("managed assembly not found: %s (run `make -C native`, or set FASTATTRACTORS_MANAGED_DIR)", assembly);
        return;
    }

    const char *root = getenv("DOTNET_ROOT");
    if (root == NULL || root[0] == '\0')
        root = FA_DOTNET_ROOT[0] != '\0' ? FA_DOTNET_ROOT : NULL;
    struct get_hostfxr_parameters parameters = { sizeof parameters, assembly, root };
    char hostfxr_path[PATH_MAX];
    size_t size = sizeof hostfxr_path;
    int rc = get_hostfxr_path(hostfxr_path, &size, &parameters);
    if (rc != 0) {
        fail("no .NET runtime found (get_hostfxr_path status 0x%08x; install .NET 10 or set DOTNET_ROOT)", (unsigned)rc);
        return;
    }
    void *hostfxr = dlopen(hostfxr_path, RTLD_NOW | RTLD_LOCAL);
    if (hostfxr == NULL) {
        fail("cannot load %s: %s", hostfxr_path, dlerror());
        return;
    }
    hostfxr_initialize_for_runtime_config_fn initialize =
        (hostfxr_initialize_for_runtime_config_fn)dlsym(hostfxr, "hostfxr_initialize_for_runtime_config");
    hostfxr_get_runtime_delegate_fn get_delegate = (hostfxr_get_runtime_delegate_fn)dlsym(hostfxr, "hostfxr_get_runtime_delegate");
    hostfxr_close_fn close_handle = (hostfxr_close_fn)dlsym(hostfxr, "hostfxr_close");
    if (initialize == NULL || get_delegate == NULL || close_handle == NULL) {
        fail("%s lacks the hostfxr hosting functions", hostfxr_path);
        return;
    }

    hostfxr_handle handle = NULL;
    rc = initialize(config, NULL, &handle);
    if (rc < 0 || handle == NULL) { /* 0, 1 (already initialised) and 2 (other properties) are all usable */
        fail("hostfxr_initialize_for_runtime_config(%s) failed with status 0x%08x", config, (unsigned)rc);
        if (handle != NULL)
            close_handle(handle);
        return;
    }
    load_assembly_and_get_function_pointer_fn load_assembly = NULL;
    rc = get_delegate(handle, hdt_load_assembly_and_get_function_pointer, (void **)&load_assembly);
    close_handle(handle);
    if (rc != 0 || load_assembly == NULL) {
        fail("hostfxr_get_runtime_delegate failed with status 0x%08x", (unsigned)rc);
        return;
    }

    load_failed = 0;
    loaded_assembly_loader = load_assembly;
    snprintf(loaded_assembly, sizeof loaded_assembly, "%s", assembly);
    fa_managed.context_create = resolve(load_assembly, assembly, "ContextCreate");
    fa_managed.context_destroy = resolve(load_assembly, assembly, "ContextDestroy");
    fa_managed.context_backend = resolve(load_assembly, assembly, "ContextBackend");
    fa_managed.version = resolve(load_assembly, assembly, "Version");
    fa_managed.tanh_integrate = resolve(load_assembly, assembly, "TanhIntegrate");
    fa_managed.tanh_lyapunov = resolve(load_assembly, assembly, "TanhLyapunov");
    fa_managed.tanh_gradient = resolve(load_assembly, assembly, "TanhGradient");
    fa_managed.model_integrate = resolve(load_assembly, assembly, "ModelIntegrate");
    fa_managed.model_lyapunov = resolve(load_assembly, assembly, "ModelLyapunov");
    fa_managed.model_gradient = resolve(load_assembly, assembly, "ModelGradient");
    fa_managed.sequence_train = resolve(load_assembly, assembly, "SequenceTrain");
    fa_managed.sequence_recall = resolve(load_assembly, assembly, "SequenceRecall");
}

int fa_runtime_begin(void)
{
    fa_error_buffer[0] = '\0';
    pthread_once(&load_once, load);
    if (load_failed) {
        snprintf(fa_error_buffer, sizeof fa_error_buffer, "%s", load_error);
        return -1;
    }
    return 0;
}

void *fa_runtime_resolve(const char *method)
{
    void *function = NULL;
    int rc = loaded_assembly_loader(loaded_assembly, FA_EXPORTS_TYPE, method, UNMANAGEDCALLERSONLY_METHOD, NULL, &function);
    if (rc != 0 || function == NULL) {
        snprintf(fa_error_buffer, sizeof fa_error_buffer, "could not resolve %s.%.200s in %.1500s (hostfxr status 0x%08x)",
            FA_EXPORTS_TYPE, method, loaded_assembly, (unsigned)rc);
        return NULL;
    }
    return function;
}
