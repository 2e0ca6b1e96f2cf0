#!/usr/bin/env python3
"""qemu-accept.py - what the installed QEMU accepts of libxl's device-model argvs.

Runs as root INSIDE a private mount and network namespace (`unshare -m -n --propagation private`, see
../../qemu-accept.sh): on the Debian 12 host for its QEMU 7.2, inside the trixie root for
Debian 13's QEMU 10.  It mounts tmpfs over the directories the argvs name (never outside the
namespace), so that nothing it creates survives it.

    qemu-accept.py JOBS.json OUT.json

JOBS.json: {"passwd": "...", "jobs": [{"key", "argv", "env"}]} (argv[0] is replaced by QEMU).
For every job:
  1. the disk targets, kernel/initrd, trace event files and the chroot directory are created;
     the pre-opened QMP socket (`fd=N`) is a real listening socket passed as fd N;
  2. QEMU runs with the argv (timeout RUN_TIMEOUT, 60 s: generous, for a loaded machine); without a hypervisor it stops at
     "failed to initialize xen" once every option before machine creation is accepted;
  3. when QEMU's first error names an option (its "-opt value: message" location), that option
     (and its value) is recorded as refused, removed, and QEMU runs again, until it stops at
     Xen's initialisation or at an error that names no option;
  4. late phase: what QEMU does after Xen's initialisation (the machine, -device, -netdev,
     -vnc, -kernel, ...) needs a hypervisor; the same argv, minus what step 3 removed and the
     Xen-only options, runs on `-machine pc,accel=qtest` (xenfv is pc plus Xen) until its QMP
     monitor greets, refused options removed one by one as in step 3 (an approximation: the
     machine is not xenfv and memory is QEMU's own; errors about guest memory or the kernel
     image are the harness's, `late_stop`);
  5. every `-device DRIVER,prop=...` is checked against QMP `device-list-properties`
     (asked once per driver of a QEMU started with `-machine none,accel=qtest`).
OUT.json: {"qemu": {...}, "devices": {driver: [props] | error}, "results": {key: {...}}}.
"""
import fcntl, json, os, re, socket, struct, subprocess, sys, time

QEMU = '/usr/libexec/xen-qemu-system-i386'
PROG = os.path.basename(QEMU)
# One QEMU run may take this long before it counts as hanging: generous, since the tests run it on a
# loaded machine (every argv of the goldens stops or reaches its main loop within a second here).
RUN_TIMEOUT = 60
XEN_STOP = 'failed to initialize xen'
# Options whose value is a separate word (every libxl option but the flags below).
FLAGS = {'-S', '-no-acpi', '-no-shutdown', '-no-user-config', '-nodefaults', '-nographic',
         '-usb', '-xen-attach', '-xen-domid-restrict', '-no-hpet', '-no-reboot', '-enable-kvm',
         '-daemonize', '-snapshot', '-full-screen', '-no-quit', '-no-fd-bootchk', '-localtime'}
SCRATCH = ['/run', '/var/run/xen', '/var/log/xen', '/var/lib/xen', '/srv', '/tmp', '/var/lib/libvirt',
           '/opt/xen-images', '/images', '/mnt', '/media', '/home']
PROTECTED = {'/', '/usr', '/etc', '/lib', '/lib64', '/bin', '/sbin', '/proc', '/sys', '/var',
             '/var/tmp', '/run', '/root', '/usr/lib', '/usr/libexec', '/usr/share', '/usr/bin'}


def sh(*cmd):
    subprocess.run(cmd, check=True)


def prepare_namespace(passwd, pki):
    """Private scratch: tmpfs over the directories libxl's argvs name, a minimal /dev, users."""
    if os.environ.get('QEMU_ACCEPT_IN_NAMESPACE') != '1':
        sys.exit('qemu-accept.py: run me through qemu-accept.sh (private mount namespace)')
    # /run first (QEMU creates sockets there: the QMP sockets in /run/xen, and any chardev path).
    sh('mount', '-t', 'tmpfs', 'qemu-accept-run', '/run')
    os.makedirs('/run/xen'); os.makedirs('/run/lock')
    for d in SCRATCH:
        real = os.path.realpath(d)
        if os.path.isdir(real) and not real.startswith('/run/'):
            sh('mount', '-t', 'tmpfs', 'qemu-accept', real)
    # /dev: a tmpfs with the few nodes QEMU opens (the host's /dev stays untouched).
    sh('mount', '-t', 'tmpfs', '-o', 'mode=755', 'qemu-accept-dev', '/dev')
    for name, major, minor in [('null', 1, 3), ('zero', 1, 5), ('full', 1, 7), ('random', 1, 8),
                               ('urandom', 1, 9), ('tty', 5, 0)]:
        os.mknod('/dev/' + name, 0o20666, os.makedev(major, minor))
    os.makedirs('/dev/net'); os.mknod('/dev/net/tun', 0o20666, os.makedev(10, 200))
    os.makedirs('/dev/pts'); sh('mount', '-t', 'devpts', '-o', 'newinstance,ptmxmode=0666', 'devpts', '/dev/pts')
    os.symlink('pts/ptmx', '/dev/ptmx')
    os.makedirs('/dev/shm'); sh('mount', '-t', 'tmpfs', 'qemu-accept-shm', '/dev/shm')
    # A private network namespace (unshare -n): its loopback up, for -vnc ::1 and the like; tap
    # devices (-netdev tap) are created in it and die with it.
    if os.environ.get('QEMU_ACCEPT_NETNS') == '1':
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        flags = struct.unpack('16sH', fcntl.ioctl(s, 0x8913, struct.pack('16sH14x', b'lo', 0))[:18])[1]  # SIOCGIFFLAGS
        fcntl.ioctl(s, 0x8914, struct.pack('16sH14x', b'lo', flags | 1))  # SIOCSIFFLAGS: IFF_UP
        s.close()
    # A private copy of /etc: the reference host's users (-runas / -run-with user= look them up
    # while parsing).
    sh('cp', '-a', '/etc', '/tmp/etc')
    sh('mount', '--bind', '/tmp/etc', '/etc')
    with open('/etc/passwd', 'w') as f: f.write(passwd)
    with open('/etc/group', 'w') as f:
        for line in passwd.splitlines():
            p = line.split(':')
            f.write('%s:x:%s:\n' % (p[0], p[3]))
    # spice's TLS certificates: with tls-port and no x509-dir, QEMU reads them from its working
    # directory (/tmp here) before it initialises Xen.
    for name, pem in (pki or {}).items():
        with open('/tmp/' + name, 'w') as f: f.write(pem)


def ensure_dir(path):
    """mkdir -p on scratch only: when the deepest existing ancestor is not one of this namespace's
    tmpfs, a tmpfs is mounted over it first (so nothing is ever written outside the namespace)."""
    d = path
    while not os.path.isdir(d):
        d = os.path.dirname(d)
    if not is_scratch(d):
        if os.path.realpath(d) in PROTECTED:
            raise RuntimeError('refusing to shadow %s for %s' % (d, path))
        sh('mount', '-t', 'tmpfs', 'qemu-accept', d)
        SCRATCH.append(d)
    os.makedirs(path, exist_ok=True)


CREATED = {}


def is_scratch(d):
    d = os.path.realpath(d)
    return d.startswith('/dev') or any(d == os.path.realpath(s) or d.startswith(os.path.realpath(s) + '/') for s in SCRATCH)


def qcow2_image(size=64 << 20):
    cb = 16; cs = 1 << cb
    l1 = max(1, -(-size // (cs * (cs // 8))))
    hdr = struct.pack('>4sIQIIQIIQQIIQ', b'QFI\xfb', 2, 0, 0, cb, size, 0, l1, 3 * cs, cs, 1, 0, 0)
    img = bytearray(4 * cs)
    img[:len(hdr)] = hdr
    struct.pack_into('>Q', img, cs, 2 * cs)           # refcount table -> refcount block
    for i in range(4):
        struct.pack_into('>H', img, 2 * cs + 2 * i, 1)  # clusters 0..3 in use
    return bytes(img)


def qed_image(size=64 << 20):
    cs = 64 * 1024; ts = 4
    hdr = struct.pack('<IIIIQQQQQQII', 0x00444551, cs, ts, 1, 0, 0, cs, size, 0, 0, 0, 0)
    img = bytearray(cs + ts * cs)
    img[:len(hdr)] = hdr
    return bytes(img)


def vpc_image(size=64 << 20):
    # A fixed VHD: raw data followed by a 512-byte footer.
    cyl, heads, spt = size // (16 * 63 * 512), 16, 63
    footer = bytearray(struct.pack('>8sIIQI4sI4sQQHBBII16sB', b'conectix', 2, 0x10000, 0xFFFFFFFFFFFFFFFF,
                                   0, b'qemu', 0x10000, b'Wi2k', size, size, cyl, heads, spt, 2, 0,
                                   b'\0' * 16, 0))
    footer += b'\0' * (512 - len(footer))
    struct.pack_into('>I', footer, 64, (~sum(footer)) & 0xFFFFFFFF)
    return b'\0' * size + bytes(footer)


def bzimage(size=64 << 10):
    """A file QEMU's x86 Linux loader takes for a bzImage (boot protocol 2.15); it never runs."""
    img = bytearray(size)
    img[0x1f1] = 4                                   # setup_sects
    img[0x1fe:0x200] = b'\x55\xaa'
    img[0x202:0x206] = b'HdrS'
    struct.pack_into('<H', img, 0x206, 0x020f)      # protocol
    img[0x211] = 0x01                                # LOADED_HIGH
    struct.pack_into('<I', img, 0x22c, 0x7fffffff)  # initrd_addr_max
    struct.pack_into('<I', img, 0x238, 2048)        # cmdline_size
    return bytes(img)


def create_file(path, fmt='raw'):
    ensure_dir(os.path.dirname(path) or '/')
    if os.path.exists(path) and not CREATED.get(path) in (None, fmt):
        os.unlink(path)
    elif os.path.exists(path):
        return
    CREATED[path] = fmt
    if fmt == 'bzimage':
        data = bzimage()
    elif fmt == 'qcow2':
        data = qcow2_image()
    elif fmt == 'qed':
        data = qed_image()
    elif fmt == 'vpc':
        data = vpc_image()
    else:
        with open(path, 'wb') as f: f.truncate(64 << 20)
        return
    with open(path, 'wb') as f: f.write(data)


def kv(value):
    out = {}
    for part in re.split(r',(?!,)', value):
        if '=' in part:
            k, v = part.split('=', 1); out[k] = v
    return out


def prepare_job(argv):
    """Creates what the argv names on the dom0; returns the fds to pre-open (QMP sockets)."""
    fds = {}
    for i, a in enumerate(argv[:-1]):
        v = argv[i + 1]
        if a == '-drive':
            o = kv(v)
            if o.get('file'):
                create_file(o['file'], o.get('format', 'raw'))
        elif a == '-kernel':
            create_file(v, 'bzimage')
        elif a == '-initrd':
            create_file(v)
        elif a == '-trace':
            o = kv(v)
            if o.get('events'): create_file(o['events'])
            if o.get('file'): ensure_dir(os.path.dirname(o['file']))
        elif a in ('-chroot',):
            ensure_dir(v)
        elif a == '-run-with':
            o = kv(v)
            if o.get('chroot'): ensure_dir(o['chroot'])
        elif a in ('-chardev', '-serial'):
            m = re.search(r'(?:^|,)fd=(\d+)', v)
            if m and a == '-chardev':
                fds[int(m.group(1))] = 'socket'
            m = re.search(r'(?:^|,)path=([^,]+)', v) or re.match(r'file:(.*)$', v)
            if m: ensure_dir(os.path.dirname(m.group(1)))
    return fds


LATE_QMP = '/var/run/xen/qemu-accept-late.qmp'


def run(argv, env, fds, late=False):
    """Runs QEMU; returns (rc, stderr lines). `late`: under qtest, up to its main loop (then quit)."""
    socks = []
    pass_fds = []
    proc = None
    try:
        for n in sorted(fds):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            path = '/var/run/xen/qemu-accept-qmp-%d' % n
            if os.path.exists(path): os.unlink(path)
            s.bind(path); s.listen(1)
            socks.append(s)
            if s.fileno() != n:
                os.dup2(s.fileno(), n, inheritable=True)
            pass_fds.append(n)
        cmd = [QEMU] + argv[1:]
        if late:
            if os.path.exists(LATE_QMP): os.unlink(LATE_QMP)
            cmd += ['-qmp', 'unix:%s,server=on,wait=off' % LATE_QMP]
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env={'PATH': '/usr/bin:/bin', 'LC_ALL': 'C', **(env or {})}, pass_fds=pass_fds, cwd='/tmp')
        if late and qmp_greeted(proc):
            # The monitor greeted: everything is initialised; stop it.
            proc.kill(); _, err = proc.communicate()
            return 'main-loop', err.decode('utf-8', 'replace').splitlines()
        try:
            _, err = proc.communicate(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill(); proc.communicate()
            return 'timeout', ['(still running after %d s)' % RUN_TIMEOUT]
        return proc.returncode, err.decode('utf-8', 'replace').splitlines()
    finally:
        if proc and proc.poll() is None:
            proc.kill(); proc.wait()
        for n in pass_fds:
            try: os.close(n)
            except OSError: pass
        for s in socks: s.close()


def qmp_greeted(proc):
    """True once QEMU's main loop answers over QMP (it has initialised everything). The greeting
    alone proves nothing: the monitor's I/O thread may send it while the machine is still being
    built; a normal command is dispatched by the main loop only."""
    deadline = time.time() + RUN_TIMEOUT
    # Any hiccup (the socket not there yet, a refused or reset connection, a slow answer on a loaded
    # machine) is retried until the deadline or until QEMU exits.
    while time.time() < deadline and proc.poll() is None:
        c = None
        try:
            c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            c.settimeout(max(0.1, min(10.0, deadline - time.time())))
            c.connect(LATE_QMP)
            f = c.makefile('rwb')
            if b'QMP' in f.readline():
                f.write(b'{"execute":"qmp_capabilities"}\n{"execute":"query-status","id":"main-loop"}\n'); f.flush()
                while True:
                    line = f.readline()
                    if not line:
                        break
                    if b'"main-loop"' in line:
                        return b'"return"' in line
        except (socket.timeout, OSError):
            pass
        finally:
            if c is not None:
                c.close()
        time.sleep(0.05)
    return False


def located(line, argv):
    """(index, words) of the argv option QEMU's error line names, or None."""
    prefix = PROG + ': '
    if not line.startswith(prefix):
        return None
    rest = line[len(prefix):]
    best = None
    for i, a in enumerate(argv):
        if i == 0 or not a.startswith('-'):
            continue
        if i + 1 < len(argv) and rest.startswith(a + ' ' + argv[i + 1] + ': '):
            return i, 2
        if rest.startswith(a + ': ') and best is None:
            best = (i, 1)
    return best


def is_noise(line):
    return line.startswith(('xencall:', 'xen be core:', 'xenforeignmemory:', 'xentoolcore', 'xendevicemodel'))


UNLOCATED = [(r'Invalid SMP CPUs|CPU topology parameters|maxcpus must be', '-smp')]


def refusal_loop(argv, idx, env, fds, done, late=False, environment=None):
    """Runs QEMU, removing each option it refuses, until done(first error line) or no option is
    named. An error matching `environment` (the harness's machine, not the argv) is recorded
    apart; its option is removed too when QEMU names one."""
    refusals, warnings, runs, env_errors = [], [], 0, []
    while True:
        runs += 1
        rc, err = run(argv, env, fds, late)
        lines = []
        for l in err:  # a line that names no program continues the one before (e.g. "Please use server=on instead")
            if is_noise(l):
                continue
            if lines and not l.startswith((PROG + ':', 'qemu:', 'qemu-system')):
                lines[-1] += ' ' + l.strip()
            else:
                lines.append(l)
        errors = [l for l in lines if not re.search(r'warning|deprecated', l, re.I)]
        for l in lines:
            if re.search(r'warning|deprecated', l, re.I) and l not in warnings:
                warnings.append(l)
        first = '' if rc == 'main-loop' else errors[0] if errors else (lines[0] if lines else '')
        loc = located(first, argv) if first and not done(first) else None
        if loc is None and first and not done(first):
            # Errors QEMU reports without the option's location, attributed to the option they are about.
            for pattern, option in UNLOCATED:
                if re.search(pattern, first) and option in argv:
                    i = argv.index(option)
                    loc = (i, 2 if option not in FLAGS else 1)
                    first = '%s: %s: %s' % (PROG, ' '.join(argv[i:i + loc[1]]), first[len(PROG) + 2:] if first.startswith(PROG + ': ') else first)
                    break
        if loc is None or runs > 30:
            return {'refusals': refusals, 'stop': first if rc != 'main-loop' else '(reached its main loop)',
                    'rc': rc, 'warnings': warnings, 'runs': runs, 'environment': env_errors}
        i, n = loc
        words = argv[i:i + n]
        if n == 1 and argv[i] not in FLAGS and i + 1 < len(argv):
            n = 2  # an option QEMU does not know: libxl gave it a value, which goes with it
        msg = first[len(PROG) + 2 + len(' '.join(words)) + 2:]
        more = []
        (env_errors if environment and environment.search(first) else refusals).append(
            {'index': idx[i], 'option': argv[i], 'value': argv[i + 1] if n == 2 else None,
             'message': msg + ''.join(' ' + l.strip() for l in more[:2])})
        del argv[i:i + n]; del idx[i:i + n]


def late_argv(argv, idx):
    """The argv for the late phase: the same options on `-machine pc` (xenfv's base) under qtest."""
    out, oidx = [argv[0]], [idx[0]]
    i = 1
    while i < len(argv):
        o = argv[i]
        if o in ('-xen-attach', '-xen-domid-restrict', '-no-shutdown'):  # -no-shutdown: so that quit quits
            i += 1; continue
        if o == '-xen-domid':
            i += 2; continue
        if o == '-m' and i + 1 < len(argv) and argv[i + 1].isdigit() and int(argv[i + 1]) > 2048:
            # Under Xen the guest's memory is Xen's; under qtest QEMU would allocate it itself.
            out += ['-m', '2048']; oidx += [idx[i], idx[i + 1]]
            i += 2; continue
        if o == '-machine' and i + 1 < len(argv):
            parts = argv[i + 1].split(',')
            keep = [p for p in parts[1:] if not p.startswith('accel=')]
            kind = 'pc' if parts[0] in ('xenfv', 'pc', 'type=xenfv', 'type=pc') else 'none'
            out += ['-machine', ','.join([kind, 'accel=qtest'] + (keep if kind == 'pc' else []))]
            oidx += [idx[i], idx[i + 1]]
            i += 2; continue
        out.append(o); oidx.append(idx[i]); i += 1
    return out, oidx


# What the late phase's machine (qtest) does differently from Xen: not the argv's fault.
LATE_ENVIRONMENT = re.compile(r'cannot set up guest memory|Cannot allocate memory|kernel too old|could not load kernel|'
                              r'could not open kernel|not enough space|address resolution failed', re.I)


def accept(job):
    argv = list(job['argv'])
    fds = prepare_job(argv)
    idx = list(range(len(argv)))  # argv position -> position in the original argv
    early = refusal_loop(argv, idx, job.get('env'), fds, lambda l: XEN_STOP in l)
    # Late phase: what QEMU does after Xen's initialisation (machine, -device, -netdev, -vnc, ...)
    # cannot run without a hypervisor; the same options (minus the refused ones) on `-machine pc`
    # under qtest get there. The machine differs from xenfv, so this is an approximation.
    largv, lidx = late_argv(argv, idx)
    late = refusal_loop(largv, lidx, job.get('env'), fds, lambda l: False, late=True, environment=LATE_ENVIRONMENT)
    # A refusal that only follows from an option removed before (a -device whose drive= was a
    # refused -drive) is QEMU's answer to the harness, not to libxl: marked, not counted.
    removed_ids = {}
    for r in early['refusals']:
        m = re.search(r'(?:^|,)id=([^,]+)', r['value'] or '')
        if m: removed_ids[m.group(1)] = r['index']
    for r in late['refusals']:
        m = re.search(r"can't find value '([^']+)'", r['message'])
        if m and m.group(1) in removed_ids:
            r['follows_from'] = removed_ids[m.group(1)]
    return {'refusals': early['refusals'], 'stop': early['stop'], 'rc': early['rc'], 'warnings': early['warnings'],
            'late_refusals': late['refusals'], 'late_stop': late['stop'], 'late_environment': late['environment'],
            'late_warnings': [w for w in late['warnings'] if w not in early['warnings']]}


def device_names():
    """name -> canonical name, from `-device help` (names and their aliases)."""
    r = subprocess.run([QEMU, '-machine', 'none', '-device', 'help'], capture_output=True, timeout=60, cwd='/tmp')
    names = {}
    for line in r.stdout.decode().splitlines():
        m = re.match(r'name "([^"]+)"(.*)', line)
        if not m: continue
        names[m.group(1)] = m.group(1)
        a = re.search(r'alias "([^"]+)"', m.group(2))
        if a: names[a.group(1)] = m.group(1)
    return names


def help_facts():
    """What the binary lists: block formats (`-drive format=help`), display types (`-display help`)."""
    def out(*args):
        r = subprocess.run([QEMU, '-machine', 'none'] + list(args), capture_output=True, timeout=60, cwd='/tmp')
        return (r.stdout + r.stderr).decode('utf-8', 'replace')
    fmt = out('-drive', 'format=help')
    m = re.search(r'^Supported formats: (.*)$', fmt, re.M)
    disp = out('-display', 'help')
    d = re.search(r'Available display backend types:\s*\n((?:\S+\s*\n)+)', disp)
    kdir = '/usr/share/qemu/keymaps'
    return {'block_formats': m.group(1).split() if m else None,
            'display_types': d.group(1).split() if d else None,
            'keymaps': sorted(os.listdir(kdir)) if os.path.isdir(kdir) else []}


def device_props(drivers):
    """QMP device-list-properties for each driver, from one QEMU under accel=qtest."""
    names = device_names()
    cmds = [{'execute': 'qmp_capabilities'}]
    for d in sorted({names[d] for d in drivers if d in names}):
        cmds.append({'execute': 'device-list-properties', 'arguments': {'typename': d}, 'id': d})
    cmds.append({'execute': 'query-version', 'id': '@version'})
    cmds.append({'execute': 'quit'})
    inp = ''.join(json.dumps(c) + '\n' for c in cmds)
    r = subprocess.run([QEMU, '-S', '-no-user-config', '-nodefaults', '-nographic', '-machine', 'none,accel=qtest',
                        '-qmp', 'stdio'], input=inp.encode(), capture_output=True, timeout=60, cwd='/tmp')
    out, version = {}, None
    for line in r.stdout.decode().splitlines():
        o = json.loads(line)
        if 'QMP' in o:
            version = o['QMP']['version']
        elif o.get('id') == '@version':
            pass
        elif 'id' in o and 'return' in o:
            out[o['id']] = sorted(p['name'] for p in o['return'])
        elif 'id' in o and 'error' in o:
            out[o['id']] = {'error': o['error']['desc']}
    for d in drivers:
        if d not in names:
            out[d] = {'error': "'%s' is not a valid device model name" % d}
        elif names[d] != d:
            out[d] = {'alias_of': names[d]}
    return out, version


def device_refusals(argv, props):
    out = []
    for i, a in enumerate(argv[:-1]):
        if a != '-device':
            continue
        v = argv[i + 1]
        parts = v.split(',')
        drv = parts[0]
        if drv.startswith('driver='): drv = drv[7:]
        p = props.get(drv)
        if isinstance(p, dict) and 'alias_of' in p:
            p = props.get(p['alias_of'])
        if isinstance(p, dict):
            out.append({'index': i, 'option': '-device', 'value': v, 'driver': drv, 'message': p['error']})
            continue
        for part in parts[1:]:
            name = part.split('=', 1)[0]
            if name in ('id', 'bus', 'driver') or name in p:
                continue
            out.append({'index': i, 'option': '-device', 'value': v, 'driver': drv, 'property': name,
                        'message': "Property '%s.%s' not found" % (drv, name)})
    return out


def main(jobs_path, out_path):
    spec = json.load(open(jobs_path))
    prepare_namespace(spec['passwd'], spec.get('pki'))
    only = os.environ.get('QEMU_ACCEPT_ONLY')
    if only:
        spec['jobs'] = [j for j in spec['jobs'] if re.search(only, j['key'])]
    drivers = sorted({j['argv'][i + 1].split(',')[0] for j in spec['jobs']
                      for i, a in enumerate(j['argv'][:-1]) if a == '-device'})
    props, version = device_props(drivers)
    results = {}
    for job in spec['jobs']:
        r = accept(job)
        r['device_refusals'] = device_refusals(job['argv'], props)
        results[job['key']] = r
        allr = r['refusals'] + r['late_refusals'] + r['device_refusals']
        mark = 'refused' if allr else 'accepted'
        what = '; '.join('%s: %s' % (x['option'], x['message']) for x in allr)
        print('%-50s %-8s %s | stop: %s | late: %s' % (job['key'][:50], mark, what[:150], r['stop'][-40:], r['late_stop'][:60]), flush=True)
    json.dump({'qemu': {'binary': QEMU, 'version': version}, 'devices': props, 'help': help_facts(), 'results': results},
              open(out_path, 'w'), indent=1)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
