/*
 * resolved-config - the libxl_domain_config JSON *after* libxl's defaults, from Debian's real
 * libxenlight (Xen 4.17).  Own code.  It reuses the oracle's dm-argv harness (fake hypervisor,
 * xenstore, passwd and access() host model) by including it with its main() renamed, and
 * replays the defaulting steps of initiate_domain_create():
 *   libxl__domain_config_setdefault, libxl__device_disk_setdefault per disk,
 *   libxl__device_nic_set_devids, and (non-HVM) libxl__device_vfb_setdefault per vfb,
 * then prints {stage, rc, need_xenpv_qemu, config, log} where config is
 * libxl_domain_config_to_json() of the result.  Same env variables as dm-argv-bin
 * (ORACLE_HOST, ORACLE_PASSWD, ORACLE_QEMU_XEN).
 */
#define main dm_argv_main
#include "../../../oracle/tools/dm-argv/dm-argv.c"
#undef main

static void out_result(const char *stage, int rc, int need_qemu, libxl_ctx *ctx)
{
    FILE *o = stdout;
    fputs("{\"stage\":", o); json_str(o, stage);
    fprintf(o, ",\"rc\":%d,\"need_xenpv_qemu\":%d,\"config\":", rc, need_qemu);
    if (rc == 0) {
        char *j = libxl_domain_config_to_json(ctx, &g_dc);
        fputs(j ? j : "null", o);
    } else fputs("null", o);
    fputs(",\"log\":", o);
    emit_log(o, 3);
    fputs("}\n", o);
    fflush(o);
    exit(rc ? 1 : 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: resolved-config XL_N.json\n"); return 2; }
    if (getenv("ORACLE_HOST")) g_host = getenv("ORACLE_HOST");
    g_qemu_xen_absent = getenv("ORACLE_QEMU_XEN") && !strcmp(getenv("ORACLE_QEMU_XEN"), "absent");
    char *json = slurp(argv[1]);
    g_logf = open_memstream(&g_logbuf, &g_loglen);
    xentoollog_logger_stdiostream *lg = xtl_createlogger_stdiostream(g_logf, XTL_DEBUG, 0);
    libxl_ctx *ctx = NULL;
    if (libxl_ctx_alloc(&ctx, LIBXL_VERSION, 0, (xentoollog_logger *)lg)) return 2;
    libxl_domain_config_init(&g_dc);
    int rc = libxl_domain_config_from_json(ctx, &g_dc, json);
    if (rc) out_result("from_json", rc, -1, ctx);
    g_dc_loaded = true;
    libxl_domain_config *dc = &g_dc;
    wl_add(g_exec_ok, &g_nexec, QEMU_XEN_PATH);
    wl_add(g_exec_ok, &g_nexec, QEMU_TRAD_PATH);
    wl_add(g_exec_ok, &g_nexec, FIRMWARE_DIR "ioemu-stubdom.gz");
    wl_add(g_exec_ok, &g_nexec, FIRMWARE_DIR "qemu-stubdom-linux-kernel");
    wl_add(g_exec_ok, &g_nexec, FIRMWARE_DIR "qemu-stubdom-linux-rootfs");
    wl_add(g_exec_ok, &g_nexec, dc->b_info.device_model);
    wl_add(g_exec_ok, &g_nexec, dc->b_info.stubdomain_kernel);
    wl_add(g_exec_ok, &g_nexec, dc->b_info.stubdomain_ramdisk);
    for (int i = 0; i < dc->num_disks; i++) wl_add(g_stat_ok, &g_nstat, dc->disks[i].pdev_path);
    char p[256], v[256], uuidstr[40];
    xs_putf("/local/domain/0/domid", "0");
    xs_putf("/local/domain/0/name", "Domain-0");
    xs_putf("/local/pool/0/name", "Pool-0");
    g_guest_hvmflag = dc->c_info.type != LIBXL_DOMAIN_TYPE_PV;
    snprintf(uuidstr, sizeof uuidstr, LIBXL_UUID_FMT, LIBXL_UUID_BYTES(dc->c_info.uuid));
    snprintf(p, sizeof p, "/local/domain/%d/name", g_domid); xs_putf(p, dc->c_info.name ? dc->c_info.name : "");
    snprintf(p, sizeof p, "/local/domain/%d/domid", g_domid); snprintf(v, sizeof v, "%d", g_domid); xs_putf(p, v);
    snprintf(p, sizeof p, "/local/domain/%d/vm", g_domid); snprintf(v, sizeof v, "/vm/%s", uuidstr); xs_putf(p, v);
    snprintf(p, sizeof p, "/libxl/%d/type", g_domid); xs_putf(p, libxl_domain_type_to_string(dc->c_info.type));
    void *ao = libxl__ao_create(ctx, g_domid, NULL, __FILE__, __LINE__, "resolved-config");
    struct o_gc *gc = libxl__ao_inprogress_gc(ao);
    rc = libxl__domain_config_setdefault(gc, dc, INVALID_DOMID);
    if (rc) out_result("domain_config_setdefault", rc, -1, ctx);
    snprintf(p, sizeof p, "/libxl/%d/dm-version", g_domid);
    xs_putf(p, libxl_device_model_version_to_string(dc->b_info.device_model_version));
    for (int i = 0; i < dc->num_disks; i++) {
        rc = libxl__device_disk_setdefault(gc, g_domid, &dc->disks[i], false);
        if (rc) out_result("disk_setdefault", rc, -1, ctx);
    }
    rc = libxl__device_nic_set_devids(gc, dc, g_domid);
    if (rc) out_result("nic_set_devids", rc, -1, ctx);
    int need = -1;
    if (dc->c_info.type != LIBXL_DOMAIN_TYPE_HVM) {
        for (int i = 0; i < dc->num_vfbs; i++) {
            rc = libxl__device_vfb_setdefault(gc, g_domid, &dc->vfbs[i], false);
            if (rc) out_result("vfb_setdefault", rc, -1, ctx);
        }
        need = libxl__need_xenpv_qemu(gc, dc);
        if (need < 0) out_result("need_xenpv_qemu", need, -1, ctx);
    }
    out_result("done", 0, need, ctx);
    return 0;
}
