#!/usr/bin/env python3
"""statements_per_call.py PORT CALLS (run by statements-per-call.sh).

Grants then revokes CALLS/2 times as the demo user 'national' over the JSON API, one call at a time,
and prints MariaDB's statement counters (SHOW GLOBAL STATUS) per call, read before the calls and 3 s
after the last one, so that the background delivery of those changes is counted with them.
"""
import http.client, json, subprocess, sys, time

PORT, CALLS = int(sys.argv[1]), int(sys.argv[2])
COUNTERS = ('Questions', 'Com_commit', 'Com_select', 'Com_insert', 'Com_update', 'Com_delete', 'Com_rollback')


def request(method, path, body=None, cookie=None):
    conn = http.client.HTTPConnection('127.0.0.1', PORT, timeout=60)
    headers = {'Accept': 'application/json', 'Content-Type': 'application/json'}
    if cookie:
        headers['Cookie'] = cookie
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    text = r.read()
    set_cookie = '; '.join(c.split(';')[0] for c in (r.msg.get_all('Set-Cookie') or []))
    conn.close()
    return r.status, text, set_cookie


def sql(query):
    return subprocess.run(['mysql', '-h', '127.0.0.1', '-u', 'root', '-N', '-B', 'portal_bench', '-e', query],
                          capture_output=True, text=True, check=True).stdout


def counters():
    rows = sql("SHOW GLOBAL STATUS WHERE Variable_name IN (%s)" % ','.join("'%s'" % c for c in COUNTERS))
    return {name: int(value) for name, value in (line.split('\t') for line in rows.strip().splitlines())}


# a premises with an active mailbox, and a locum with no live access to it
ODS, ACCOUNT = sql("""SELECT o.ods_code, (SELECT a.address FROM personal_account a WHERE a.status = 'ACTIVE'
    AND a.job_role = 'LOCUM_PHARMACIST' AND NOT EXISTS (SELECT 1 FROM delegation d WHERE d.account_id = a.id
    AND d.mailbox_id = m.id AND d.revoked_at IS NULL) ORDER BY a.id LIMIT 1)
  FROM organisation o JOIN shared_mailbox m ON m.premises_id = o.id AND m.status = 'ACTIVE' ORDER BY o.id LIMIT 1""").split()
status, _, COOKIE = request('POST', '/api/session', {'username': 'national', 'password': 'Pharmacy-Demo-2026'})
assert status == 204, 'cannot sign in: %s' % status


def grant_then_revoke(calls):
    for _ in range(calls // 2):
        status, text, _ = request('POST', '/api/delegations', {'odsCode': ODS, 'account': ACCOUNT, 'permissions': ['FULL_ACCESS'],
                                                               'owner': False, 'reason': 'Statements grant'}, COOKIE)
        assert status == 201, (status, text)
        status, text, _ = request('POST', '/api/delegations/%d/revoke' % json.loads(text)['id'],
                                  {'reason': 'Statements revoke', 'confirm': True}, COOKIE)
        assert status == 200, (status, text)


grant_then_revoke(200)
time.sleep(3)
before = counters()
grant_then_revoke(CALLS)
time.sleep(3)
after = counters()
print('%d calls; per call: %s' % (CALLS, ', '.join('%s %.2f' % (c, (after[c] - before[c]) / CALLS) for c in COUNTERS)))
