#!/usr/bin/env python3
"""Grant-then-revoke over the API against a running portal, for the sealer's cost (see sealer-cost.sh).

Usage: sealer_cost.py BASE_URL LABEL RESULT.json
Signs 16 national administrators in, makes a person per client, warms up, then runs wrk with
grant_revoke.lua BENCH_RUNS times for BENCH_SECONDS at 1 and at 16 clients; writes the medians.
"""
import json, os, statistics, subprocess, sys, time
HERE = os.path.dirname(os.path.abspath(__file__))
sys.argv, args = sys.argv[:1], sys.argv[1:]
BASE, LABEL, OUT = args[0].rstrip('/'), args[1], args[2]
RUNS, SECONDS = int(os.environ.get('BENCH_RUNS', '5')), int(os.environ.get('BENCH_SECONDS', '10'))
import http.client, urllib.parse
HOST = urllib.parse.urlparse(BASE)


def request(method, path, body=None, cookie=None):
    conn = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=120)
    headers = {'Accept': 'application/json'}
    if cookie:
        headers['Cookie'] = cookie
    if body is not None:
        headers['Content-Type'] = 'application/json'
        body = json.dumps(body).encode()
    conn.request(method, path, body=body, headers=headers)
    r = conn.getresponse()
    text = r.read()
    cookie_out = r.getheader('Set-Cookie')
    conn.close()
    return r.status, (json.loads(text) if text[:1] in (b'{', b'[') else text), cookie_out


def session(user):
    status, _, set_cookie = request('POST', '/api/session', {'username': user, 'password': 'Pharmacy-Demo-2026'})
    assert status == 204, status
    return set_cookie.split(';')[0]


nationals = [session('national') for _ in range(16)]
codes = []
import csv
for row in csv.DictReader(open(os.path.join(HERE, '..', '..', 'main', 'resources', 'demo', 'gm_pharmacies.csv'))):
    code = row['organisation_data_service_code']
    status, body, _ = request('GET', '/api/premises/' + code, cookie=nationals[0])
    if status == 200 and body.get('mailboxStatus') == 'ACTIVE':
        codes.append(code)
    if len(codes) == 160:
        break
assert len(codes) >= 40, codes
made = [0]


def person():
    made[0] += 1
    status, body, _ = request('POST', '/api/accounts', {'homeOdsCode': codes[0], 'firstName': 'Seal', 'lastName': 'Bench%d%s' % (
        made[0], LABEL.replace(' ', '')), 'jobRole': 'LOCUM_PHARMACIST', 'mobileDevice': False}, nationals[0])
    assert status == 201, body
    return body['address']


def wrk(clients, seconds):
    pairs = ';'.join('%s,%s' % (person(), '/'.join(codes[(i * 10 + k) % len(codes)] for k in range(10))) for i in range(clients))
    env = {**os.environ, 'WRK_COOKIES': ';'.join(nationals), 'WRK_PAIRS': pairs}
    out = subprocess.run(['wrk', '-t', str(clients), '-c', str(clients), '-d', '%ds' % seconds, '--timeout', '10s', '-s',
                          os.path.join(HERE, 'wrk', 'grant_revoke.lua'), BASE], capture_output=True, text=True, env=env,
                         timeout=seconds + 60).stdout
    result = json.loads([l for l in out.splitlines() if l.startswith('RESULT ')][0][7:])
    result['rate'] = result['requests'] / result['seconds']
    return result


print('%s: warming up ...' % LABEL, flush=True)
wrk(16, int(os.environ.get('BENCH_WARMUP', '40')))
results = {}
for clients in (1, 16):
    # Each level settles first: right after the 16-client warm-up a single client ran at half its
    # rate and climbed through the runs, whatever the sealer did.
    wrk(clients, int(os.environ.get('BENCH_LEVEL_WARMUP', '30')))
    runs = [wrk(clients, SECONDS) for _ in range(RUNS)]
    results[clients] = {'rate': statistics.median(r['rate'] for r in runs), 'p95': statistics.median(r['p95'] for r in runs),
                        'non2xx': sum(r['non2xx'] + r['errors'] for r in runs), 'rates': [round(r['rate'], 1) for r in runs]}
    print('%s: %2d clients  %7.1f req/s (median of %s)  p95 %.2f ms  non-2xx %d' % (
        LABEL, clients, results[clients]['rate'], results[clients]['rates'], results[clients]['p95'], results[clients]['non2xx']),
        flush=True)
status, verify, _ = request('GET', '/api/audit/verify', cookie=nationals[0])
results['verify'] = verify if status == 200 else status
json.dump(results, open(OUT, 'w'), indent=1)
