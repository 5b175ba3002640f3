#!/usr/bin/env python3
"""Drives a running portal that holds the national-scale data set and writes a Markdown report.

Usage: national_bench.py BASE_URL LABEL REPORT.md [PORTAL_PID]
Started by run.sh, which loads the data and starts the portal; see the README, "Benchmarks".
Load comes from wrk (Debian package) with the Lua scripts in wrk/; every scenario runs BENCH_RUNS
times for BENCH_SECONDS after a warm-up, and the report gives medians, each figure beside the
floor measured in the same run: a trivial Faces page (the sign-in page) for pages, and a trivial
signed-in API call (GET /api/session) for the API.
"""
import csv, functools, http.client, json, os, random, statistics, string, subprocess, sys, time, urllib.parse
print = functools.partial(print, flush=True)

BASE, LABEL, REPORT = sys.argv[1].rstrip('/'), sys.argv[2], sys.argv[3]
PID = sys.argv[4] if len(sys.argv) > 4 else None
HOST = urllib.parse.urlparse(BASE)
HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(os.environ.get('BENCH_SECONDS', '10'))
RUNS = int(os.environ.get('BENCH_RUNS', '3'))
PASSWORD = 'Pharmacy-Demo-2026'
random.seed(2017)


def request(method, path, body=None, cookie=None, ctype='application/json'):
    conn = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=120)
    headers = {'Accept': 'application/json'}
    if cookie:
        headers['Cookie'] = cookie
    if body is not None:
        headers['Content-Type'] = ctype
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    text = r.read()
    # every cookie set (a cluster member's session has JSESSIONID and JSESSIONIDVERSION), as one Cookie header
    set_cookie = '; '.join(c.split(';')[0] for c in (r.msg.get_all('Set-Cookie') or []))
    conn.close()
    return r.status, text, set_cookie


def session(user):
    status, _, set_cookie = request('POST', '/api/session', {'username': user, 'password': PASSWORD})
    if status != 204 or not set_cookie:
        raise SystemExit('cannot sign in as %s: %s' % (user, status))
    return set_cookie


def api(cookie, method, path, body=None):
    status, text, _ = request(method, '/api/' + path, body, cookie)
    return status, (json.loads(text) if text and text[:1] in (b'{', b'[') else text)


def wrk(script, connections, seconds, env):
    command = ['wrk', '-t', str(connections), '-c', str(connections), '-d', '%ds' % seconds, '--timeout', '10s',
               '-s', os.path.join(HERE, 'wrk', script), BASE]
    out = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **env}, timeout=seconds + 60).stdout
    line = [l for l in out.splitlines() if l.startswith('RESULT ')]
    if not line:
        raise SystemExit('wrk gave no result:\n' + out)
    result = json.loads(line[0][7:])
    result['rate'] = result['requests'] / result['seconds']
    return result


results = {}


# BENCH_ONLY=floor_api,premises,...: only these scenarios, then a short report (the cluster benchmark)
ONLY = set(filter(None, os.environ.get('BENCH_ONLY', '').split(',')))


def scenario(key, title, script, connections, env, warmup=5):
    """env: the wrk environment, or a function giving a fresh one for each run (e.g. new people to grant)."""
    if ONLY and key not in ONLY:
        return None
    fresh = env if callable(env) else (lambda: env)
    wrk(script, connections, warmup, fresh())
    runs = [wrk(script, connections, SECONDS, fresh()) for _ in range(RUNS)]
    merged = {k: statistics.median(r[k] for r in runs) for k in ('rate', 'p50', 'p95', 'p99')}
    merged['non2xx'] = sum(r['non2xx'] + r['errors'] for r in runs)
    merged['title'], merged['connections'] = title, connections
    results[key] = merged
    print('%-40s %3d conn  %8.1f req/s  p50 %7.2f ms  p95 %7.2f ms  non-2xx %d' % (
        title, connections, merged['rate'], merged['p50'], merged['p95'], merged['non2xx']))
    return merged


def median_ms(action, times=7):
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), samples


gm = list(csv.DictReader(open(os.path.join(HERE, '..', '..', 'main', 'resources', 'demo', 'gm_pharmacies.csv'))))
gm_codes = [p['organisation_data_service_code'] for p in gm]

print('signing in 16 LOAs (Greater Manchester), 16 national administrators ...')
loas = [session('loa.gm') for _ in range(16)]
nationals = [session('national') for _ in range(16)]
env_loa = {'WRK_COOKIES': '|'.join(loas)}
# The API floor's own sessions, never used for a page: a session that has shown pages carries their
# Faces views, and (the session being distributable) every request writes them all to the data grid.
env_api = {'WRK_COOKIES': '|'.join(session('loa.gm') for _ in range(16))}
env_national = {'WRK_COOKIES': '|'.join(nationals)}

WARMUP = int(os.environ.get('BENCH_WARMUP', '90'))
print('warming up for %d s (the JIT compiles the portal\'s hot paths; on 2 cores that takes minutes) ...' % WARMUP)
warm_paths = ['/login.xhtml', '/api/session', '/', '/directory.xhtml?q=Boots', '/directory.xhtml?q=BL3', '/expiring.xhtml'] + \
             ['/premises.xhtml?ods=' + c for c in gm_codes[:10]]
wrk('get.lua', 8, WARMUP, {**env_loa, 'WRK_PATHS': '|'.join(warm_paths)})

# Floors: the same server, the same framework, no work of ours.
scenario('floor_page', 'floor: sign-in page (Faces)', 'get.lua', 16, {'WRK_PATHS': '/login.xhtml'})
scenario('floor_api', 'floor: GET /api/session', 'get.lua', 16, {**env_api, 'WRK_PATHS': '/api/session'})
# One signed-in API call and nothing else, one client: what HTTP, the session and JAX-RS cost a grant.
scenario('floor_api_1', 'floor: GET /api/session, 1 client', 'get.lua', 1, {**env_api, 'WRK_PATHS': '/api/session'})

searches = random.sample(gm_codes, 20) + ['Boots', 'Cohens', 'Well', 'Asda', 'Superdrug'] + \
           sorted({p['postcode'].split(' ')[0] for p in gm})[:15]
scenario('directory', 'directory search, 16 LOAs', 'get.lua', 16,
         {**env_loa, 'WRK_PATHS': '|'.join('/directory.xhtml?q=' + urllib.parse.quote(s) for s in searches)})
scenario('premises', 'premises page, 16 LOAs', 'get.lua', 16,
         {**env_loa, 'WRK_PATHS': '|'.join('/premises.xhtml?ods=' + c for c in random.sample(gm_codes, 50))})

print('preparing a locum with 20 grants and 16 people for grant/revoke ...')
with_mailbox = []
for code in gm_codes:
    status, body = api(nationals[0], 'GET', 'premises/' + code)
    if status == 200 and body.get('mailboxStatus') == 'ACTIVE':
        with_mailbox.append(code)
    if len(with_mailbox) == 180:
        break
stamp = ''.join(random.choice(string.ascii_lowercase) for _ in range(6)) + str(int(time.time()) % 100000)


def new_account(n):
    status, body = api(nationals[0], 'POST', 'accounts', {'homeOdsCode': with_mailbox[0], 'firstName': 'Bench',
                                                          'lastName': 'Locum%s%s' % (stamp, n), 'jobRole': 'LOCUM_PHARMACIST',
                                                          'mobileDevice': False})
    assert status == 201, body
    return body['address']


locum = new_account('x')
for code in with_mailbox[:20]:
    status, body = api(nationals[0], 'POST', 'delegations', {'odsCode': code, 'account': locum, 'permissions': ['FULL_ACCESS'],
                                                             'owner': False, 'reason': 'Benchmark: 20 branches'})
    assert status == 201, body
scenario('account', 'account page, locum at 20 branches', 'get.lua', 16,
         {**env_national, 'WRK_PATHS': '/account.xhtml?address=' + urllib.parse.quote(locum)})

try:
    owner = session('owner.chain')
    scenario('owner_home', 'owner home, 2,000-premises chain', 'get.lua', 4, {'WRK_COOKIES': owner, 'WRK_PATHS': '/'})
except SystemExit as e:
    print('no owner.chain user (%s): owner home not measured' % e)


# SCIM: an HR system's token over every region (the whole directory, 1.5 million people; BENCH_REGIONS,
# which run.sh reads from the database) and one for the 2,000-premises chain: a page of 100 and a
# userName lookup, beside the floor GET /api/session.
def hr_token(name, scope):
    status, body = api(nationals[0], 'POST', 'hr-tokens', {'name': '%s %d' % (name, time.time_ns()), 'scope': scope})
    if status != 201:
        raise SystemExit('cannot issue a token for %s: %s %s' % (scope, status, body))
    return body['secret']


def scim_get(token, path):
    conn = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=300)
    conn.request('GET', '/scim/v2/' + path, headers={'Authorization': 'Bearer ' + token})
    body = json.loads(conn.getresponse().read())
    conn.close()
    return body


regions = [c.strip() for c in os.environ.get('BENCH_REGIONS', '').split(',') if c.strip()]
scim_first_page_s = None
if regions and (not ONLY or ONLY & {'scim_lookup', 'scim_page'}):
    everyone = hr_token('Benchmark national HR', regions)
    started = time.perf_counter()
    listed = scim_get(everyone, 'Users?count=200&attributes=userName')
    scim_first_page_s = time.perf_counter() - started
    print('SCIM: %s people in the national token\'s scope; the first page (its total counted) in %.1f s' % (
        listed.get('totalResults'), scim_first_page_s))
    names = [r['userName'] for r in listed.get('Resources', [])][::10]
    scenario('scim_lookup', 'SCIM userName eq lookup, national token', 'get.lua', 16,
             {'WRK_BEARER': everyone, 'WRK_PATHS': '|'.join('/scim/v2/Users?filter=' + urllib.parse.quote('userName eq "%s"' % n)
                                                            for n in names)})
    # A page of the whole directory needs its total counted over 1.5 million people: 15 s on H2 (kept a
    # minute by ListTotals), and the page itself walks the home-organisation index; queries that outlive
    # wrk's run go on loading the portal for the scenarios after. Measured only when asked for.
    if os.environ.get('BENCH_SCIM_NATIONAL_PAGE') == '1':
        scenario('scim_page', 'SCIM page of 100, national token', 'get.lua', 16,
                 {'WRK_BEARER': everyone, 'WRK_PATHS': '|'.join('/scim/v2/Users?count=100&startIndex=%d' % (1 + 100 * k)
                                                                for k in range(0, 100, 7))})
chain_ods = (json.load(open(os.environ['FLOORS_FILE'])) if os.environ.get('FLOORS_FILE') else {}).get('chain_ods')
if chain_ods and (not ONLY or 'scim_page_chain' in ONLY):
    chain = hr_token('Benchmark chain HR', [chain_ods])
    scenario('scim_page_chain', 'SCIM page of 100, the chain\'s token', 'get.lua', 16,
             {'WRK_BEARER': chain, 'WRK_PATHS': '|'.join('/scim/v2/Users?count=100&startIndex=%d' % (1 + 100 * k)
                                                         for k in range(0, 50, 7))})

runs_made = [0]


# Access reviews at national scale: a campaign over every region (its lines made in one statement), a
# reviewer's worklist page beside the page floor; the deadline run is timed by run.sh (review_deadline),
# which starts the portal again two days later (portal.clock.offset) and reads the portal's log.
review_create = {}
review_campaign = None
if regions and (not ONLY or ONLY & {'review_create', 'review_page'}):
    for rule in ('KEEP_AND_FLAG', 'REVOKE'):
        started = time.perf_counter()
        status, body = api(nationals[0], 'POST', 'reviews', {
            'name': 'National review (%s) %d' % (rule, time.time_ns()), 'scope': regions,
            'startsOn': time.strftime('%Y-%m-%d', time.gmtime()),
            'deadline': time.strftime('%Y-%m-%d', time.gmtime(time.time() + 86400)), 'atDeadline': rule, 'recurMonths': None})
        seconds = time.perf_counter() - started
        if status != 201:
            raise SystemExit('cannot start a national review: %s %s' % (status, body))
        review_create[rule] = (seconds, body['lines'])
        print('national review (%s): %d lines in %.1f s' % (rule, body['lines'], seconds))
        if rule == 'KEEP_AND_FLAG':
            review_campaign = body['id']
    status, premises_page = api(loas[0], 'GET', 'reviews/%d/premises?max=200' % review_campaign)
    reviewed = [p['odsCode'] for p in premises_page][:50] if status == 200 else []
    if reviewed:
        # The worklist's paths were not in the warm-up above: warm them as the other pages' were, so the
        # JIT (and H2 settling after the two campaigns' 117,000 rows) is not what is measured.
        wrk('get.lua', 8, 20, {**env_loa, 'WRK_PATHS': '|'.join('/review-premises.xhtml?id=%d&ods=%s' % (review_campaign, c)
                                                                for c in reviewed)})
        scenario('review_page', 'review worklist page, 16 LOAs', 'get.lua', 16,
                 {**env_loa, 'WRK_PATHS': '|'.join('/review-premises.xhtml?id=%d&ods=%s' % (review_campaign, c) for c in reviewed)})
        scenario('review_progress', 'review progress page (GM), 16 LOAs', 'get.lua', 16,
                 {**env_loa, 'WRK_PATHS': '/review.xhtml?id=%d' % review_campaign})


def grant_revoke_env(clients):
    # New people for every wrk run: a run that stops between a grant and its revoke leaves that access
    # live, and granting it again would only be refused.
    runs_made[0] += 1
    people = [new_account('r%dc%d' % (runs_made[0], i)) for i in range(clients)]
    # Each client grants and revokes across 10 premises of its own, as an LOA works through their area,
    # rather than thousands of times on one mailbox (whose history would then hold thousands of rows).
    places = with_mailbox[20:]
    return {**env_national, 'WRK_PAIRS': ';'.join('%s,%s' % (people[i], '/'.join(places[(i * 10 + k) % len(places)]
                                                                                  for k in range(10)))
                                                  for i in range(clients))}


scenario('grant_revoke_1', 'grant then revoke, API, 1 client', 'grant_revoke.lua', 1, lambda: grant_revoke_env(1), warmup=20)
scenario('grant_revoke_16', 'grant then revoke, API, 16 clients', 'grant_revoke.lua', 16, lambda: grant_revoke_env(16),
         warmup=10)
floors = json.load(open(os.environ['FLOORS_FILE'])) if os.environ.get('FLOORS_FILE') else {}
peer = {}
peer_file = os.environ.get('KEYCLOAK_RESULT')
if peer_file and os.path.exists(peer_file):
    for line in open(peer_file):
        parts = line.split()
        if parts and parts[0] in ('sequential', 'concurrent-16'):
            peer[parts[0]] = {'rate': float(parts[2]), 'p95': float(parts[4])}
results['peer'] = peer


def peer_bounds():
    """What the floors of the same run allow against Keycloak, whatever the portal's own work: at 1 client a
    call cannot take less than a signed-in API call (HTTP, session, the caller read again) plus its own
    statements in plain JDBC, one after the other (both read the caller, so the sum is about one read too
    strict); at 16 clients it cannot outrun that signed-in call alone."""
    lines = []
    api_1, jdbc = results.get('floor_api_1'), floors.get('grant_revoke_call_ms')
    if 'sequential' in peer and api_1 and jdbc:
        ms = api_1['p50'] + jdbc
        lines.append('Bound at 1 client: GET /api/session p50 %.2f ms + the call\'s statements in plain JDBC %.2f ms = '
                     '%.2f ms a call, at most about %.0f calls/s = %.2f× Keycloak (%.0f).' % (
                         api_1['p50'], jdbc, ms, 1000 / ms, 1000 / ms / peer['sequential']['rate'], peer['sequential']['rate']))
    api_16 = results.get('floor_api')
    if 'concurrent-16' in peer and api_16:
        lines.append('Bound at 16 clients: GET /api/session alone, 16 clients, %.0f req/s = %.2f× Keycloak (%.0f).' % (
            api_16['rate'], api_16['rate'] / peer['concurrent-16']['rate'], peer['concurrent-16']['rate']))
    return lines


def read_heap():
    """The heap in use after a full GC, in MB; the 40 largest classes beside the report."""
    if not PID:
        return None
    subprocess.run(['jcmd', PID, 'GC.run'], capture_output=True)
    info = subprocess.run(['jcmd', PID, 'GC.heap_info'], capture_output=True, text=True).stdout
    histogram = subprocess.run(['jcmd', PID, 'GC.class_histogram'], capture_output=True, text=True).stdout
    open(REPORT.replace('.md', '-heap.txt'), 'w').write('\n'.join(histogram.splitlines()[:45]) + '\n')
    for line in info.splitlines():
        if ' used ' in line and 'total' in line:
            return int(line.split('used')[1].split('K')[0].strip()) / 1024
    return None


if ONLY:
    only_heap = read_heap()
    with open(REPORT, 'w') as out:
        out.write('# %s\n\n| scenario | connections | rate /s | p50 ms | p95 ms | non-2xx |\n| --- | --- | --- | --- | --- | --- |\n'
                  % LABEL)
        for key in sorted(k for k in results if 'title' in results[k]):
            r = results[key]
            out.write('| %s | %d | %.1f | %.2f | %.2f | %d |\n' % (r['title'], r['connections'], r['rate'], r['p50'],
                                                                 r['p95'], r['non2xx']))
        for rule, (seconds, lines) in review_create.items():
            out.write('| national review started (%s): %d lines in %.1f s | | | | | |\n' % (rule, lines, seconds))
        out.write('\nHeap in use after a full GC, after the load: %s MB.\n' % ('%.0f' % only_heap if only_heap else '?'))
        out.write('Start-up to ready: %s s (Payara Micro alone: %s s).\n' % (os.environ.get('STARTUP_SECONDS', '?'),
                                                                             os.environ.get('STARTUP_FLOOR', '?')))
        if floors.get('grant_revoke_call_ms') and 'grant_revoke_1' in results:
            out.write('One grant or revoke, 1 client: p50 %.2f ms, %.1f× its plain-JDBC floor (%.2f ms)%s.\n' % (
                results['grant_revoke_1']['p50'], results['grant_revoke_1']['p50'] / floors['grant_revoke_call_ms'],
                floors['grant_revoke_call_ms'],
                '; the API floor at 1 client (GET /api/session) has p50 %.2f ms' % results['floor_api_1']['p50']
                if 'floor_api_1' in results else ''))
        for key, peer_key in (('grant_revoke_1', 'sequential'), ('grant_revoke_16', 'concurrent-16')):
            if key in results and peer_key in peer:
                out.write('%s ÷ Keycloak (%.0f calls/s): %.2f.\n' % (key, peer[peer_key]['rate'],
                                                                    results[key]['rate'] / peer[peer_key]['rate']))
        for line in peer_bounds():
            out.write(line + '\n')
    print(open(REPORT).read())
    sys.exit(0)

if floors.get('chain_ods'):
    print('leaver of the chain (contractor) for a locum with 20 grants ...')
    leaver_samples = []
    for n in range(11):  # the first two warm up
        person = new_account('lv%d' % n)
        for code in floors['chain_premises']:
            status, body = api(nationals[0], 'POST', 'delegations', {'odsCode': code, 'account': person,
                                                                     'permissions': ['FULL_ACCESS'], 'owner': False,
                                                                     'reason': 'Benchmark: 20 branches of the chain'})
            assert status == 201, body
        start = time.perf_counter()
        status, body = api(nationals[0], 'POST', 'leavers', {'account': person, 'kind': 'contractor',
                                                             'odsCode': floors['chain_ods'],
                                                             'effectiveDate': time.strftime('%Y-%m-%d', time.gmtime()),
                                                             'reason': 'Benchmark: leaves the chain'})
        elapsed = (time.perf_counter() - start) * 1000
        assert status == 201 and body['state'] == 'CLOSED', body
        for code in (floors['chain_premises'][0], floors['chain_premises'][-1]):
            access = api(nationals[0], 'GET', 'premises/' + code)[1].get('access', [])
            assert not any(a['account'] == person for a in access), 'the leaver left access at %s' % code
        if n >= 2:
            leaver_samples.append(elapsed)
    results['leaver'] = {'ms': statistics.median(leaver_samples)}
    print('leaver, 20 grants: median %.1f ms (client wall clock, loopback)' % results['leaver']['ms'])

print('reports and registrations ...')
gateway_ms, _ = median_ms(lambda: request('GET', '/export/reports/gateway.csv?point=0', cookie=nationals[0]))
results['gateway'] = {'ms': gateway_ms}
print('gateway report over all premises (CSV): median %.0f ms' % gateway_ms)

alphabet = string.ascii_uppercase + string.digits
codes = set()
while len(codes) < 11500:
    codes.add('F' + ''.join(random.choice(alphabet) for _ in range(4)))
rows = ["Trading name,Owner's name,Premises address,Postcode,Pharmacy ODS code,Pharmacy telephone,Current pharmacy email"]
for n, code in enumerate(sorted(codes)):
    rows.append('Pharmacy %d,Owner %d Ltd,"%d High Street, Town",M1 1AE,%s,0161 496 %04d,p%d.%s@pharmacy.example.co.uk'
                % (n, n, n, code, n % 10000, n, stamp))
sheet = ('\r\n'.join(rows) + '\r\n').encode()
start = time.perf_counter()
status, text, _ = request('POST', '/api/registrations/files/preview', sheet, nationals[0], 'text/csv')
preview_ms = (time.perf_counter() - start) * 1000
start = time.perf_counter()
status, text, _ = request('POST', '/api/registrations/files?name=bench-%s.csv' % stamp, sheet, nationals[0], 'text/csv')
upload = json.loads(text)
while upload['state'] != 'FINISHED':
    time.sleep(0.1)
    upload = api(nationals[0], 'GET', 'registrations/files/%d' % upload['id'])[1]
import_ms = (time.perf_counter() - start) * 1000
results['registration'] = {'preview_ms': preview_ms, 'import_ms': import_ms, 'accepted': upload['accepted'],
                           'rejected': upload['rejected']}
print('registration file of 11,500 rows: preview %.0f ms, accepted and stored %.0f ms (%d stored, %d refused)'
      % (preview_ms, import_ms, upload['accepted'], upload['rejected']))

heap = read_heap()
results['heap_mb'] = heap


# ---------------------------------------------------------------- the report
floor_page, floor_api = results['floor_page'], results['floor_api']


def ratio_text(value, floor):
    return '%.1f× the plain-JDBC floor (%.1f ms)' % (value / floor, floor) if floor else 'no floor measured'


def within(value, floor):
    return bool(floor) and value / floor <= 3


def leaver_row():
    if 'leaver' not in results:
        return '| leaver of a contractor, locum with 20 grants | not measured (no floors file) | | ≤ 50 ms; ≤ 3× floor | |'
    ms = results['leaver']['ms']
    return '| leaver of a contractor, locum with 20 grants (API, client wall clock) | median %.1f ms | %s | ≤ 50 ms; ≤ 3× floor | %s |' % (
        ms, ratio_text(ms, floors.get('leaver_ms')), 'met' if ms <= 50 and within(ms, floors.get('leaver_ms')) else 'missed')


def grant_floor_row():
    r, floor = results.get('grant_revoke_1'), floors.get('grant_revoke_call_ms')
    if not r or not floor:
        return '| one grant or revoke, 1 client, p50 ÷ plain JDBC | not measured | | ≤ 2× | |'
    api = results.get('floor_api_1')
    return '| one grant or revoke, 1 client: p50 (HTTP client) ÷ the same statements in plain JDBC | %.2f ms | %.1f× the floor (%.2f ms)%s | ≤ 2× | %s |' % (
        r['p50'], r['p50'] / floor, floor, '; GET /api/session alone, 1 client: p50 %.2f ms' % api['p50'] if api else '',
        'met' if r['p50'] / floor <= 2 else 'missed')


def row(key, floor, target, check):
    r = results.get(key)
    if not r:
        return '| %s | not measured | | %s | |' % (key, target)
    ratio = r['p95'] / floor['p95'] if floor else None
    return '| %s (%d conn) | %.0f req/s, p50 %.1f ms, p95 %.1f ms%s | %s | %s | %s |' % (
        r['title'], r['connections'], r['rate'], r['p50'], r['p95'],
        '; %d not 2xx' % r['non2xx'] if r['non2xx'] else '', '%.1f×' % ratio if ratio else '', target,
        'met' if check(r, ratio) else 'missed')


lines = ['# National-scale benchmark: %s' % LABEL, '',
         'Portal at %s; %d runs of %d s per scenario after a warm-up, medians; wrk on the same machine.' % (BASE, RUNS, SECONDS),
         'Machine: %s cores, %s. Startup to ready: %s s.' % (os.cpu_count(), LABEL, os.environ.get('STARTUP_SECONDS', '?')), '',
         '| scenario | measured | p95 ÷ floor p95 | target | |', '| --- | --- | --- | --- | --- |',
         '| floor: sign-in page (%d conn) | %.0f req/s, p95 %.1f ms | 1× | | |' % (16, floor_page['rate'], floor_page['p95']),
         '| floor: GET /api/session (%d conn) | %.0f req/s, p95 %.1f ms | 1× | | |' % (16, floor_api['rate'], floor_api['p95']),
         row('directory', floor_page, 'p95 ≤ 100 ms; ≤ 3× floor', lambda r, x: r['p95'] <= 100 and x <= 3),
         row('premises', floor_page, 'p95 ≤ 100 ms; ≤ 3× floor', lambda r, x: r['p95'] <= 100 and x <= 3),
         row('account', floor_page, 'p95 ≤ 100 ms', lambda r, x: r['p95'] <= 100),
         row('owner_home', floor_page, 'p95 ≤ 300 ms', lambda r, x: r['p95'] <= 300),
         row('scim_lookup', floor_api, '≤ 3× floor', lambda r, x: x <= 3),
         row('scim_page', floor_api, '≤ 3× floor', lambda r, x: x <= 3),
         row('scim_page_chain', floor_api, '≤ 3× floor', lambda r, x: x <= 3),
         '| SCIM first page of the whole directory, national token (counts 1.5 million; the total is then kept a minute) | %s | | | |' % (
             '%.1f s' % scim_first_page_s if scim_first_page_s else 'not measured'),
         row('review_page', floor_page, '≤ 3× floor', lambda r, x: x <= 3),
         row('review_progress', floor_page, '', lambda r, x: True),
         '| national review campaign started: every live access over all regions becomes a line | %s | | ≤ 10 s | %s |' % (
             '; '.join('%s %d lines in %.1f s' % (k, v[1], v[0]) for k, v in review_create.items()) or 'not measured',
             'met' if review_create and all(v[0] <= 10 for v in review_create.values()) else ''),
         row('grant_revoke_1', floor_api, 'ahead of Keycloak', lambda r, x: 'sequential' in peer and r['rate'] > peer['sequential']['rate']),
         row('grant_revoke_16', floor_api, 'p95 ≤ 15 ms; ahead of Keycloak',
             lambda r, x: r['p95'] <= 15 and 'concurrent-16' in peer and r['rate'] > peer['concurrent-16']['rate']),
         grant_floor_row(),
         '| gateway report, all premises, whole CSV | median %.0f ms | | ≤ 1 s | %s |' % (gateway_ms, 'met' if gateway_ms <= 1000 else 'missed'),
         leaver_row(),
         '| registration file, 11,500 rows | preview %.0f ms; accepted and stored %.0f ms | %s | ≤ 10 s; ≤ 3× floor | %s |' % (
             preview_ms, import_ms, ratio_text(import_ms, floors.get('registration_ms')),
             'met' if import_ms <= 10000 and within(import_ms, floors.get('registration_ms')) else 'missed'),
         '| heap in use after a full GC, after the load | %s | | ≤ 256 MB | %s |' % (
             '%.0f MB' % heap if heap else 'not read', 'met' if heap and heap <= 256 else 'missed'),
         '| start-up to ready, national data | %s s | %s | ≤ 20 s | %s |' % (
             os.environ.get('STARTUP_SECONDS', '?'),
             'Payara Micro alone, no application: %s s' % os.environ['STARTUP_FLOOR'] if os.environ.get('STARTUP_FLOOR') else '',
             'met' if os.environ.get('STARTUP_SECONDS') and float(os.environ['STARTUP_SECONDS']) <= 20 else 'missed'), '']
if peer:
    when = 'an earlier run on this machine (PEER_RESULT)' if os.environ.get('PEER_REUSED') else 'same machine, same run'
    lines += ['Keycloak peer (' + when + ', its embedded database): 1 client %.0f calls/s (p95 %.1f ms); '
              '16 clients %.0f calls/s (p95 %.1f ms).' % (peer['sequential']['rate'], peer['sequential']['p95'],
                                                        peer['concurrent-16']['rate'], peer['concurrent-16']['p95']),
              'Portal ÷ Keycloak, calls/s: 1 client %.2f; 16 clients %.2f. (One portal call is a grant or a revoke: '
              'authorisation, rules, audit row and outbox event in one transaction.)' % (
                  results['grant_revoke_1']['rate'] / peer['sequential']['rate'],
                  results['grant_revoke_16']['rate'] / peer['concurrent-16']['rate'])] + peer_bounds() + ['']
else:
    lines += ['Keycloak peer: not run (run.sh runs it unless NO_PEER=1).', '']
os.makedirs(os.path.dirname(os.path.abspath(REPORT)), exist_ok=True)
open(REPORT, 'w').write('\n'.join(lines))
print('\n'.join(lines))
