#!/usr/bin/env python3
"""batch.py - every DIR/NAME.cfg through the three oracle tools in ONE process.

  batch.py [--tools "parse dryrun argv"] [--jobs N] [--no-ns] [--keep-state] DIR

Writes DIR/NAME.{parse,dryrun,argv}.json, byte for byte what the individual tools print
(build/xlu-parse --source NAME.cfg NAME.cfg, xl-dryrun NAME.cfg, dm-argv [opts] NAME.cfg), with
the goldens' naming conventions: `*noqemu*` runs dm-argv with --qemu-xen-absent, `*debianhost*`
with --host debian.  Per config it runs xlu-parse once, the real `xl -N create` ONCE (its JSON is
both the dryrun answer and dm-argv-bin's input, on stdin) and dm-argv-bin once.  The wrappers'
settings (xl's path, build folder, passwd, 4.20's recorded QEMU probe answer) are read from the
wrappers themselves, loaded as modules, so that they cannot drift apart.

dm-argv-bin needs tmpfs over /var/run/xen, /var/log/xen and /var/lib/xen: instead of one
`unshare -m` per config (what the dm-argv wrapper does), this driver re-executes itself once in a
private mount namespace with those three tmpfs mounts (exactly the wrapper's commands) and empties
them after every config, so that each config starts from the fresh, empty state the wrapper gives
it (--keep-state skips the emptying: only for checking that nothing leaks).  --no-ns runs
dm-argv-bin like the wrapper's --no-ns, without any namespace.

--jobs N (or ORACLE_BATCH_JOBS=N; default 1) splits the configs over N such processes, each with
its own namespace: the answers do not depend on it.

Environment: ORACLE_BUILD (default ../build), TOOLS (default "parse dryrun argv", --tools wins).
This file is the same in test/oracle/tools and test/oracle-4.20/tools (the release-specific parts
come from the wrappers next to it).  Exit status 0, like batch.sh, unless the driver itself fails.
"""
import glob, importlib.machinery, importlib.util, json, os, subprocess, sys

HERE = os.path.dirname(os.path.realpath(__file__))
NS_MARK = 'XLCFG_ORACLE_BATCH_NS'
STATE_DIRS = ('/var/run/xen', '/var/log/xen', '/var/lib/xen')
# the dm-argv wrapper's namespace set-up, word for word (plus 4.20's mkdir -p, harmless on 4.17)
NS_SETUP = ('mkdir -p /var/run/xen /var/log/xen /var/lib/xen && '
            'mount -t tmpfs oracle-run /var/run/xen && '
            'mount -t tmpfs oracle-log /var/log/xen && '
            'mount -t tmpfs oracle-lib /var/lib/xen && exec "$@"')


def load(name, path):
    # no bytecode next to the wrappers: test/helpers/oracle.ts hashes the tools' folder to decide rebuilds
    sys.dont_write_bytecode = True
    loader = importlib.machinery.SourceFileLoader(name, path)
    spec = importlib.util.spec_from_loader(name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


XLD = load('xl_dryrun_wrapper', os.path.join(HERE, 'xl-dryrun', 'xl-dryrun'))
DMA = load('dm_argv_wrapper', os.path.join(HERE, 'dm-argv', 'dm-argv'))


def usage():
    print(__doc__, file=sys.stderr)
    return 2


def our_tmpfs_mounted():
    """True when the three state folders are this driver's tmpfs mounts (never empty the host's)."""
    want = {os.path.realpath(d): s for d, s in zip(STATE_DIRS, ('oracle-run', 'oracle-log', 'oracle-lib'))}
    seen = {}
    with open('/proc/self/mounts') as f:
        for line in f:
            src, mnt, fstype = line.split()[:3]
            if mnt in want:
                seen[mnt] = (src, fstype)
    return all(seen.get(m) == (s, 'tmpfs') for m, s in want.items())


def empty_state():
    for d in STATE_DIRS:
        for e in os.scandir(d):
            if e.is_dir(follow_symlinks=False):
                rmtree(e.path)
            else:
                os.unlink(e.path)


def rmtree(p):
    # libxl makes its qemu chroot folders mode 0000: make them readable first
    os.chmod(p, 0o700)
    for e in os.scandir(p):
        if e.is_dir(follow_symlinks=False):
            rmtree(e.path)
        else:
            os.unlink(e.path)
    os.rmdir(p)


def emit(path, data):
    with open(path, 'wb') as f:
        f.write(data)


def text(b):
    """What the wrappers do to a child's output: decode (utf-8, replace), print as UTF-8."""
    return b.decode('utf-8', 'replace').encode('utf-8')


def main(argv):
    tools, ns, keep, in_ns, d, jobs, shard = None, True, False, False, None, None, None
    it = iter(argv)
    try:
        for a in it:
            if a == '--tools': tools = next(it)
            elif a == '--jobs': jobs = int(next(it))
            elif a == '--shard': shard = tuple(int(x) for x in next(it).split('/'))
            elif a == '--no-ns': ns = False
            elif a == '--keep-state': keep = True
            elif a == '--in-ns': in_ns = True
            elif a.startswith('-'): return usage()
            elif d is None: d = a
            else: return usage()
    except (StopIteration, ValueError):
        return usage()
    if d is None or (shard and not 0 <= shard[0] < shard[1]):
        return usage()
    tools = (tools if tools is not None else os.environ.get('TOOLS') or 'parse dryrun argv').split()
    for t in tools:
        if t not in ('parse', 'dryrun', 'argv'):
            print('batch.py: unknown tool %s' % t, file=sys.stderr); return 2
    if jobs is None:
        try:
            jobs = int(os.environ.get('ORACLE_BATCH_JOBS') or 1)
        except ValueError:
            jobs = 1
    opts = ['--tools', ' '.join(tools)] + (['--no-ns'] if not ns else []) + (['--keep-state'] if keep else [])
    me = [sys.executable or 'python3', os.path.realpath(__file__)]

    if shard is None and jobs > 1:
        # N shards of the (sorted) configs, each one a batch of its own
        n = max(1, min(jobs, len(glob.glob(os.path.join(d, '*.cfg')))))
        if n > 1:
            children = [subprocess.Popen(me + opts + ['--shard', '%d/%d' % (i, n), d]) for i in range(n)]
            rcs = [c.wait() for c in children]
            return next((rc for rc in rcs if rc), 0)
    if 'argv' in tools and ns and not in_ns:
        # once per batch: a private mount namespace with the wrapper's three tmpfs mounts
        os.environ[NS_MARK] = '1'
        args = me + ['--in-ns'] + opts + (['--shard', '%d/%d' % shard] if shard else []) + [d]
        os.execvp('unshare', ['unshare', '-m', '--propagation', 'private', '--', 'sh', '-c', NS_SETUP, 'sh'] + args)
    if in_ns:
        if os.environ.pop(NS_MARK, None) != '1' or not our_tmpfs_mounted():
            print('batch.py: --in-ns without the private tmpfs mounts', file=sys.stderr); return 2
        empty_state()

    os.chdir(d)
    build = XLD.BUILD
    xlu = os.path.join(build, 'xlu-parse')
    xl_env = dict(os.environ, LD_PRELOAD=os.path.realpath(os.path.join(build, 'xenstub.so')),
                  XENSTUB_XLCONF=os.path.realpath(os.path.join(build, 'xl-empty.conf')), LC_ALL='C')
    dm_env = dict(os.environ, ORACLE_PASSWD=os.path.realpath(os.path.join(DMA.HERE, 'passwd')), LC_ALL='C')
    if hasattr(DMA, 'recorded_probe_answer') and 'ORACLE_QEMU_RUNWITH' not in dm_env:
        dm_env['ORACLE_QEMU_RUNWITH'] = DMA.recorded_probe_answer()
    cfgs = sorted(glob.glob('*.cfg'))
    if shard: cfgs = cfgs[shard[0]::shard[1]]
    for cfg in cfgs:
        n = cfg[:-4]
        if 'parse' in tools:
            with open(n + '.parse.json', 'wb') as out:
                subprocess.run([xlu, '--source', cfg, cfg], stdout=out)
        if 'dryrun' not in tools and 'argv' not in tools:
            continue
        p = subprocess.run([XLD.XL, '-N', 'create', cfg], env=xl_env, capture_output=True)
        so, se = p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
        if 'dryrun' in tools:
            # xl-dryrun's main(), on the same run
            o = {'tool': 'xl-dryrun', 'argv': ['xl', '-N', 'create', cfg], 'exit_status': p.returncode}
            try:
                o['config'] = json.loads(so) if so.strip() else None
            except ValueError:
                o['config'] = None
                o['stdout'] = so
            o['stderr'] = se
            emit(n + '.dryrun.json', (json.dumps(o, indent=1, sort_keys=False) + '\n').encode('utf-8'))
        if 'argv' not in tools:
            continue
        # dm-argv's main(), on the same run
        if p.returncode != 0 or not so.strip():
            emit(n + '.argv.json', (json.dumps({'tool': 'dm-argv', 'input': cfg, 'outcome': 'xl_rejected',
                                                'xl_exit_status': p.returncode, 'xl_stderr': se, 'argv': None})
                                    + '\n').encode('utf-8'))
            continue
        env = dict(dm_env, ORACLE_HOST='debian' if 'debianhost' in n else 'ideal')
        if 'noqemu' in n: env['ORACLE_QEMU_XEN'] = 'absent'
        # in the batch's namespace (or none with --no-ns)
        q = subprocess.run([DMA.BIN, '--name', cfg, '-'], input=so.encode(), env=env, capture_output=True)
        if in_ns and not keep:
            empty_state()
        res = text(q.stdout)
        if q.stderr: sys.stderr.write(q.stderr.decode('utf-8', 'replace'))
        if q.returncode < 0 or not q.stdout.strip():
            res += (json.dumps({'tool': 'dm-argv', 'input': cfg, 'outcome': 'harness_crash',
                                'signal_or_status': q.returncode,
                                'stderr': q.stderr.decode('utf-8', 'replace')}) + '\n').encode('utf-8')
        emit(n + '.argv.json', res)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
