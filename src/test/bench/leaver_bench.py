#!/usr/bin/env python3
"""Times leaver work on a running portal over its JSON API (national-scale data).

  1. a leaver of a contractor for a locum with 20 grants (several locums; median and each run);
  2. a 1,000-line bulk leaver file: preview, then accept and wait for the job to finish.

Usage: leaver_bench.py BASE_URL MYSQL_DB  (reads the database with the mysql client to choose data).
Not part of the test command; timings are client wall-clock on loopback, so they include HTTP.
"""
import functools, os, http.cookiejar, json, statistics, subprocess, sys, time, urllib.request
print = functools.partial(print, flush=True)

BASE, DB = sys.argv[1].rstrip('/') + '/', sys.argv[2]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def call(method, path, body=None, ctype='application/json'):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(BASE + 'api/' + path, data=data, method=method,
                                 headers={'Accept': 'application/json', 'Content-Type': ctype})
    try:
        with opener.open(req) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def sql(query):
    out = subprocess.run(['mysql', '-h', '127.0.0.1', '-u', 'root', '-N', '-B', DB, '-e', query],
                         capture_output=True, text=True, check=True).stdout
    return [line.split('\t') for line in out.splitlines() if line]


call('POST', 'session', {'username': 'national', 'password': 'Pharmacy-Demo-2026'})
contractor = sql("SELECT c.ods_code FROM organisation c JOIN organisation p ON p.parent_id = c.id "
                 "JOIN shared_mailbox m ON m.premises_id = p.id AND m.status = 'ACTIVE' WHERE c.kind = 'CONTRACTOR' "
                 "GROUP BY c.id, c.ods_code HAVING COUNT(*) >= 25 ORDER BY COUNT(*) DESC LIMIT 1")[0][0]
branches = [r[0] for r in sql("SELECT p.ods_code FROM organisation p JOIN organisation c ON p.parent_id = c.id "
                              "JOIN shared_mailbox m ON m.premises_id = p.id AND m.status = 'ACTIVE' "
                              f"WHERE c.ods_code = '{contractor}' ORDER BY p.ods_code LIMIT 20")]
times = []
for i in range(0 if os.environ.get('SKIP_LEAVER') else 7):
    status, account = call('POST', 'accounts', {'homeOdsCode': branches[0], 'firstName': 'Bench',
                                                'lastName': f'Locum{int(time.time() * 1000) % 10**9}{i}',
                                                'jobRole': 'LOCUM_PHARMACIST', 'mobileDevice': True})
    assert status == 201, account
    for ods in branches:
        s, r = call('POST', 'delegations', {'odsCode': ods, 'account': account['address'],
                                            'permissions': ['FULL_ACCESS'], 'owner': False, 'reason': 'bench'})
        assert s == 201, r
    t0 = time.perf_counter()
    s, case = call('POST', 'leavers', {'account': account['address'], 'kind': 'contractor', 'odsCode': contractor,
                                       'reason': 'bench'})
    times.append((time.perf_counter() - t0) * 1000)
    assert s == 201 and case['state'] == 'CLOSED' and case['steps'][0]['detail'].startswith('Revoked 20'), case
if times:
    print(f"leaver of contractor {contractor}, 20 grants: runs (ms) {[round(t, 1) for t in times]}; "
      f"median {statistics.median(times):.1f} ms (first run warms up)")

rows = sql("SELECT a.address, p.ods_code FROM delegation d JOIN personal_account a ON a.id = d.account_id "
           "JOIN shared_mailbox m ON m.id = d.mailbox_id JOIN organisation p ON p.id = m.premises_id "
           "WHERE d.revoked_at IS NULL AND a.status = 'ACTIVE' AND d.mailbox_owner = 0 "
           "GROUP BY a.id, a.address, p.ods_code ORDER BY a.id DESC LIMIT 1000")
csv = ('account,kind,ods_code,effective_date\n' + ''.join(f'{a},premises,{o},\n' for a, o in rows)).encode()
t0 = time.perf_counter()
s, preview = call('POST', 'leaver-files/preview?reason=bench', csv, 'text/csv')
preview_ms = (time.perf_counter() - t0) * 1000
bad = [l for l in preview if l.get('problem')] if s == 200 else preview
t0 = time.perf_counter()
s, job = call('POST', f'leaver-files?reason=bench&name=bench-{int(time.time())}.csv', csv, 'text/csv')
assert s == 202, job
while job['state'] != 'FINISHED':
    time.sleep(0.2)
    s, job = call('GET', f"leaver-files/{job['id']}")
job_s = time.perf_counter() - t0
print(f"bulk file of {len(rows)} lines: preview {preview_ms:.0f} ms ({len(bad)} lines with problems); "
      f"accept and run {job_s:.1f} s ({job['done']} done, {job['failed']} failed, "
      f"{len(rows) / job_s:.0f} lines/s)")
